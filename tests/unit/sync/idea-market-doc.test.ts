import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { columnOf, ideaBoard, meTooId, peopleBehind, type IdeaPost } from '$domain/idea-market';
import {
	addIdeaComment,
	observeIdeas,
	observeThemes,
	placePost,
	putMeToo,
	putPost,
	putTheme,
	readIdeas,
	readThemes,
	removeIdeaComment,
	removeMeToo,
	removePost,
	removeTheme
} from '$sync/idea-market-doc';

const docs: Y.Doc[] = [];
const newDoc = () => {
	const doc = new Y.Doc();
	docs.push(doc);
	return doc;
};
afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

/** Two devices that were offline exchange what each has (both ways). */
function merge(a: Y.Doc, b: Y.Doc) {
	const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, fromA, 'remote');
	Y.applyUpdate(a, fromB, 'remote');
}

const post = (id: string, authorId: string, authorName: string, createdAt: number): IdeaPost => ({
	id,
	authorId,
	authorName,
	text: `Utfordring fra ${authorName}`,
	createdAt
});
const meToo = (postId: string, userId: string, name: string) => ({
	id: meTooId(postId, userId),
	postId,
	userId,
	name
});

describe('the ideas document', () => {
	it('stores posts, me-toos and comments, edits and removes, and calls back on each change', () => {
		const doc = newDoc();
		let changes = 0;
		const stop = observeIdeas(doc, () => changes++);
		putPost(doc, { ...post('p1', 'kari', 'Kari', 1), text: '  For lite tid til fag  ' }, 'me');
		expect(readIdeas(doc).posts[0].text).toBe('For lite tid til fag');
		putPost(doc, { ...readIdeas(doc).posts[0], text: 'For lite tid', editedAt: 5 }, 'me');
		expect(readIdeas(doc).posts).toEqual([
			{ ...post('p1', 'kari', 'Kari', 1), text: 'For lite tid', editedAt: 5 }
		]);
		putMeToo(doc, meToo('p1', 'per', 'Per'), 'me');
		addIdeaComment(
			doc,
			{ id: 'c1', postId: 'p1', authorId: 'per', authorName: 'Per', text: 'Kjent', createdAt: 2 },
			'me'
		);
		expect(() =>
			addIdeaComment(
				doc,
				{ id: 'c1', postId: 'p1', authorId: 'per', authorName: 'Per', text: 'Igjen', createdAt: 3 },
				'me'
			)
		).toThrow();
		removeIdeaComment(doc, 'c1', 'me');
		removeMeToo(doc, meTooId('p1', 'per'), 'me');
		expect(readIdeas(doc)).toMatchObject({ meToos: [], comments: [] });
		expect(changes).toBe(6);
		stop();
	});

	it('refuses invalid records and skips those a broken client stored', () => {
		const doc = newDoc();
		expect(() => putPost(doc, { ...post('p1', 'kari', 'Kari', 1), text: ' ' }, 'me')).toThrow();
		expect(() => putMeToo(doc, { ...meToo('p1', 'per', 'Per'), id: 'p1' }, 'me')).toThrow();
		doc.getMap('posts').set('bad', { id: 'bad', text: 42 });
		doc.getMap('meToo').set('p1:x', { id: 'wrong', postId: 'p1', userId: 'x', name: 'X' });
		putPost(doc, post('p1', 'kari', 'Kari', 1), 'me');
		expect(readIdeas(doc).posts.map((p) => p.id)).toEqual(['p1']);
		expect(readIdeas(doc).meToos).toEqual([]);
	});

	it('removes a post with the me-toos and comments on it, and nothing else', () => {
		const doc = newDoc();
		putPost(doc, post('p1', 'kari', 'Kari', 1), 'me');
		putPost(doc, post('p2', 'per', 'Per', 2), 'me');
		putMeToo(doc, meToo('p1', 'per', 'Per'), 'me');
		putMeToo(doc, meToo('p2', 'kari', 'Kari'), 'me');
		addIdeaComment(
			doc,
			{ id: 'c1', postId: 'p1', authorId: 'per', authorName: 'Per', text: 'Ja', createdAt: 3 },
			'me'
		);
		removePost(doc, 'p1', 'me');
		const read = readIdeas(doc);
		expect(read.posts.map((p) => p.id)).toEqual(['p2']);
		expect(read.meToos.map((m) => m.id)).toEqual(['p2:kari']);
		expect(read.comments).toEqual([]);
	});

	it('merges two devices posting and saying "me too" at once, offline: nothing is lost', () => {
		const kari = newDoc();
		const per = newDoc();
		putPost(kari, post('p1', 'kari', 'Kari', 1), 'me');
		merge(kari, per);
		// Offline, at the same time on three devices: Kari and Per post, Per and Sigrid say "me too" and comment.
		const sigrid = newDoc();
		merge(kari, sigrid);
		putPost(kari, post('p2', 'kari', 'Kari', 10), 'me');
		putPost(per, post('p3', 'per', 'Per', 11), 'me');
		putMeToo(per, meToo('p1', 'per', 'Per'), 'me');
		putMeToo(sigrid, meToo('p1', 'sigrid', 'Sigrid'), 'me');
		addIdeaComment(
			per,
			{ id: 'c1', postId: 'p1', authorId: 'per', authorName: 'Per', text: 'Ja', createdAt: 12 },
			'me'
		);
		addIdeaComment(
			sigrid,
			{ id: 'c2', postId: 'p1', authorId: 'sigrid', authorName: 'Sigrid', text: 'Også', createdAt: 12 },
			'me'
		);
		// Kari edits her post while the others react to it.
		putPost(kari, { ...post('p1', 'kari', 'Kari', 1), text: 'Endret', editedAt: 13 }, 'me');
		merge(kari, per);
		merge(per, sigrid);
		merge(kari, sigrid);
		for (const doc of [kari, per, sigrid]) {
			const read = readIdeas(doc);
			expect(read.posts.map((p) => p.id).sort()).toEqual(['p1', 'p2', 'p3']);
			expect(read.posts.find((p) => p.id === 'p1')?.text).toBe('Endret');
			expect(read.meToos.map((m) => m.id).sort()).toEqual(['p1:per', 'p1:sigrid']);
			expect(read.comments.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
		}
	});

	it('keeps one "me too" when the same person says it on two devices, and a take-back on one wins over nothing', () => {
		const phone = newDoc();
		const laptop = newDoc();
		putPost(phone, post('p1', 'kari', 'Kari', 1), 'me');
		merge(phone, laptop);
		putMeToo(phone, meToo('p1', 'per', 'Per'), 'me');
		putMeToo(laptop, meToo('p1', 'per', 'Per'), 'me');
		merge(phone, laptop);
		expect(readIdeas(phone).meToos).toHaveLength(1);
		removeMeToo(laptop, meTooId('p1', 'per'), 'me');
		merge(phone, laptop);
		expect(readIdeas(phone).meToos).toEqual([]);
	});
});

describe('the themes document', () => {
	it('stores themes and placements; removing a theme takes its placements with it', () => {
		const doc = newDoc();
		let changes = 0;
		const stop = observeThemes(doc, () => changes++);
		putTheme(doc, { id: 't1', name: '  Lokaler ', order: 1 }, 'me');
		putTheme(doc, { id: 't2', name: 'Rekruttering', order: 2 }, 'me');
		placePost(doc, 'p1', 't1', 'me');
		placePost(doc, 'p2', 't2', 'me');
		placePost(doc, 'p3', null, 'me');
		expect(readThemes(doc).themes.map((t) => t.name)).toEqual(['Lokaler', 'Rekruttering']);
		removeTheme(doc, 't1', 'me');
		expect(readThemes(doc)).toEqual({
			themes: [{ id: 't2', name: 'Rekruttering', order: 2 }],
			placements: [
				{ id: 'p2', themeId: 't2' },
				{ id: 'p3', themeId: null }
			]
		});
		putTheme(doc, { id: 't2', name: 'Rekruttering', order: 2, groupId: 'g1' }, 'me');
		expect(readThemes(doc).themes[0].groupId).toBe('g1');
		expect(() => putTheme(doc, { id: 't3', name: 'x'.repeat(121), order: 3 }, 'me')).toThrow();
		expect(changes).toBeGreaterThanOrEqual(7);
		stop();
	});

	it('moves a post by replacing its one placement; a placement into a theme removed elsewhere means no theme', () => {
		const ideas = newDoc();
		putPost(ideas, post('p1', 'kari', 'Kari', 1), 'me');
		putPost(ideas, post('p2', 'per', 'Per', 2), 'me');
		putMeToo(ideas, meToo('p1', 'per', 'Per'), 'me');
		const facilitator = newDoc();
		const other = newDoc();
		putTheme(facilitator, { id: 't1', name: 'Lokaler', order: 1 }, 'me');
		putTheme(facilitator, { id: 't2', name: 'Rekruttering', order: 2 }, 'me');
		placePost(facilitator, 'p1', 't1', 'me');
		placePost(facilitator, 'p1', 't2', 'me');
		expect(readThemes(facilitator).placements).toEqual([{ id: 'p1', themeId: 't2' }]);
		merge(facilitator, other);
		// Offline: one removes t1 while the other puts p2 in it.
		removeTheme(facilitator, 't1', 'me');
		placePost(other, 'p2', 't1', 'me');
		merge(facilitator, other);
		const board = ideaBoard(readIdeas(ideas), readThemes(other));
		expect(board.map((c) => [c.theme?.id ?? null, c.posts.map((p) => p.post.id)])).toEqual([
			[null, ['p2']],
			['t2', ['p1']]
		]);
		expect(peopleBehind(columnOf(board, 't2'), null).map((p) => p.userId)).toEqual(['kari', 'per']);
	});
});
