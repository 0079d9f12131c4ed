/** What the parts of one idea market page share: the market, the announcer and the move. */
import { getContext, setContext } from 'svelte';
import type { IdeaMarket } from '$state/idea-market.svelte';

export interface IdeasContext {
	market: IdeaMarket;
	/** Says something to screen readers (the page's live region). */
	announce(message: string): void;
	/** Moves a post to a theme (null: none); `focus` puts focus back on it in its new place. */
	move(postId: string, themeId: string | null, focus: boolean): void;
}

const KEY = Symbol('ideas');

export const setIdeasContext = (context: IdeasContext) => setContext(KEY, context);

export function ideasContext(): IdeasContext {
	const context = getContext<IdeasContext | undefined>(KEY);
	if (!context) throw new Error('ideasContext() is used outside an idea market');
	return context;
}

/** The ids of a post's elements on the page (one market per page). */
export const postElementId = (postId: string) => `idea-${postId}`;
export const moveSelectId = (postId: string) => `idea-${postId}-move`;

/** The type a dragged post carries (its id), so other drags are not taken for one. */
export const DRAG_TYPE = 'application/x-lederlogg-idea';

/** A post's first words, for announcements. */
export function excerpt(text: string, max = 60): string {
	const folded = text.replace(/\s+/g, ' ').trim();
	return folded.length <= max ? folded : `${folded.slice(0, max - 1).trimEnd()}…`;
}
