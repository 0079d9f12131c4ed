import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	columnOf,
	hasIdeaMarket,
	ideaBoard,
	IdeaPostSchema,
	ideasRoom,
	meTooId,
	MeTooSchema,
	nextThemeOrder,
	peopleBehind,
	ThemeSchema,
	themesRoom,
	type IdeaComment,
	type IdeaPost,
	type IdeasContent,
	type MeToo,
	type Theme,
	type ThemesContent
} from '$domain/idea-market';

const post = (id: string, authorId: string, authorName: string, createdAt: number): IdeaPost => ({
	id,
	authorId,
	authorName,
	text: `Utfordring ${id}`,
	createdAt
});
const meToo = (postId: string, userId: string, name: string): MeToo => ({
	id: meTooId(postId, userId),
	postId,
	userId,
	name
});
const comment = (id: string, postId: string, createdAt: number): IdeaComment => ({
	id,
	postId,
	authorId: 'per',
	authorName: 'Per Hansen',
	text: 'Samme hos oss',
	createdAt
});
const theme = (id: string, name: string, order: number, groupId?: string): Theme => ({
	id,
	name,
	order,
	...(groupId ? { groupId } : {})
});

const ideas: IdeasContent = {
	posts: [
		post('p3', 'sigrid', 'Sigrid Berg', 30),
		post('p1', 'kari', 'Kari Nordmann', 10),
		post('p2', 'per', 'Per Hansen', 20),
		post('p4', 'ola', 'Ola Åsen', 40)
	],
	meToos: [
		meToo('p1', 'per', 'Per Hansen'),
		meToo('p1', 'anne', 'Anne Aas'),
		meToo('p3', 'kari', 'Kari Nordmann'),
		meToo('gone', 'kari', 'Kari Nordmann')
	],
	comments: [comment('c2', 'p1', 5), comment('c1', 'p1', 2), comment('c3', 'gone', 1)]
};

describe('the idea market model', () => {
	it('names the two rooms of a seminar and has a market for seminars only', () => {
		expect(ideasRoom('prog1', 'oppstart')).toBe('programme:prog1:ideas:oppstart');
		expect(themesRoom('prog1', 'oppstart')).toBe('programme:prog1:themes:oppstart');
		expect(hasIdeaMarket({ kind: 'seminar' })).toBe(true);
		expect(hasIdeaMarket({ kind: 'webinar' })).toBe(false);
	});

	it('trims texts and names and keeps them within 1–1000 and 1–120 characters', () => {
		expect(v.parse(IdeaPostSchema, { ...post('p', 'a', 'A', 1), text: '  Lite tid  ' }).text).toBe(
			'Lite tid'
		);
		const postIssue = (text: string) =>
			v.safeParse(IdeaPostSchema, { ...post('p', 'a', 'A', 1), text }).issues?.[0].message;
		expect(postIssue('   ')).toBe('required');
		expect(postIssue('x'.repeat(1001))).toBe('tooLong');
		expect(postIssue('x'.repeat(1000))).toBeUndefined();
		const themeIssue = (name: string) => v.safeParse(ThemeSchema, theme('t', name, 1)).issues?.[0].message;
		expect(themeIssue(' ')).toBe('required');
		expect(themeIssue('x'.repeat(121))).toBe('tooLong');
		expect(themeIssue('x'.repeat(120))).toBeUndefined();
	});

	it('keeps one "me too" per person and post: its id is <postId>:<userId>', () => {
		expect(v.safeParse(MeTooSchema, meToo('p1', 'per', 'Per')).success).toBe(true);
		expect(v.safeParse(MeTooSchema, { ...meToo('p1', 'per', 'Per'), id: 'p1:kari' }).success).toBe(false);
	});

	it('lays out the board: no theme first, themes in order, posts oldest first with me-toos and comments', () => {
		const themes: ThemesContent = {
			themes: [theme('t2', 'Rekruttering', 2), theme('t1', 'Lokaler', 1)],
			placements: [
				{ id: 'p1', themeId: 't1' },
				{ id: 'p3', themeId: 't1' },
				{ id: 'p2', themeId: null },
				{ id: 'gone', themeId: 't2' }
			]
		};
		const board = ideaBoard(ideas, themes);
		expect(board.map((c) => c.theme?.name ?? null)).toEqual([null, 'Lokaler', 'Rekruttering']);
		expect(board.map((c) => c.posts.map((p) => p.post.id))).toEqual([['p2', 'p4'], ['p1', 'p3'], []]);
		const p1 = board[1].posts[0];
		expect(p1.meToos.map((m) => m.name)).toEqual(['Anne Aas', 'Per Hansen']);
		expect(p1.comments.map((c) => c.id)).toEqual(['c1', 'c2']);
		expect(board[1].posts[1].meToos.map((m) => m.userId)).toEqual(['kari']);
		expect(board[0].posts[0].comments).toEqual([]);
	});

	it('puts a post placed in a removed theme in no theme', () => {
		const board = ideaBoard(ideas, {
			themes: [theme('t1', 'Lokaler', 1)],
			placements: [
				{ id: 'p1', themeId: 'removed' },
				{ id: 'p2', themeId: 't1' }
			]
		});
		expect(board[0].posts.map((p) => p.post.id)).toEqual(['p1', 'p3', 'p4']);
		expect(board[1].posts.map((p) => p.post.id)).toEqual(['p2']);
		expect(nextThemeOrder([])).toBe(1);
		expect(nextThemeOrder([theme('a', 'A', 4), theme('b', 'B', 2)])).toBe(5);
	});

	it('finds the people behind a theme: authors and me-toos, once each, current members only, by name', () => {
		const board = ideaBoard(ideas, {
			themes: [theme('t1', 'Lokaler', 1), theme('t2', 'Tomt', 2)],
			placements: [
				{ id: 'p1', themeId: 't1' },
				{ id: 'p3', themeId: 't1' }
			]
		});
		const column = columnOf(board, 't1');
		const members = [
			{ userId: 'kari', name: 'Kari Nordmann' },
			{ userId: 'per', name: 'Per Hansen' },
			{ userId: 'sigrid', name: 'Sigrid Berg-Olsen' }
		];
		// Anne has left the programme; Sigrid is known by her current name; Kari counts once.
		expect(peopleBehind(column, members)).toEqual([
			{ userId: 'kari', name: 'Kari Nordmann' },
			{ userId: 'per', name: 'Per Hansen' },
			{ userId: 'sigrid', name: 'Sigrid Berg-Olsen' }
		]);
		// Members not known (offline): everyone counts, by the name they wrote under.
		expect(peopleBehind(column, null).map((p) => p.name)).toEqual([
			'Anne Aas',
			'Kari Nordmann',
			'Per Hansen',
			'Sigrid Berg'
		]);
		expect(peopleBehind(columnOf(board, 't2'), members)).toEqual([]);
		expect(peopleBehind(columnOf(board, 'nope'), members)).toEqual([]);
	});

	it('sorts the people by Norwegian collation (Å last)', () => {
		const board = ideaBoard(
			{
				posts: [post('a', 'aase', 'Åse Lie', 1), post('b', 'zara', 'Zara Dahl', 2)],
				meToos: [],
				comments: []
			},
			{
				themes: [theme('t', 'T', 1)],
				placements: [
					{ id: 'a', themeId: 't' },
					{ id: 'b', themeId: 't' }
				]
			}
		);
		expect(peopleBehind(columnOf(board, 't'), null).map((p) => p.name)).toEqual(['Zara Dahl', 'Åse Lie']);
	});
});
