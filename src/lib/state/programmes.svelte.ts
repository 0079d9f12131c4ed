/**
 * The programmes of the signed-in account, and one programme's document opened for reading:
 * kept on the device (IndexedDB), synced from `programme:<id>` whenever there is a connection.
 */
import { api, syncUrl } from '$lib/api/client';
import { nextEvent, programmeTotals, upcomingRequirements, type Programme } from '$domain/programme';
import { programmeRoom, type MyProgramme } from '$domain/session';
import { acknowledgeUpTo, addJournalRows } from '$data/journal-repo';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { CLOSE_CODES } from '$sync/protocol';
import { SyncConnection } from '$sync/connection';
import { ChangeJournal } from '$sync/journal';
import { LOCAL_ORIGIN, PersistedDoc } from '$sync/persisted-doc';
import { observeProgramme, PROGRAMME_DB_PREFIX, readProgramme } from '$sync/programme-doc';
import { app } from './app.svelte';
import { handleError } from './handle-error';

/** The account's programmes: from the device at once, refreshed from the server when online. */
export class ProgrammeList {
	#items = $state<MyProgramme[]>([]);
	#loaded = $state(false);

	get items() {
		return this.#items;
	}
	get loaded() {
		return this.#loaded;
	}

	async load(): Promise<void> {
		this.#items = (await loadSettings()).programmes ?? [];
		this.#loaded = true;
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await api.myProgrammes(token);
		if (!result.ok) return;
		this.#items = result.value.programmes;
		await saveSetting('programmes', result.value.programmes).catch((e) =>
			handleError(e, 'saving programmes')
		);
	}
}

export type Access = 'open' | 'removed';

/** One programme document, read-only here (coordinators' forms come with the editor). */
export class ProgrammeView {
	#programme = $state<Programme | null>(null);
	#access = $state<Access>('open');
	#synced = $state(false);
	readonly #doc: PersistedDoc;
	#journal: ChangeJournal | null = null;
	#connection: SyncConnection | null = null;
	#stop: (() => void) | null = null;

	constructor(readonly id: string) {
		this.#doc = new PersistedDoc(PROGRAMME_DB_PREFIX + id);
	}

	/** Null until the document has loaded from the device; then the programme as far as known. */
	get programme() {
		return this.#programme;
	}
	/** 'removed' when the server says this account is no longer a member. */
	get access() {
		return this.#access;
	}
	/** The server's copy has been received during this visit. */
	get synced() {
		return this.#synced;
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
		await this.#doc.ready();
		this.#read();
		this.#stop = observeProgramme(this.#doc.doc, () => this.#read());
		const token = app.token;
		if (!token) return;
		const room = programmeRoom(this.id);
		this.#journal = new ChangeJournal(
			this.#doc.doc,
			room,
			{
				add: (rows) => addJournalRows(rows.map((row) => ({ ...row, instance: app.instanceId }))),
				acknowledgeUpTo: (r, seq) => acknowledgeUpTo(app.instanceId, r, seq)
			},
			0,
			(origin) => origin === LOCAL_ORIGIN,
			(e) => handleError(e, 'writing the sync journal'),
			null,
			() => this.#doc.flush()
		);
		this.#connection = new SyncConnection(this.#doc.doc, syncUrl(location), room, token, this.#journal, {
			onState: ({ synced }) => (this.#synced = this.#synced || synced),
			onRefused: (_reason, code) => {
				if (code === CLOSE_CODES.forbidden) this.#access = 'removed';
			},
			onError: (e) => handleError(e, 'syncing the programme')
		});
		if (navigator.onLine) this.#connection.connect();
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#onOffline);
	}

	destroy(): void {
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('offline', this.#onOffline);
		this.#stop?.();
		this.#connection?.destroy();
		this.#journal?.destroy();
		this.#doc.destroy();
	}

	#read(): void {
		const { programme, skipped } = readProgramme(this.#doc.doc);
		if (skipped.length) console.warn('Skipped programme items that did not validate', skipped);
		this.#programme = programme;
	}

	#onOnline = () => this.#connection?.connect();
	#onOffline = () => this.#connection?.disconnect();
}
