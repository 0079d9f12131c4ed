/**
 * A Y.Doc kept on this device by y-indexeddb: loading, reading other tabs' writes, replaying the
 * write-ahead log, flushing before a reload, and wiping. The workspace and every shared document
 * (a programme, later groups and pairs) build on it.
 */
import { fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Origin of changes made by this app on this device (y-indexeddb and the provider have their own). */
export const LOCAL_ORIGIN = Symbol('local');
/** Origin of changes replayed from the write-ahead log at start-up (already journaled). */
export const RECOVERY_ORIGIN = Symbol('recovery');

const otherLocalOrigins = new Set<unknown>();

/**
 * Whether a change was made on this page by its user: by the app's verbs (`LOCAL_ORIGIN`) or by
 * an origin registered below (the rich-text binding and each editor's undo manager, which
 * y-prosemirror and Y.UndoManager name themselves). The journal, the write-ahead log and the tab
 * channel take exactly these changes.
 */
export function isLocalOrigin(origin: unknown): boolean {
	return origin === LOCAL_ORIGIN || otherLocalOrigins.has(origin);
}

/** Counts changes with this origin as local (see `isLocalOrigin`) until the returned function runs. */
export function registerLocalOrigin(origin: unknown): () => void {
	otherLocalOrigins.add(origin);
	return () => otherLocalOrigins.delete(origin);
}

export class PersistedDoc {
	readonly doc = new Y.Doc();
	/**
	 * Who else has the document open (presence): sent with the document's socket. Empty (null)
	 * until a page shows the document to its user (presence.ts), so a document held open in the
	 * background tells nobody anything.
	 */
	readonly awareness = new Awareness(this.doc);
	readonly #persistence: IndexeddbPersistence;

	constructor(readonly dbName: string) {
		this.awareness.setLocalState(null);
		this.#persistence = new IndexeddbPersistence(dbName, this.doc);
	}

	/** Resolves when the stored document has been loaded from IndexedDB. */
	async ready(): Promise<void> {
		await this.#persistence.whenSynced;
	}

	/** Reads changes other tabs stored in IndexedDB since this page loaded (or last looked). */
	async loadFromDisk(): Promise<void> {
		await this.#persistence.whenSynced;
		if (this.#persistence.db) await fetchUpdates(this.#persistence);
	}

	/** Replays changes a previous page may not have committed to IndexedDB (see wal.ts). */
	applyRecovered(updates: Uint8Array[]): void {
		this.doc.transact(() => {
			for (const update of updates) Y.applyUpdate(this.doc, update, RECOVERY_ORIGIN);
		}, RECOVERY_ORIGIN);
	}

	/** Everything in the document as one update (used to merge a workspace elsewhere). */
	encodeState(): Uint8Array {
		return Y.encodeStateAsUpdate(this.doc);
	}

	/**
	 * Resolves once every change made so far is written to IndexedDB: a read transaction on the
	 * update store is scheduled after all earlier write transactions on it.
	 */
	async flush(): Promise<void> {
		await this.#persistence.whenSynced;
		const idb = this.#persistence.db;
		if (!idb) return;
		await new Promise<void>((resolve, reject) => {
			const tx = idb.transaction(['updates'], 'readonly');
			tx.objectStore('updates').count();
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	}

	destroy(): void {
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** Deletes the stored document from this device. */
	async wipe(): Promise<void> {
		await this.#persistence.clearData();
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/** The names of the documents stored on this device that start with `prefix`. */
export async function storedDocNames(prefix: string): Promise<string[]> {
	if (typeof indexedDB === 'undefined' || !indexedDB.databases) return [];
	return (await indexedDB.databases()).flatMap((db) => (db.name?.startsWith(prefix) ? [db.name] : []));
}

/** Deletes every stored document whose name starts with `prefix` (sign-out on a shared computer). */
export async function deleteStoredDocs(prefix: string): Promise<void> {
	const names = await storedDocNames(prefix);
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.deleteDatabase(name);
					request.onsuccess = () => resolve();
					request.onerror = () => reject(request.error);
					request.onblocked = () => resolve(); // deleted once the last connection closes
				})
		)
	);
}
