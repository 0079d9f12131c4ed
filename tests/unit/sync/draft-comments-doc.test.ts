import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DraftComment } from '$domain/draft-comment';
import {
	addComment,
	addReply,
	observeComments,
	readComments,
	readReplies,
	setCommentResolved
} from '$sync/draft-comments-doc';

const docs: Y.Doc[] = [];
const newDoc = () => {
	const doc = new Y.Doc();
	docs.push(doc);
	return doc;
};
afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

const comment: DraftComment = {
	id: 'c1',
	authorId: 'per',
	authorName: 'Per Hansen',
	text: 'Utdyp gjerne.',
	createdAt: 1,
	anchor: { start: 'AQID', end: 'BAUG', quote: 'store endringer' },
	resolvedAt: null,
	resolvedBy: null
};

describe('the comments document', () => {
	it('stores comments and replies, resolves and reopens, and calls back on each change', () => {
		const doc = newDoc();
		let changes = 0;
		const stop = observeComments(doc, () => changes++);
		addComment(doc, { ...comment, text: '  Utdyp gjerne.  ' }, 'me');
		expect(readComments(doc)).toEqual([comment]);
		expect(() => addComment(doc, comment, 'me')).toThrow();
		addReply(
			doc,
			{ id: 'r1', commentId: 'c1', authorId: 'kari', authorName: 'Kari', text: 'Ok', createdAt: 2 },
			'me'
		);
		expect(readReplies(doc).map((r) => r.id)).toEqual(['r1']);
		expect(setCommentResolved(doc, 'c1', { at: 5, by: 'kari' }, 'me')).toBe(true);
		expect(readComments(doc)[0]).toMatchObject({ resolvedAt: 5, resolvedBy: 'kari', text: 'Utdyp gjerne.' });
		setCommentResolved(doc, 'c1', null, 'me');
		expect(readComments(doc)[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });
		expect(setCommentResolved(doc, 'nope', null, 'me')).toBe(false);
		expect(changes).toBe(4);
		stop();
	});

	it('refuses an invalid comment and skips one stored by a broken client', () => {
		const doc = newDoc();
		expect(() => addComment(doc, { ...comment, text: ' ' }, 'me')).toThrow();
		doc.getMap('comments').set('bad', { id: 'bad', text: 42 });
		addComment(doc, comment, 'me');
		expect(readComments(doc).map((c) => c.id)).toEqual(['c1']);
	});

	it('merges comments written at once on two devices, offline', () => {
		const a = newDoc();
		const b = newDoc();
		addComment(a, comment, 'me');
		addComment(b, { ...comment, id: 'c2', authorId: 'sigrid' }, 'me');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(
			readComments(a)
				.map((c) => c.id)
				.sort()
		).toEqual(['c1', 'c2']);
		expect(
			readComments(b)
				.map((c) => c.id)
				.sort()
		).toEqual(['c1', 'c2']);
	});
});
