/**
 * A write-ahead log in localStorage for the last few local changes.
 *
 * y-indexeddb writes each change in its own IndexedDB transaction, and a transaction still in
 * flight when the page goes away (a navigation, a closed tab, a reload right after typing) is
 * aborted: the last keystrokes would be lost. localStorage writes are synchronous, so every local
 * change is appended here first and dropped once IndexedDB has committed it. At start-up anything
 * left is applied again (applying a Yjs update twice is harmless).
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as v from 'valibot';
import { WalEntrySchema } from '$domain/journal';

export interface WalEntry {
	seq: number;
	room: string;
	at: number;
	update: Uint8Array;
}

interface StoredEntry {
	seq: number;
	room: string;
	at: number;
	update: string;
}

export class WriteAheadLog {
	#entries: StoredEntry[] = [];
	#warned = false;

	constructor(
		readonly key: string,
		private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
	) {
		this.#entries = this.#read();
	}

	/** What a previous page left behind (not yet committed to IndexedDB). */
	entries(): WalEntry[] {
		return this.#entries.map((e) => ({ ...e, update: fromBase64(e.update) }));
	}

	append(entry: WalEntry): void {
		this.#entries.push({ ...entry, update: toBase64(entry.update) });
		this.#write();
	}

	/** Forgets entries up to and including `seq`: they are safely in IndexedDB. */
	dropUpTo(seq: number): void {
		const before = this.#entries.length;
		this.#entries = this.#entries.filter((e) => e.seq > seq);
		if (this.#entries.length !== before) this.#write();
	}

	clear(): void {
		this.#entries = [];
		this.storage?.removeItem(this.key);
	}

	#read(): StoredEntry[] {
		try {
			const raw = this.storage?.getItem(this.key);
			const parsed: unknown = raw ? JSON.parse(raw) : [];
			return Array.isArray(parsed) ? parsed.filter((e): e is StoredEntry => v.is(WalEntrySchema, e)) : [];
		} catch {
			return [];
		}
	}

	#write(): void {
		if (!this.storage) return;
		try {
			if (this.#entries.length === 0) this.storage.removeItem(this.key);
			else this.storage.setItem(this.key, JSON.stringify(this.#entries));
		} catch (error) {
			// Full or unavailable: IndexedDB still gets the change; only the unload guard is lost.
			if (!this.#warned) console.warn('Write-ahead log unavailable', error);
			this.#warned = true;
		}
	}
}
