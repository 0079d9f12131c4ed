/**
 * One colloquium group as its pages use it: the group's pages (live), who is here now and on which
 * page (presence), and the verbs. The document is on the device (the keeper holds it while signed
 * in), so everything works offline; it syncs with `group:<id>` when there is a connection.
 */
import * as v from 'valibot';
import {
	GroupPageSchema,
	groupRoom,
	nextPageOrder,
	sortPages,
	type Group,
	type GroupPage
} from '$domain/group';
import { presenceUser, type Present } from '$domain/presence';
import { observePages, pageBody, putPage, readPages, removePage } from '$sync/group-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { hidePresence, observePresence, readPresence, showPresence } from '$sync/presence';
import { app } from './app.svelte';
import { myGroups } from './groups.svelte';
import { newRecordId } from './records.svelte';
import type { MountRichText } from './rich-text';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

/** An instant as an ISO timestamp (a plain value, not UI state). */
const isoAt = (ms: number) => new Date(ms).toISOString();

export class GroupView {
	readonly room: string;
	#pages = $state.raw<GroupPage[]>([]);
	#present = $state.raw<Present[]>([]);
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#page: string | null = null;
	#stops: (() => void)[] = [];

	constructor(readonly id: string) {
		this.room = groupRoom(id);
	}

	/** What the server last said of the group (name, programme, members), from the device. */
	get group(): Group | null {
		return myGroups.find(this.id);
	}
	get pages() {
		return this.#pages;
	}
	/** Everyone else with the group open now, one entry per person. */
	get present() {
		return this.#present;
	}
	get loaded() {
		return this.#loaded;
	}
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}

	page(id: string): GroupPage | null {
		return this.#pages.find((p) => p.id === id) ?? null;
	}

	/** The people on a page now. */
	presentOn(pageId: string): Present[] {
		return this.#present.filter((p) => p.pages.includes(pageId));
	}

	async open(): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		await opened.opened;
		if (this.#opened !== opened || opened.shared.access === 'removed') return;
		const { doc, awareness } = opened.shared.doc;
		const read = () => {
			if (opened.shared.access !== 'removed') this.#pages = sortPages(readPages(doc));
		};
		const readPeople = () => (this.#present = readPresence(awareness, app.user?.id ?? null));
		read();
		readPeople();
		this.#loaded = true;
		this.#stops.push(observePages(doc, read), observePresence(awareness, readPeople));
		this.#showMe();
	}

	destroy(): void {
		for (const stop of this.#stops.splice(0)) stop();
		const opened = this.#opened;
		this.#opened = null;
		if (!opened) return;
		if (opened.shared.access !== 'removed') hidePresence(opened.shared.doc.awareness);
		releaseRoom(this.room);
	}

	/** Tells the others which page I look at (null: the group's home). */
	enter(pageId: string | null): void {
		this.#page = pageId;
		this.#showMe();
	}

	/** Adds an empty page at the end; answers its id. Throws a ValiError for a too long title. */
	addPage(title: string, now = Date.now()): string {
		const { doc, user } = this.#write();
		const page = putPage(
			doc,
			v.parse(GroupPageSchema, {
				id: newRecordId(),
				title,
				createdAt: isoAt(now),
				createdBy: user.id,
				order: nextPageOrder(this.#pages)
			}),
			LOCAL_ORIGIN
		);
		return page.id;
	}

	rename(pageId: string, title: string): void {
		const { doc } = this.#write();
		const page = this.page(pageId);
		if (!page || page.title === title.trim()) return;
		putPage(doc, { ...page, title }, LOCAL_ORIGIN);
	}

	/** Moves a page one step up (-1) or down (+1) in the list. */
	move(pageId: string, step: -1 | 1): void {
		const { doc } = this.#write();
		const index = this.#pages.findIndex((p) => p.id === pageId);
		const other = this.#pages[index + step];
		if (index < 0 || !other) return;
		const page = this.#pages[index];
		// Swap positions; equal orders (two pages added offline at once) get distinct ones.
		const [a, b] = page.order === other.order ? [other.order + step, page.order] : [other.order, page.order];
		doc.transact(() => {
			putPage(doc, { ...page, order: a }, LOCAL_ORIGIN);
			putPage(doc, { ...other, order: b }, LOCAL_ORIGIN);
		}, LOCAL_ORIGIN);
	}

	/** Takes a page off the list; its text stays in the document (nothing anyone wrote is destroyed). */
	remove(pageId: string): void {
		removePage(this.#write().doc, pageId, LOCAL_ORIGIN);
	}

	/** The editor of one page, with everyone's cursors. */
	mountPage =
		(pageId: string): MountRichText =>
		async (element, options) => {
			const { mountEditor } = await import('$sync/rich-text');
			const opened = this.#opened;
			if (!opened) throw new Error('The group is not open.');
			await opened.opened;
			const { doc, awareness } = opened.shared.doc;
			return mountEditor(element, pageBody(doc, pageId), { ...options, awareness });
		};

	#showMe(): void {
		const opened = this.#opened;
		const user = app.user;
		if (!opened || !user || !this.#loaded || opened.shared.access === 'removed') return;
		showPresence(opened.shared.doc.awareness, presenceUser(user.id, user.name), this.#page);
	}

	#write() {
		const opened = this.#opened;
		const user = app.user;
		if (!opened || !user) throw new Error('The group is not open.');
		return { doc: opened.shared.doc.doc, user };
	}
}
