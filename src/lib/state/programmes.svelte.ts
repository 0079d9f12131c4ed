/**
 * The programmes of the signed-in account, and one programme's documents as the pages use them:
 * the programme (coordinators edit, others read) and its discussion (every member comments).
 * Both are kept on the device (IndexedDB) and synced whenever there is a connection.
 */
import * as v from 'valibot';
import { api } from '$lib/api/client';
import {
	commentProgress,
	countingComments,
	nextEvent,
	NewCommentSchema,
	PROGRAMME_COLLECTIONS,
	programmeTotals,
	upcomingRequirements,
	type Collection,
	type Comment,
	type ItemOf,
	type Programme,
	type Requirement
} from '$domain/programme';
import { CompetenceSchema, movedCompetences, type Competence } from '$domain/competence-list';
import { programmeOfRoom, type MemberRole, type MyProgramme } from '$domain/session';
import { dropRoomJournal, pendingRooms } from '$data/journal-repo';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import {
	addComment,
	observeComments,
	observeProgramme,
	putCompetences,
	putItem,
	readComments,
	readProgramme,
	removeItem,
	setProgrammeName
} from '$sync/programme-doc';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { aliveInstances } from './instance';
import { acquireProgramme, releaseProgramme, type ProgrammeRooms } from './programme-rooms';
import type { SharedRoom } from './shared-room.svelte';

/**
 * The account's programmes, one list for the whole page: from the device at once, refreshed
 * from the server when online (roles included, so a new coordinator sees the editor at once).
 */
export class ProgrammeList {
	#items = $state<MyProgramme[]>([]);
	#loaded = $state(false);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not UI state
	#listeners = new Set<(items: MyProgramme[], fromServer: boolean) => void>();

	get items() {
		return this.#items;
	}
	get loaded() {
		return this.#loaded;
	}
	/** Called with each new list; `fromServer` when it is the server's answer just now. */
	subscribe(listener: (items: MyProgramme[], fromServer: boolean) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	role(id: string): MemberRole | null {
		return this.#items.find((p) => p.id === id)?.role ?? null;
	}

	async load(): Promise<void> {
		if (!this.#loaded) {
			this.#items = (await loadSettings()).programmes ?? [];
			this.#loaded = true;
			this.#notify(false);
		}
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await api.myProgrammes(token);
		if (!result.ok) return;
		this.#items = result.value.programmes;
		this.#notify(true);
		await saveSetting('programmes', result.value.programmes).catch((e) =>
			handleError(e, 'saving programmes')
		);
	}

	#notify(fromServer: boolean): void {
		for (const listener of this.#listeners) listener(this.#items, fromServer);
	}
}

export const myProgrammes = new ProgrammeList();

export type Access = 'open' | 'read-only' | 'removed';

/** One programme: its document, its discussion, and what this account may do with them. */
export class ProgrammeView {
	#programme = $state<Programme | null>(null);
	#comments = $state<Comment[]>([]);
	#rooms = $state.raw<ProgrammeRooms | null>(null);
	#stops: (() => void)[] = [];

	constructor(readonly id: string) {}

