/**
 * Search across everything I wrote on this device: notes and drafts (the device's Dexie tables),
 * the reading log, the training plan and change tasks (records of the workspace document; the
 * titles of syllabus texts from the programme documents). Works offline and without an account:
 * nothing leaves the device.
 *
 * The index (domain/search-index.ts) is built the first time the search page opens, and kept in
 * step while it is open: each source is followed (Dexie liveQuery; the workspace's and the
 * programmes' change events), and a change rebuilds that source's documents after a short pause,
 * replacing only the documents that changed. When the page closes the sources are let go, but
 * the index is kept: coming back shows results at once and catches up with what changed meanwhile.
 */
import { watchNotes } from '$data/notes-index';
import { watchDraftTexts } from '$data/search-sources';
import type { Programme } from '$domain/programme';
import {
	draftDocuments,
	noteDocuments,
	planDocuments,
	readingDocuments,
	SEARCH_KINDS,
	taskDocuments,
	type SearchDocument,
	type SearchKind
} from '$domain/search-documents';
import { SearchIndex, type SearchHit } from '$domain/search-index';
import { observeProgramme, readProgramme } from '$sync/programme-doc';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { acquireProgramme, releaseProgramme } from './programme-rooms';
import { myProgrammes } from './programmes.svelte';
import { planSource, readingSource, SEARCH_COLLECTIONS, taskSource } from './search-records';
import { SharedStart } from './shared-start';

const DEBOUNCE_MS = 120;

export interface SearchResults {
	/** How many documents match. */
	total: number;
	/** The first of them, best first, with the matches marked. */
	hits: SearchHit[];
}

type Syllabus = { id: string; programme: Pick<Programme, 'syllabus'> };

class Search {
	#index = new SearchIndex();
	/** Bumped after each change to the index, so results re-run. */
	#version = $state(0);
	/** The sources read into the index at least once. */
	#built = $state.raw<readonly SearchKind[]>([]);
	#pending = new Map<SearchKind, () => SearchDocument[]>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#shared = new SharedStart(() => this.#follow());

	/** True once every source has been read into the index. */
	get ready(): boolean {
		return SEARCH_KINDS.every((kind) => this.#built.includes(kind));
	}

	/** How many documents the index holds. */
	get size(): number {
		void this.#version;
		return this.#index.size;
	}

	/** What matches `query`: the count and the first `limit` hits (reactive: follows the index). */
	results(query: string, limit = 50): SearchResults {
		void this.#version;
		return this.#index.search(query, limit);
	}

	/** Starts following the sources (the first call builds the index); returns the stop function. */
	open(): () => void {
		return this.#shared.hold();
	}

	#follow(): () => void {
		const notes = watchNotes('', (rows) => this.#update('note', () => noteDocuments(rows)));
		const drafts = watchDraftTexts((rows) => this.#update('draft', () => draftDocuments(rows)));
		const stops: (() => void)[] = [];
		let stopped = false;
		void app.boot().then(() => {
			const ws = app.workspace;
			if (stopped || !ws) return;
			let programmes: Syllabus[] = [];
			const reading = () => this.#update('reading', () => readingDocuments(readingSource(ws, programmes)));
			const follow = (kind: SearchKind, collections: string[], build: () => SearchDocument[]) => {
				const changed = () => this.#update(kind, build);
				changed();
				stops.push(ws.onRecordsChanged(collections, changed));
			};
			follow('plan', SEARCH_COLLECTIONS.plan, () => planDocuments(planSource(ws)));
			follow('task', SEARCH_COLLECTIONS.task, () => taskDocuments(taskSource(ws)));
			follow('reading', SEARCH_COLLECTIONS.reading, () => readingDocuments(readingSource(ws, programmes)));
			stops.push(
				followSyllabus((read) => {
					programmes = read;
					reading();
				})
			);
		});
		return () => {
			stopped = true;
			notes.unsubscribe();
			drafts.unsubscribe();
			for (const stop of stops) stop();
			if (this.#timer) this.#flush();
		};
	}

	/** A source changed: its documents are rebuilt after a short pause (the latest change wins). */
	#update(kind: SearchKind, build: () => SearchDocument[]): void {
		this.#pending.set(kind, build);
		this.#timer ??= setTimeout(() => this.#flush(), DEBOUNCE_MS);
	}

	#flush(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		for (const [kind, build] of this.#pending) {
			try {
				this.#index.setKind(kind, build());
				if (!this.#built.includes(kind)) this.#built = [...this.#built, kind];
			} catch (e) {
				handleError(e, `indexing ${kind} for search`);
			}
		}
		this.#pending.clear();
		this.#version++;
	}
}

/**
 * The syllabus of each programme of the account, from its document on the device (reading notes
 * on a syllabus text are shown with the text's title): called at once and after every change.
 */
function followSyllabus(onRead: (programmes: Syllabus[]) => void): () => void {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown by the UI
	const held = new Map<string, { syllabus: Syllabus | null; release: () => void }>();
	const changed = () =>
		onRead([...held.values()].flatMap((entry) => (entry.syllabus ? [entry.syllabus] : [])));
	const follow = (ids: readonly string[]) => {
		for (const [id, entry] of held) {
			if (ids.includes(id)) continue;
			entry.release();
			held.delete(id);
		}
		for (const id of ids) {
			if (held.has(id)) continue;
			const rooms = acquireProgramme(id);
			let stopObserving = () => {};
			const entry = {
				syllabus: null as Syllabus | null,
				release: () => {
					entry.release = () => {};
					stopObserving();
					releaseProgramme(id);
				}
			};
			held.set(id, entry);
			rooms.opened
				.then(() => {
					if (held.get(id) !== entry) return;
					const doc = rooms.main.doc.doc;
					const read = () => {
						entry.syllabus = { id, programme: { syllabus: readProgramme(doc).programme.syllabus } };
						changed();
					};
					read();
					stopObserving = observeProgramme(doc, read);
				})
				.catch((e) => handleError(e, 'reading a programme for search'));
		}
		changed();
	};
	const unsubscribe = myProgrammes.subscribe((items) => follow(items.map((p) => p.id)));
	if (myProgrammes.loaded) follow(myProgrammes.items.map((p) => p.id));
	myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
	return () => {
		unsubscribe();
		for (const entry of held.values()) entry.release();
		held.clear();
	};
}

/** The one search of this page. */
export const search = new Search();
