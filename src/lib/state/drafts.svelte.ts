/**
 * My drafts as a list, creating one, and the keeper that holds them all open while signed in.
 *
 * A draft lives in its own document (room `user:<me>:draft:<id>`, see sync/draft-doc.ts); my list
 * is an index of records in my workspace, so it shows offline on every device without opening a
 * draft. The keeper keeps each entry's title, status and length in step with its document, and
 * the device's search text (Dexie `draftTexts`) with what is written, on this device or another.
 */
import * as v from 'valibot';
import {
	DraftIndexSchema,
	draftsByUpdated,
	NewDraftSchema,
	type DraftIndex,
	type DraftMeta,
	type NewDraft
} from '$domain/draft';
import { countText, richPlainText, type RichDoc } from '$domain/rich-text';
import { draftCommentsRoom, draftRoom } from '$domain/sharing';
import { deleteDraftText, putDraftText } from '$data/draft-texts';
import { initDraft, observeDraft, readDraftBody, readDraftMeta } from '$sync/draft-doc';
import { isLocalOrigin, LOCAL_ORIGIN } from '$sync/persisted-doc';
import { t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { newRecordId, Records } from './records.svelte';
import { acquireRoom, releaseRoom } from './room-pool';
import { toasts } from './toasts.svelte';
import { SharedStart } from './shared-start';

/** The workspace collection of my drafts' index entries. */
export const DRAFT_INDEX = 'drafts';

export const myDrafts = () => new Records(DRAFT_INDEX, DraftIndexSchema);

/** Drafts need an account: each is a document of its own, synced and shared through the server. */
export const canWriteDrafts = () => app.mode === 'account' && !app.isGuest && app.user !== null;

/**
 * Creates a draft on this device at once (offline too): its document and its entry in my list.
 * Answers its id. Throws a ValiError when the input is invalid.
 */
export async function createDraft(input: NewDraft, now = Date.now()): Promise<string> {
	const user = app.user;
	if (!canWriteDrafts() || !user) throw new Error('Drafts need an account');
	const draft = v.parse(NewDraftSchema, input);
	const id = newRecordId();
	const meta: DraftMeta = {
		title: draft.title,
		kind: draft.kind,
		status: 'draft',
		requirement: draft.requirement ?? null,
		createdAt: now
	};
	const room = draftRoom(user.id, id);
	const { shared, opened } = acquireRoom(room);
	try {
		await opened;
		initDraft(shared.doc.doc, meta, LOCAL_ORIGIN);
		await shared.flush();
	} finally {
		releaseRoom(room);
	}
	putIndex({ id, ...meta, updatedAt: now, characters: 0, words: 0 });
	return id;
}

/** Every draft in my list with its text, for export (each document read from the device). */
export async function draftsForExport(): Promise<{ title: string; doc: RichDoc }[]> {
	const me = app.user;
	const workspace = app.workspace;
	if (!me || !workspace) return [];
	const entries = draftsByUpdated(workspace.records(DRAFT_INDEX, DraftIndexSchema));
	const out: { title: string; doc: RichDoc }[] = [];
	for (const entry of entries) {
		const room = draftRoom(me.id, entry.id);
		const { shared, opened } = acquireRoom(room);
		try {
			await opened;
			const doc = shared.doc.doc;
			out.push({ title: readDraftMeta(doc)?.title || entry.title, doc: readDraftBody(doc) });
		} finally {
			releaseRoom(room);
		}
	}
	return out;
}

/** Removes a draft from my list (its document stays, so undo brings it back whole). */
export function removeDraft(entry: DraftIndex): void {
	const workspace = app.workspace;
	if (!workspace) return;
	try {
		workspace.removeRecord(DRAFT_INDEX, entry.id);
		void deleteDraftText(entry.id).catch((e) => handleError(e, 'removing a draft from search'));
		toasts.show({
			kind: 'info',
			message: t('drafts.removed', { title: entry.title || t('drafts.untitled') }),
			action: { label: t('drafts.undo'), run: () => putIndex(entry) }
		});
	} catch (e) {
		handleError(e, 'removing a draft');
	}
}

function putIndex(entry: DraftIndex): void {
	app.workspace?.putRecord(DRAFT_INDEX, DraftIndexSchema, entry);
}

/**
 * Brings my list's entry in step with the draft's document. `touched`: the change was made here
 * (then the entry's time moves on; a change from elsewhere is that device's to record).
 */
export function syncIndexEntry(
	id: string,
	meta: DraftMeta,
	characters: number,
	words: number,
	touched: boolean
): void {
	const workspace = app.workspace;
	if (!workspace) return;
	const entry = workspace.records(DRAFT_INDEX, DraftIndexSchema).find((e) => e.id === id);
	if (!entry) return;
	const next: DraftIndex = {
		...entry,
		title: meta.title,
		kind: meta.kind,
		status: meta.status,
		requirement: meta.requirement,
		characters,
		words,
		updatedAt: touched ? Date.now() : entry.updatedAt
	};
	if (JSON.stringify(next) !== JSON.stringify(entry)) putIndex(next);
}

const KEEP_DEBOUNCE_MS = 1_000;

/**
 * Holds every draft of mine open while the app runs signed in: each comes down to this device
 * for writing offline, nothing typed waits unsent because its page closed, and the list and
 * search follow what is written on other devices.
 */
export class DraftKeeper {
	#shared = new SharedStart(() => this.#start());

	/** Starts holding (shared by whoever asks); returns the function that lets go. */
	watch(): () => void {
		return this.#shared.hold();
	}

	#start(): () => void {
		const index = myDrafts();
		const stopIndex = index.open();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
		const held = new Map<string, () => void>();
		const follow = (ids: readonly string[]) => {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
			const wanted = new Set(ids);
			for (const [id, stop] of held) {
				if (wanted.has(id)) continue;
				stop();
				held.delete(id);
			}
			for (const id of wanted) if (!held.has(id)) held.set(id, holdDraft(id));
		};
		const stopEffect = $effect.root(() => {
			$effect(() => {
				if (!canWriteDrafts() || !index.loaded) return follow([]);
				follow(index.items.map((entry) => entry.id));
			});
		});
		return () => {
			stopEffect();
			stopIndex();
			follow([]);
		};
	}
}

