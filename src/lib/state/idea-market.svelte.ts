/**
 * One seminar's idea market as its page uses it: the board (posts by theme, live), the
 * participants' verbs (post, edit, remove, "me too", comment) and the facilitator's (themes,
 * placing posts, making a colloquium group of a theme). Both rooms are written on the device at
 * once, offline too, and synced when there is a connection; a change not yet confirmed by the
 * server keeps its room open after the page closes, until it is. Making a group needs the server.
 */
import * as v from 'valibot';
import { api } from '$lib/api/client';
import {
	columnOf,
	ideaBoard,
	ideasRoom,
	IdeaTextSchema,
	meTooId,
	nextThemeOrder,
	peopleBehind,
	themesRoom,
	ThemeNameSchema,
	type BoardColumn,
	type IdeaComment,
	type IdeaPost,
	type IdeasContent,
	type Person,
	type Theme,
	type ThemesContent
} from '$domain/idea-market';
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
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { myGroups } from './groups.svelte';
import { handleError } from './handle-error';
import { myProgrammes } from './programmes.svelte';
import { newRecordId } from './records.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

/** Why a group could not be made: no connection, not a coordinator, refused, or anything else. */
export type MakeGroupProblem = 'offline' | 'forbidden' | 'invalid' | 'failed';
export type MakeGroupResult =
	{ ok: true; groupId: string; people: Person[] } | { ok: false; problem: MakeGroupProblem };

export class IdeaMarket {
	readonly ideasRoom: string;
	readonly themesRoom: string;
	#ideas = $state.raw<IdeasContent>({ posts: [], meToos: [], comments: [] });
	#themes = $state.raw<ThemesContent>({ themes: [], placements: [] });
	#members = $state.raw<Person[] | null>(null);
	#loaded = $state(false);
	#rooms = $state.raw<{ ideas: PooledRoom; themes: PooledRoom } | null>(null);
	#board = $derived(ideaBoard(this.#ideas, this.#themes));
	#stops: (() => void)[] = [];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	#askedGroups = new Set<string>();

	constructor(
		readonly programmeId: string,
		readonly eventId: string
	) {
		this.ideasRoom = ideasRoom(programmeId, eventId);
		this.themesRoom = themesRoom(programmeId, eventId);
	}

	/** "No theme" first, then a column per theme (see `ideaBoard`). */
	get board(): BoardColumn[] {
		return this.#board;
	}
	get themes(): Theme[] {
		return this.#board.flatMap((c) => (c.theme ? [c.theme] : []));
	}
	get postCount(): number {
		return this.#ideas.posts.length;
	}
	/** Loaded from the device (the server's copy may still be on its way). */
	get loaded() {
		return this.#loaded;
	}
	/** The server's copy of both rooms has arrived during this visit. */
	get synced(): boolean {
		return !!this.#rooms?.ideas.shared.everSynced && !!this.#rooms?.themes.shared.everSynced;
	}
	get access(): RoomAccess {
		return this.#rooms?.ideas.shared.access ?? 'open';
	}
	get me(): string | null {
		return app.user?.id ?? null;
	}
	/** Members of the programme (as the server told us this visit), null when not known. */
	get members(): Person[] | null {
		return this.#members;
	}
	get canPost(): boolean {
		return app.user !== null && !app.isGuest && this.access === 'open';
	}
	/** The facilitator: a coordinator of the programme (the server refuses anyone else's themes). */
	get isFacilitator(): boolean {
		const themes = this.#rooms?.themes.shared.access ?? 'open';
		return this.canPost && myProgrammes.role(this.programmeId) === 'coordinator' && themes === 'open';
	}

