import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	CommentReplySchema,
	commentsInOrder,
	DraftCommentSchema,
	quoteOf,
	repliesByComment,
	type DraftComment
} from '$domain/draft-comment';

const comment = (over: Partial<DraftComment> = {}): DraftComment => ({
	id: 'c1',
	authorId: 'per-hansen',
	authorName: 'Per Hansen',
	text: 'Kan du utdype dette?',
	createdAt: 1_000,
	anchor: { start: 'AQID', end: 'BAUG', quote: 'store endringer' },
	resolvedAt: null,
	resolvedBy: null,
	...over
});

describe('draft comment', () => {
	it('trims the text and requires 1–2000 characters', () => {
		expect(v.parse(DraftCommentSchema, comment({ text: '  Godt poeng.  ' })).text).toBe('Godt poeng.');
		const issue = (text: string) => v.safeParse(DraftCommentSchema, comment({ text })).issues?.[0].message;
		expect(issue('   ')).toBe('required');
		expect(issue('x'.repeat(2001))).toBe('tooLong');
		expect(v.safeParse(DraftCommentSchema, comment({ text: 'x'.repeat(2000) })).success).toBe(true);
	});

	it('needs an anchor of two base64 positions and a quote of at most 300 characters', () => {
		const ok = (anchor: DraftComment['anchor']) =>
			v.safeParse(DraftCommentSchema, comment({ anchor })).success;
		expect(ok({ start: 'AQID', end: 'BAUG', quote: 'x'.repeat(300) })).toBe(true);
		expect(ok({ start: 'AQID', end: 'BAUG', quote: 'x'.repeat(301) })).toBe(false);
		expect(ok({ start: '', end: 'BAUG', quote: 'q' })).toBe(false);
		expect(ok({ start: 'not base64!', end: 'BAUG', quote: 'q' })).toBe(false);
		expect(v.safeParse(DraftCommentSchema, { ...comment(), anchor: undefined }).success).toBe(false);
	});

	it('reads a comment without resolution fields as open', () => {
		const { resolvedAt: _a, resolvedBy: _b, ...stored } = comment();
		expect(v.parse(DraftCommentSchema, stored)).toMatchObject({ resolvedAt: null, resolvedBy: null });
		expect(v.safeParse(DraftCommentSchema, comment({ authorId: 'has space' })).success).toBe(false);
	});

	it('takes replies as records of their own', () => {
		const reply = {
			id: 'r1',
			commentId: 'c1',
			authorId: 'kari',
			authorName: 'Kari',
			text: ' Ja! ',
			createdAt: 2
		};
		expect(v.parse(CommentReplySchema, reply).text).toBe('Ja!');
		const grouped = repliesByComment([
			{ ...reply, id: 'r2', createdAt: 5 },
			reply,
			{ ...reply, id: 'r3', commentId: 'c2' }
		]);
		expect(grouped.get('c1')?.map((r) => r.id)).toEqual(['r1', 'r2']);
		expect(grouped.get('c2')?.map((r) => r.id)).toEqual(['r3']);
	});
});

describe('quoteOf', () => {
	it('folds whitespace and cuts at 300 characters', () => {
		expect(quoteOf('  store\n\nendringer  ')).toBe('store endringer');
		const long = quoteOf('ord '.repeat(100));
		expect(long.length).toBeLessThanOrEqual(300);
		expect(long.endsWith('…')).toBe(true);
	});
});

describe('commentsInOrder', () => {
	it('lists open comments in the order of their passages, gone ones last, and resolved ones apart', () => {
		const list = [
			comment({ id: 'late', createdAt: 1 }),
			comment({ id: 'early', createdAt: 9 }),
			comment({ id: 'gone', createdAt: 0 }),
			comment({ id: 'unknown', createdAt: 5 }),
			comment({ id: 'done-1', resolvedAt: 10, resolvedBy: 'kari' }),
			comment({ id: 'done-2', resolvedAt: 20, resolvedBy: 'kari' })
		];
		const ranges = new Map([
			['late', { from: 40, to: 50 }],
			['early', { from: 3, to: 8 }],
			['gone', null]
		]);
		const { open, resolved } = commentsInOrder(list, ranges);
		expect(open.map((c) => c.id)).toEqual(['early', 'late', 'gone', 'unknown']);
		expect(resolved.map((c) => c.id)).toEqual(['done-2', 'done-1']);
	});
});