/** Holds one draft open, keeping its list entry and search text in step; returns the release. */
function holdDraft(id: string): () => void {
	const me = app.user;
	if (!me) return () => {};
	const room = draftRoom(me.id, id);
	const { shared, opened } = acquireRoom(room);
	// Its comments too: what a coach wrote is on this device before I open the draft offline.
	const commentsRoom = draftCommentsRoom(me.id, id);
	acquireRoom(commentsRoom);
	let stopped = false;
	let stopObserving: (() => void) | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let touched = false;
	const save = () => {
		timer = null;
		if (stopped || shared.access === 'removed') return;
		const doc = shared.doc.doc;
		const meta = readDraftMeta(doc);
		if (!meta) return;
		const text = richPlainText(readDraftBody(doc));
		const count = countText(text);
		syncIndexEntry(id, meta, count.characters, count.words, touched);
		touched = false;
		void putDraftText({ id, title: meta.title, text, updatedAt: Date.now() }).catch((e) =>
			handleError(e, 'indexing a draft for search')
		);
	};
	void opened.then(() => {
		if (stopped) return;
		save();
		const doc = shared.doc.doc;
		const onChange = (transaction: { origin: unknown }) => {
			if (isLocalOrigin(transaction.origin)) touched = true;
		};
		doc.on('afterTransaction', onChange);
		const stopDraft = observeDraft(doc, () => {
			timer ??= setTimeout(save, KEEP_DEBOUNCE_MS);
		});
		stopObserving = () => {
			doc.off('afterTransaction', onChange);
			stopDraft();
		};
	});
	return () => {
		if (timer) {
			clearTimeout(timer);
			save();
		}
		stopped = true;
		stopObserving?.();
		releaseRoom(room);
		releaseRoom(commentsRoom);
	};
}

export const draftKeeper = new DraftKeeper();