	/** Who would be in a group made of the theme now (see `peopleBehind`). */
	peopleBehind(themeId: string): Person[] {
		return peopleBehind(columnOf(this.#board, themeId), this.#members);
	}

	async open(): Promise<void> {
		const rooms = { ideas: acquireRoom(this.ideasRoom), themes: acquireRoom(this.themesRoom) };
		this.#rooms = rooms;
		if (!myProgrammes.loaded) void myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
		void this.loadMembers();
		await Promise.all([rooms.ideas.opened, rooms.themes.opened]);
		if (this.#rooms !== rooms) return; // left meanwhile
		const ideas = rooms.ideas.shared.doc.doc;
		const themes = rooms.themes.shared.doc.doc;
		const readIdeasNow = () => {
			if (rooms.ideas.shared.access !== 'removed') this.#ideas = readIdeas(ideas);
		};
		const readThemesNow = () => {
			if (rooms.themes.shared.access !== 'removed') this.#themes = readThemes(themes);
			this.#followGroups();
		};
		readIdeasNow();
		readThemesNow();
		this.#loaded = true;
		this.#stops.push(observeIdeas(ideas, readIdeasNow), observeThemes(themes, readThemesNow));
	}

	destroy(): void {
		for (const stop of this.#stops) stop();
		this.#stops = [];
		const rooms = this.#rooms;
		this.#rooms = null;
		if (!rooms) return;
		releaseWhenSent(this.ideasRoom, rooms.ideas);
		releaseWhenSent(this.themesRoom, rooms.themes);
	}

	/** A theme was made a group I may be in: ask the server for my groups (once per group). */
	#followGroups(): void {
		const unknown = this.#themes.themes.filter(
			(t) => t.groupId && !this.#askedGroups.has(t.groupId) && !myGroups.find(t.groupId)
		);
		if (!unknown.length) return;
		for (const theme of unknown) this.#askedGroups.add(theme.groupId!);
		void myGroups.load().catch((e) => handleError(e, 'loading groups'));
	}

	/** Asks the server who the members are (when online); answers whether it knows now. */
	async loadMembers(): Promise<boolean> {
		const token = app.token;
		if (!token || !navigator.onLine) return this.#members !== null;
		const result = await api.members(this.programmeId, token);
		if (result.ok) this.#members = result.value.members.map(({ userId, name }) => ({ userId, name }));
		return this.#members !== null;
	}

	// Participants' verbs. Texts are checked with IdeaTextSchema: a ValiError for an invalid one.

	post(text: string, now = Date.now()): IdeaPost {
		const { ideas, user } = this.#write();
		return putPost(
			ideas,
			{
				id: newRecordId(),
				authorId: user.id,
				authorName: user.name,
				text: v.parse(IdeaTextSchema, text),
				createdAt: now
			},
			LOCAL_ORIGIN
		);
	}

	/** Changes the text of one of my posts. */
	edit(postId: string, text: string, now = Date.now()): IdeaPost {
		const { ideas } = this.#write();
		const post = this.#mine(postId);
		return putPost(ideas, { ...post, text: v.parse(IdeaTextSchema, text), editedAt: now }, LOCAL_ORIGIN);
	}

	/** Removes one of my posts, with the me-toos and comments on it. */
	remove(postId: string): void {
		const { ideas } = this.#write();
		this.#mine(postId);
		removePost(ideas, postId, LOCAL_ORIGIN);
	}

	/** Whether I have said "me too" to the post. */
	hasMeToo(postId: string): boolean {
		const me = this.me;
		return !!me && this.#ideas.meToos.some((m) => m.id === meTooId(postId, me));
	}

	/** Says "me too" to someone else's post (`on`), or takes it back. */
	setMeToo(postId: string, on: boolean): void {
		const { ideas, user } = this.#write();
		const post = this.#ideas.posts.find((p) => p.id === postId);
		if (!post) throw new Error('No such post');
		if (post.authorId === user.id) throw new Error('A post is not "me too" to its own author');
		const id = meTooId(postId, user.id);
		if (on) putMeToo(ideas, { id, postId, userId: user.id, name: user.name }, LOCAL_ORIGIN);
		else removeMeToo(ideas, id, LOCAL_ORIGIN);
	}

	comment(postId: string, text: string, now = Date.now()): IdeaComment {
		const { ideas, user } = this.#write();
		if (!this.#ideas.posts.some((p) => p.id === postId)) throw new Error('No such post');
		return addIdeaComment(
			ideas,
			{
				id: newRecordId(),
				postId,
				authorId: user.id,
				authorName: user.name,
				text: v.parse(IdeaTextSchema, text),
				createdAt: now
			},
			LOCAL_ORIGIN
		);
	}

	/** Removes one of my comments. */
	removeComment(commentId: string): void {
		const { ideas, user } = this.#write();
		const comment = this.#ideas.comments.find((c) => c.id === commentId);
		if (!comment || comment.authorId !== user.id) throw new Error('Only its author removes a comment');
		removeIdeaComment(ideas, commentId, LOCAL_ORIGIN);
	}

	// The facilitator's verbs. Names are checked with ThemeNameSchema: a ValiError for an invalid one.

	createTheme(name: string): Theme {
		const themes = this.#arrange();
		return putTheme(
			themes,
			{ id: newRecordId(), name: v.parse(ThemeNameSchema, name), order: nextThemeOrder(this.#themes.themes) },
			LOCAL_ORIGIN
		);
	}

	renameTheme(themeId: string, name: string): Theme {
		const themes = this.#arrange();
		const theme = this.#theme(themeId);
		return putTheme(themes, { ...theme, name: v.parse(ThemeNameSchema, name) }, LOCAL_ORIGIN);
	}

	/** Removes a theme; its posts go back to "no theme" (a group made of it stays). */
	removeTheme(themeId: string): void {
		removeTheme(this.#arrange(), themeId, LOCAL_ORIGIN);
	}

	/** Puts a post in a theme, or in none (null). */
	place(postId: string, themeId: string | null): void {
		const themes = this.#arrange();
		if (themeId !== null) this.#theme(themeId);
		placePost(themes, postId, themeId, LOCAL_ORIGIN);
	}

	/**
	 * Makes a colloquium group of a theme, named after it, with the people behind it (`people`:
	 * those the facilitator confirmed; by default, who is behind it now). The theme then links to
	 * the group. Needs the server: offline, or when it refuses, nothing is made and nothing changes.
	 */
	async makeGroup(themeId: string, people?: readonly Person[]): Promise<MakeGroupResult> {
		if (!this.isFacilitator) return { ok: false, problem: 'forbidden' };
		const theme = this.#themes.themes.find((t) => t.id === themeId);
		if (!theme) return { ok: false, problem: 'failed' };
		if (theme.groupId) return { ok: true, groupId: theme.groupId, people: [...(people ?? [])] };
		const token = app.token;
		if (!token || !navigator.onLine) return { ok: false, problem: 'offline' };
		if (!(await this.loadMembers())) return { ok: false, problem: 'offline' };
		const behind = this.peopleBehind(themeId);
		const chosen = people ? behind.filter((p) => people.some((q) => q.userId === p.userId)) : behind;
		const result = await api.createGroup(
			this.programmeId,
			{ name: theme.name, memberIds: chosen.map((p) => p.userId) },
			token
		);
		if (!result.ok) {
			if (result.kind === 'offline') return { ok: false, problem: 'offline' };
			if (result.status === 401 || result.status === 403) return { ok: false, problem: 'forbidden' };
			return { ok: false, problem: result.status === 400 ? 'invalid' : 'failed' };
		}
		const groupId = result.value.id;
		this.#askedGroups.add(groupId);
		const current = this.#themes.themes.find((t) => t.id === themeId);
		const rooms = this.#rooms;
		// Renamed meanwhile: keep the new name; removed meanwhile: the group stands on its own.
		if (current && rooms) putTheme(rooms.themes.shared.doc.doc, { ...current, groupId }, LOCAL_ORIGIN);
		await myGroups.load().catch((e) => handleError(e, 'loading groups'));
		return { ok: true, groupId, people: chosen };
	}

	#write() {
		const ideas = this.#rooms?.ideas.shared.doc.doc;
		const user = app.user;
		if (!ideas || !user || !this.#loaded || !this.canPost)
			throw new Error('The idea market cannot be written here');
		return { ideas, user };
	}

	#mine(postId: string): IdeaPost {
		const post = this.#ideas.posts.find((p) => p.id === postId);
		if (!post || post.authorId !== app.user?.id) throw new Error('Only its author changes a post');
		return post;
	}

	#arrange() {
		const themes = this.#rooms?.themes.shared.doc.doc;
		if (!themes || !this.#loaded || !this.isFacilitator)
			throw new Error('Only the facilitator arranges themes');
		return themes;
	}

	#theme(themeId: string): Theme {
		const theme = this.#themes.themes.find((t) => t.id === themeId);
		if (!theme) throw new Error('No such theme');
		return theme;
	}
}

/**
 * Lets go of a room once this page's changes to it are on the server (at once if there are
 * none), so a post written offline goes out when the connection returns, even after leaving.
 */
function releaseWhenSent(room: string, pooled: PooledRoom): void {
	const shared = pooled.shared;
	const done = () => shared.unacknowledged === 0 || shared.access === 'removed' || app.user === null;
	if (done()) return releaseRoom(room);
	let released = false;
	const stop = $effect.root(() => {
		$effect(() => {
			if (!done() || released) return;
			released = true;
			queueMicrotask(() => {
				stop();
				releaseRoom(room);
			});
		});
	});
}
