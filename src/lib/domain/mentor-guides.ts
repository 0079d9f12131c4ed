/**
 * A mentor scheme's guides: the documents its coordinators write and every member reads, offline
 * too — example questions for the conversations, suggested topics, guidelines for the
 * conversations, and the method for guidance. Each is rich text in the scheme's programme document
 * (`programme:<id>`, which coordinators write and members read), the fragment `guide:<key>`.
 * A pair builds a meeting's agenda from the topics and questions: each list item of those two
 * guides is one suggestion, under the heading above it (a guide without lists offers its
 * paragraphs instead, so an introduction above the lists is never offered as a topic).
 */
import type { RichDoc, RichNode } from './rich-text';

export const GUIDE_KEYS = ['topics', 'questions', 'guidelines', 'method'] as const;
export type GuideKey = (typeof GUIDE_KEYS)[number];

/** The guides an agenda is built from. */
export const SUGGESTION_GUIDES = ['topics', 'questions'] as const satisfies readonly GuideKey[];

export const guideFragmentName = (key: GuideKey) => `guide:${key}`;

export interface GuideSuggestion {
	guide: GuideKey;
	/** The nearest heading above it ('' when none). */
	heading: string;
	text: string;
}

const SUGGESTION_MAX = 300;

function plain(node: RichNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hard_break') return ' ';
	return (node.content ?? []).map(plain).join('');
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, SUGGESTION_MAX);

/** The suggestions a guide offers: its list items (or, without lists, its paragraphs), in order, each once. */
export function guideSuggestions(guide: GuideKey, doc: RichDoc): GuideSuggestion[] {
	const out: GuideSuggestion[] = [];
	const seen = new Set<string>();
	let heading = '';
	const add = (node: RichNode) => {
		const text = tidy(plain(node));
		if (!text || seen.has(text)) return;
		seen.add(text);
		out.push({ guide, heading, text });
	};
	const walkList = (list: RichNode) => {
		for (const item of list.content ?? []) {
			// An item's own paragraphs are the suggestion; its nested lists are suggestions of their own.
			const own = (item.content ?? []).filter((c) => c.type !== 'bullet_list' && c.type !== 'ordered_list');
			add({
				type: 'paragraph',
				content: own.flatMap((c) => [...(c.content ?? []), { type: 'text', text: ' ' }])
			});
			for (const nested of item.content ?? []) {
				if (nested.type === 'bullet_list' || nested.type === 'ordered_list') walkList(nested);
			}
		}
	};
	const blocks = doc.content ?? [];
	const hasLists = blocks.some((b) => b.type === 'bullet_list' || b.type === 'ordered_list');
	for (const block of blocks) {
		if (block.type === 'heading') heading = tidy(plain(block));
		else if (block.type === 'bullet_list' || block.type === 'ordered_list') walkList(block);
		else if (hasLists) continue;
		else if (block.type === 'paragraph') add(block);
		else if (block.type === 'blockquote') for (const inner of block.content ?? []) add(inner);
	}
	return out;
}
