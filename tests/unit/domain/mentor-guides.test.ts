import { describe, expect, it } from 'vitest';
import { defaultGuide } from '$domain/mentor-guide-defaults';
import { guideSuggestions } from '$domain/mentor-guides';
import type { RichDoc, RichNode } from '$domain/rich-text';

const text = (value: string): RichNode => ({ type: 'text', text: value });
const p = (...parts: string[]): RichNode => ({ type: 'paragraph', content: parts.map(text) });
const h = (value: string): RichNode => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const item = (...content: RichNode[]): RichNode => ({ type: 'list_item', content });
const ul = (...items: RichNode[]): RichNode => ({ type: 'bullet_list', content: items });
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

describe('guideSuggestions', () => {
	it('offers each list item under the heading above it, nested items on their own, each text once', () => {
		const guide = doc(
			p('Velg det som passer dere.'),
			h('Drift'),
			ul(item(p('Budsjett  og ', 'økonomi')), item(p('Personal'), ul(item(p('Sykefravær'))))),
			h('Rollen'),
			ul(item(p('Budsjett og økonomi')), item(p('Egen rolle i kommunen')))
		);
		expect(guideSuggestions('topics', guide)).toEqual([
			{ guide: 'topics', heading: 'Drift', text: 'Budsjett og økonomi' },
			{ guide: 'topics', heading: 'Drift', text: 'Personal' },
			{ guide: 'topics', heading: 'Drift', text: 'Sykefravær' },
			{ guide: 'topics', heading: 'Rollen', text: 'Egen rolle i kommunen' }
		]);
	});

	it('offers the paragraphs of a guide written without lists, skipping empty ones', () => {
		const guide = doc(h('Spørsmål'), p('Hva gjorde du sist?'), p('  '), {
			type: 'blockquote',
			content: [p('Hva vil du lære?')]
		});
		expect(guideSuggestions('questions', guide).map((s) => [s.heading, s.text])).toEqual([
			['Spørsmål', 'Hva gjorde du sist?'],
			['Spørsmål', 'Hva vil du lære?']
		]);
	});

	it('gives nothing for an empty guide, and never the introduction of the suggested topics', () => {
		expect(guideSuggestions('topics', doc(p()))).toEqual([]);
		const topics = guideSuggestions('topics', defaultGuide('topics'));
		expect(topics.length).toBeGreaterThan(5);
		expect(topics.every((s) => s.heading !== '')).toBe(true);
		expect(topics.some((s) => s.text.startsWith('Forslag til'))).toBe(false);
		expect(guideSuggestions('questions', defaultGuide('questions')).length).toBeGreaterThan(5);
	});
});
