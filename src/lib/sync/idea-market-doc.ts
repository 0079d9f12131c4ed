/**
 * The two documents of a seminar's idea market (see domain/idea-market.ts).
 *
 * Ideas (room `programme:<id>:ideas:<eventId>`, every member writes):
 *   posts:    Y.Map<postId, plain IdeaPost>       replaced whole when its author edits it
 *   meToo:    Y.Map<`<postId>:<userId>`, MeToo>   one record per person and post
 *   comments: Y.Map<commentId, IdeaComment>       never changed once written
 * Themes (room `programme:<id>:themes:<eventId>`, coordinators write):
 *   themes:     Y.Map<themeId, plain Theme>
 *   placements: Y.Map<postId, { id: postId, themeId: string | null }>
 * Every record is parsed with the domain schema on the way in and out; an invalid one is skipped.
 */
import type * as Y from 'yjs';
import {
	IdeaCommentSchema,
	IdeaPostSchema,
	MeTooSchema,
	PlacementSchema,
	ThemeSchema,
	type IdeaComment,
	type IdeaPost,
	type IdeasContent,
	type MeToo,
	type Placement,
	type Theme,
	type ThemesContent
} from '$domain/idea-market';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';

const POSTS = 'posts';
const ME_TOO = 'meToo';
const COMMENTS = 'comments';
const THEMES = 'themes';
const PLACEMENTS = 'placements';

export function readIdeas(doc: Y.Doc): IdeasContent {
	return {
		posts: readMapItems(doc, POSTS, IdeaPostSchema).items,
		meToos: readMapItems(doc, ME_TOO, MeTooSchema).items,
		comments: readMapItems(doc, COMMENTS, IdeaCommentSchema).items
	};
}

/** Stores a post, new or edited. Throws a ValiError for an invalid one. */
export function putPost(doc: Y.Doc, post: IdeaPost, origin: unknown): IdeaPost {
	return putMapItem(doc, POSTS, IdeaPostSchema, post, origin);
}

/** Removes a post with the me-toos and comments on it, in one change. */
export function removePost(doc: Y.Doc, postId: string, origin: unknown): void {
	doc.transact(() => {
		doc.getMap(POSTS).delete(postId);
		for (const map of [doc.getMap<unknown>(ME_TOO), doc.getMap<unknown>(COMMENTS)]) {
			for (const [id, raw] of [...map.entries()]) {
				if ((raw as { postId?: unknown } | null)?.postId === postId) map.delete(id);
			}
		}
	}, origin);
}

export function putMeToo(doc: Y.Doc, meToo: MeToo, origin: unknown): MeToo {
	return putMapItem(doc, ME_TOO, MeTooSchema, meToo, origin);
}

export function removeMeToo(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, ME_TOO, id, origin);
}

/** Stores a new comment (ids are new: never overwrites one). Throws a ValiError for an invalid one. */
export function addIdeaComment(doc: Y.Doc, comment: IdeaComment, origin: unknown): IdeaComment {
	if (doc.getMap(COMMENTS).has(comment.id)) throw new Error('A comment with this id exists');
	return putMapItem(doc, COMMENTS, IdeaCommentSchema, comment, origin);
}

export function removeIdeaComment(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, COMMENTS, id, origin);
}

/** Calls back after any change to the posts, me-toos or comments (here, another tab, the server). */
export function observeIdeas(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, [POSTS, ME_TOO, COMMENTS], callback);
}

export function readThemes(doc: Y.Doc): ThemesContent {
	return {
		themes: readMapItems(doc, THEMES, ThemeSchema).items,
		placements: readMapItems(doc, PLACEMENTS, PlacementSchema).items
	};
}

/** Stores a theme, new or changed. Throws a ValiError for an invalid one. */
export function putTheme(doc: Y.Doc, theme: Theme, origin: unknown): Theme {
	return putMapItem(doc, THEMES, ThemeSchema, theme, origin);
}

/** Removes a theme; its posts go back to no theme (their placements are removed with it). */
export function removeTheme(doc: Y.Doc, themeId: string, origin: unknown): void {
	doc.transact(() => {
		doc.getMap(THEMES).delete(themeId);
		const placements = doc.getMap<unknown>(PLACEMENTS);
		for (const [id, raw] of [...placements.entries()]) {
			if ((raw as { themeId?: unknown } | null)?.themeId === themeId) placements.delete(id);
		}
	}, origin);
}

/** Puts a post in a theme, or in none (null). */
export function placePost(doc: Y.Doc, postId: string, themeId: string | null, origin: unknown): Placement {
	return putMapItem(doc, PLACEMENTS, PlacementSchema, { id: postId, themeId }, origin);
}

/** Calls back after any change to the themes or placements. */
export function observeThemes(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, [THEMES, PLACEMENTS], callback);
}
