/**
 * The idea market (idétorg) of a seminar: participants post problems and challenges from their
 * own libraries, others say "me too" and comment; the facilitator (a coordinator of the
 * programme) clusters the posts into themes and turns a theme into a colloquium group with the
 * people behind it.
 *
 * Two rooms per seminar (the event's id is the key):
 *   programme:<id>:ideas:<eventId>   every member writes: posts, me-toos, comments
 *   programme:<id>:themes:<eventId>  coordinators write, other members read: themes, placements
 * Every record is small and stands alone, so two people acting at once, offline too, both keep
 * what they did: a me-too is one record per person and post, a comment one per comment, and a
 * post's place on the board is a record in the themes room, never a field of the post. That
 * authors edit and remove only their own posts and comments is the app's rule (the room cannot
 * tell one record from another).
 */
import * as v from 'valibot';

export const IDEA_TEXT_MAX = 1000;
export const THEME_NAME_MAX = 120;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Name = v.pipe(v.string(), v.maxLength(200));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ideasRoom = (programmeId: string, eventId: string) =>
	`programme:${programmeId}:ideas:${eventId}`;
export const themesRoom = (programmeId: string, eventId: string) =>
	`programme:${programmeId}:themes:${eventId}`;

/** An event has an idea market when it is a seminar (a gathering where people meet). */
export const hasIdeaMarket = (event: { kind: string }) => event.kind === 'seminar';

/** What a post's or a comment's text must be: trimmed, 1–1000 characters. */
export const IdeaTextSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(IDEA_TEXT_MAX, 'tooLong')
);

/** A theme's name: trimmed, 1–120 characters (a colloquium group's name may be as long). */
export const ThemeNameSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(THEME_NAME_MAX, 'tooLong')
);

export const IdeaPostSchema = v.object({
	id: Id,
	authorId: Id,
	authorName: Name,
	text: IdeaTextSchema,
	createdAt: Time,
	editedAt: v.optional(Time)
});
export type IdeaPost = v.InferOutput<typeof IdeaPostSchema>;

/** The id of one person's "me too" on one post: `<postId>:<userId>`, so each is its own record. */
export const meTooId = (postId: string, userId: string) => `${postId}:${userId}`;

export const MeTooSchema = v.pipe(
	v.object({ id: v.string(), postId: Id, userId: Id, name: Name }),
	v.check((m) => m.id === meTooId(m.postId, m.userId), 'the id is not <postId>:<userId>')
);
export type MeToo = v.InferOutput<typeof MeTooSchema>;

export const IdeaCommentSchema = v.object({
	id: Id,
	postId: Id,
	authorId: Id,
	authorName: Name,
	text: IdeaTextSchema,
	createdAt: Time
});
export type IdeaComment = v.InferOutput<typeof IdeaCommentSchema>;

export const ThemeSchema = v.object({
	id: Id,
	name: ThemeNameSchema,
	/** Position on the board: themes sort by it, then by name. */
	order: v.number(),
	/** The colloquium group made from this theme. */
	groupId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64)))
});
export type Theme = v.InferOutput<typeof ThemeSchema>;

/** Where a post is on the board: the record's id is the post's; null is "no theme". */
export const PlacementSchema = v.object({ id: Id, themeId: v.nullable(Id) });
export type Placement = v.InferOutput<typeof PlacementSchema>;

export interface IdeasContent {
	posts: IdeaPost[];
	meToos: MeToo[];
	comments: IdeaComment[];
}

export interface ThemesContent {
	themes: Theme[];
	placements: Placement[];
}

/** A post as the board shows it: its me-toos (by name) and its comments (oldest first). */
export interface BoardPost {
	post: IdeaPost;
	meToos: MeToo[];
	comments: IdeaComment[];
}

/** One column of the board: `theme` null for the posts in no theme (always the first column). */
export interface BoardColumn {
	theme: Theme | null;
	posts: BoardPost[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'nb');
const byTime = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
	a.createdAt - b.createdAt || a.id.localeCompare(b.id);

export function sortThemes(themes: readonly Theme[]): Theme[] {
	return [...themes].sort((a, b) => a.order - b.order || byName(a, b) || a.id.localeCompare(b.id));
}

/** The order for a theme added at the end. */
export const nextThemeOrder = (themes: readonly Theme[]) =>
	themes.reduce((max, t) => Math.max(max, t.order), 0) + 1;

/**
 * The board: "no theme" first, then one column per theme in order; in each, the posts oldest
 * first with their me-toos and comments. A post placed in a theme that has been removed is in
 * no theme; me-toos, comments and placements of removed posts are left out.
 */
export function ideaBoard(ideas: IdeasContent, themes: ThemesContent): BoardColumn[] {
	const sorted = sortThemes(themes.themes);
	const known = new Set(sorted.map((t) => t.id));
	const placeOf = new Map(themes.placements.map((p) => [p.id, p.themeId]));
	const meToos = groupBy(ideas.meToos, (m) => m.postId);
	const comments = groupBy(ideas.comments, (c) => c.postId);
	const columns = new Map<string | null, BoardPost[]>([[null, []]]);
	for (const theme of sorted) columns.set(theme.id, []);
	for (const post of [...ideas.posts].sort(byTime)) {
		const placed = placeOf.get(post.id) ?? null;
		const column = placed !== null && known.has(placed) ? placed : null;
		columns.get(column)!.push({
			post,
			meToos: (meToos.get(post.id) ?? []).sort((a, b) => byName(a, b) || a.userId.localeCompare(b.userId)),
			comments: (comments.get(post.id) ?? []).sort(byTime)
		});
	}
	return [
		{ theme: null, posts: columns.get(null)! },
		...sorted.map((theme) => ({ theme, posts: columns.get(theme.id)! }))
	];
}

export interface Person {
	userId: string;
	name: string;
}

/**
 * The people behind a theme: whoever posted its posts or said "me too" to them, each once, by
 * the name the programme knows them by, sorted by name. Only current members of the programme
 * count (someone who left is not put in a group); `members` null: not known (offline), so
 * everyone counts, by the name on their post.
 */
export function peopleBehind(column: BoardColumn | undefined, members: readonly Person[] | null): Person[] {
	if (!column) return [];
	const current = members ? new Map(members.map((m) => [m.userId, m.name])) : null;
	const people = new Map<string, string>();
	const add = (userId: string, name: string) => {
		if (people.has(userId)) return;
		if (current && !current.has(userId)) return;
		people.set(userId, current?.get(userId) ?? name);
	};
	for (const { post, meToos } of column.posts) {
		add(post.authorId, post.authorName);
		for (const m of meToos) add(m.userId, m.name);
	}
	return [...people]
		.map(([userId, name]) => ({ userId, name }))
		.sort((a, b) => byName(a, b) || a.userId.localeCompare(b.userId));
}

/** The column of a theme on the board. */
export const columnOf = (board: readonly BoardColumn[], themeId: string) =>
	board.find((c) => c.theme?.id === themeId);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const list = groups.get(key(item));
		if (list) list.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}
