import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
	countText,
	richDocFromPlainText,
	richPlainText,
	RichDocSchema,
	type RichDoc
} from '$domain/rich-text';
import { lengthProgress, lengthVerdict } from '$domain/draft';

describe('counting a text', () => {
	it('counts characters with and without spaces, and words', () => {
		expect(countText('Vi åpnet biblioteket på lørdager.')).toEqual({
			characters: 33,
			charactersNoSpaces: 29,
			words: 5
		});
	});

	it('counts æ, ø, å and composed letters once, and emoji as one character', () => {
		expect(countText('blåbær')).toEqual({ characters: 6, charactersNoSpaces: 6, words: 1 });
		expect(countText('🙂 ok').characters).toBe(4);
	});

	it('does not count the breaks between paragraphs, and a dash alone is no word', () => {
		expect(countText('Første avsnitt.\nAndre – og siste.')).toEqual({
			characters: 32,
			charactersNoSpaces: 28,
			words: 5
		});
		expect(countText('')).toEqual({ characters: 0, charactersNoSpaces: 0, words: 0 });
		expect(countText('   \n\t ').words).toBe(0);
	});

	it('counts hyphenated words and numbers as one word each', () => {
		expect(countText('e-post 2 000 kroner').words).toBe(4);
		expect(countText('bibliotek-Norge').words).toBe(1);
	});

	it('counts a 20,000-character text the same as its parts', () => {
		const paragraph = 'Ledelse i små bibliotek handler om å prioritere. '.repeat(10).trim();
		const text = Array.from({ length: 40 }, () => paragraph).join('\n');
		const one = countText(paragraph);
		const all = countText(text);
		expect(all.characters).toBe(one.characters * 40);
		expect(all.words).toBe(one.words * 40);
	});
});

describe('rich text as plain data', () => {
	const doc: RichDoc = {
		type: 'doc',
		content: [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tittel' }] },
			{
				type: 'paragraph',
				content: [
					{ type: 'text', text: 'Første ' },
					{ type: 'text', text: 'linje', marks: [{ type: 'strong' }] },
					{ type: 'hard_break' },
					{ type: 'text', text: 'andre linje' }
				]
			},
			{
				type: 'bullet_list',
				content: [
					{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }] }
				]
			},
			{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sitat' }] }] }
		]
	};

	it('reads one line per paragraph, heading and list item; a hard break is a line break', () => {
		expect(richPlainText(doc)).toBe('Tittel\nFørste linje\nandre linje\nPunkt\nSitat');
	});

	it('makes paragraphs from plain text without losing a line', () => {
		const text = 'Første linje\n\nAndre linje\r\nTredje';
		const made = richDocFromPlainText(text);
		expect(richPlainText(made)).toBe('Første linje\nAndre linje\nTredje');
		expect(richDocFromPlainText('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
	});

	it('refuses what is not a document of the format', () => {
		expect(v.safeParse(RichDocSchema, doc).success).toBe(true);
		expect(v.safeParse(RichDocSchema, { type: 'paragraph' }).success).toBe(false);
		expect(v.safeParse(RichDocSchema, { type: 'doc', content: [{ type: 'table' }] }).success).toBe(false);
		expect(
			v.safeParse(RichDocSchema, {
				type: 'doc',
				content: [{ type: 'paragraph', marks: [{ type: 'underline' }] }]
			}).success
		).toBe(false);
	});
});

describe('length against a target', () => {
	it('is within ±10 % of the target, under or over outside it', () => {
		expect(lengthVerdict(1_799, 2_000)).toBe('under');
		expect(lengthVerdict(1_800, 2_000)).toBe('within');
		expect(lengthVerdict(2_200, 2_000)).toBe('within');
		expect(lengthVerdict(2_201, 2_000)).toBe('over');
		expect(lengthVerdict(5_000, 0)).toBe('none');
		expect(lengthProgress({ characters: 1_000 }, 2_000)).toBe(0.5);
		expect(lengthProgress({ characters: 3_000 }, 2_000)).toBe(1);
	});
});