	/** Null until the document has loaded from the device; then the programme as far as known. */
	get programme() {
		return this.#programme;
	}
	/** This account's role in the programme (as last told by the server), null if unknown. */
	get role(): MemberRole | null {
		return myProgrammes.role(this.id);
	}
	/** 'removed' when the server says this account is no longer a member. */
	get access(): Access {
		if (this.#rooms?.main.access === 'removed') return 'removed';
		return this.#rooms?.main.access === 'read-only' ? 'read-only' : 'open';
	}
	/** Coordinators edit the programme (the server refuses anyone else's changes). */
	get canEdit(): boolean {
		return this.role === 'coordinator' && this.access === 'open';
	}
	/** The server's copy has been received during this visit. */
	get synced() {
		return this.#rooms?.main.everSynced ?? false;
	}
	/** Every comment in the discussion, oldest first. */
	get comments() {
		return this.#comments;
	}
	/** The signed-in member's id (comments are counted per author). */
	get me(): string | null {
		return app.user?.id ?? null;
	}

	next(now: number) {
		return this.#programme ? nextEvent(this.#programme.events, now) : null;
	}
	due(now: number) {
		return this.#programme ? upcomingRequirements(this.#programme.requirements, now) : [];
	}
	totals() {
		return this.#programme ? programmeTotals(this.#programme) : null;
	}
	/** "You have commented on n of m required" for a comments requirement. */
	commentProgress(requirement: Requirement) {
		const mine = countingComments(
			requirement,
			this.#programme?.lectures ?? [],
			this.#comments,
			this.me ?? ''
		);
		return commentProgress(requirement, mine);
	}

	/** A fresh id for a new item. */
	newId(): string {
		return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
	}

	/**
	 * Saves one item of the programme (coordinators), on this device at once and on the server
	 * when there is a connection. Throws a ValiError for an invalid item: validate forms first.
	 */
	save<C extends Collection>(collection: C, item: unknown): ItemOf<C> {
		const parsed = v.parse(PROGRAMME_COLLECTIONS[collection], item) as ItemOf<C>;
		this.#edit((room) => putItem(room.doc.doc, collection, parsed, LOCAL_ORIGIN));
		return parsed;
	}

	remove(collection: Collection, id: string): void {
		this.#edit((room) => removeItem(room.doc.doc, collection, id, LOCAL_ORIGIN));
	}

	rename(name: string): void {
		this.#edit((room) => setProgrammeName(room.doc.doc, name, LOCAL_ORIGIN));
	}

	/** Saves a competence of the self-assessment's list (coordinators). Throws a ValiError when invalid. */
	saveCompetence(entry: unknown): Competence {
		const parsed = v.parse(CompetenceSchema, entry);
		this.#edit((room) => putCompetences(room.doc.doc, [parsed], LOCAL_ORIGIN));
		return parsed;
	}

	/** Takes a competence off the list (kept, marked, for its name); `saveCompetence` puts it back. */
	removeCompetence(entry: Competence): void {
		this.saveCompetence({ ...entry, removed: true });
	}

	/** Moves the listed competence at `index` one place up (-1) or down (+1). */
	moveCompetence(index: number, delta: -1 | 1): void {
		const moved = movedCompetences(this.#programme?.competences ?? [], index, delta);
		if (moved.length) this.#edit((room) => putCompetences(room.doc.doc, moved, LOCAL_ORIGIN));
	}

	/** Adds the signed-in member's comment to a lecture question. Throws a ValiError when invalid. */
	comment(input: v.InferInput<typeof NewCommentSchema>): Comment {
		const user = app.user;
		const rooms = this.#rooms;
		if (!user || !rooms) throw new Error('Not signed in');
		const { lectureId, questionId, text } = v.parse(NewCommentSchema, input);
		return addComment(
			rooms.discussion.doc.doc,
			{
				id: this.newId(),
				lectureId,
				questionId,
				text,
				authorId: user.id,
				authorName: user.name,
				createdAt: Date.now()
			},
			LOCAL_ORIGIN
		);
	}

	/** Saves the programme's events (or some of them) as an .ics file the calendar app opens. */
	async downloadCalendar(eventIds?: string[]): Promise<void> {
		const programme = this.#programme;
		if (!programme) return;
		// The calendar library loads only when someone exports.
		const { programmeIcs, icsFileName } = await import('$domain/calendar');
		const text = programmeIcs(this.id, programme, eventIds);
		const title =
			eventIds?.length === 1 ? programme.events.find((e) => e.id === eventIds[0])?.title : programme.name;
		const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
		const link = Object.assign(document.createElement('a'), {
			href: url,
			download: icsFileName(title ?? '')
		});
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}

	async open(): Promise<void> {
		const rooms = acquireProgramme(this.id);
		this.#rooms = rooms;
		if (!myProgrammes.loaded) void myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
		await rooms.opened;
		if (this.#rooms !== rooms) return; // destroyed meanwhile
		this.#read();
		this.#stops.push(
			observeProgramme(rooms.main.doc.doc, () => this.#read()),
			observeComments(
				rooms.discussion.doc.doc,
				() => (this.#comments = readComments(rooms.discussion.doc.doc))
			)
		);
		this.#comments = readComments(rooms.discussion.doc.doc);
	}

	destroy(): void {
		for (const stop of this.#stops) stop();
		this.#stops = [];
		if (this.#rooms) releaseProgramme(this.id);
		this.#rooms = null;
	}

	/**
	 * Applies a coordinator's change to the programme document: at once while the pages have it
	 * open; otherwise (an undo pressed after leaving) once it has been reopened and loaded, so
	 * the change is journaled and synced like any other.
	 */
	#edit(change: (room: SharedRoom) => void): void {
		if (this.role !== 'coordinator' || this.access !== 'open') {
			throw new Error('Only coordinators edit the programme');
		}
		if (this.#rooms) return change(this.#rooms.main);
		const rooms = acquireProgramme(this.id);
		void rooms.opened
			.then(() => {
				change(rooms.main);
				return rooms.main.flush();
			})
			.catch((e) => handleError(e, 'saving the programme'))
			.finally(() => releaseProgramme(this.id));
	}

	#read(): void {
		if (!this.#rooms) return;
		const { programme, skipped } = readProgramme(this.#rooms.main.doc.doc);
		if (skipped.length) console.warn('Skipped programme items that did not validate', skipped);
		this.#programme = programme;
	}
}

/**
 * Holds every programme of the signed-in account open while the app runs: each is fetched onto
 * the device for reading offline, and changes left unsent by a closed page go out.
 */
export class ProgrammeKeeper {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown by the UI
	#held = new Set<string>();
	#queue: Promise<void> = Promise.resolve();

	/**
	 * Holds the programmes of the list open (and lets go of the others) each time the list
	 * changes: at start, when the connection comes back, after joining a programme.
	 */
	watch(): () => void {
		const unsubscribe = myProgrammes.subscribe((items, fromServer) => {
			const ids = items.map((p) => p.id);
			this.#queue = this.#queue.catch(() => {}).then(() => this.#hold(ids, fromServer));
		});
		const refresh = () => void myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
		if (myProgrammes.loaded)
			this.#queue = this.#queue.then(() =>
				this.#hold(
					myProgrammes.items.map((p) => p.id),
					false
				)
			);
		refresh();
		window.addEventListener('online', refresh);
		return () => {
			window.removeEventListener('online', refresh);
			unsubscribe();
			this.stop();
		};
	}

	stop(): void {
		for (const id of this.#held) releaseProgramme(id);
		this.#held.clear();
	}

	async #hold(list: string[], fromServer: boolean): Promise<void> {
		if (app.mode !== 'account') return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const ids = new Set(list);
		for (const id of ids) if (!this.#held.has(id)) acquireProgramme(id);
		for (const id of this.#held) if (!ids.has(id)) releaseProgramme(id);
		this.#held = ids;
		// Changes to a programme the server just said we are not in can never be delivered: stop
		// waiting for them (rows of other open tabs are theirs to judge).
		if (!fromServer) return;
		const alive = await aliveInstances(app.instanceId);
		for (const room of await pendingRooms()) {
			const programme = programmeOfRoom(room);
			if (programme && !ids.has(programme)) await dropRoomJournal(room, alive);
		}
	}
}

export const programmeKeeper = new ProgrammeKeeper();
