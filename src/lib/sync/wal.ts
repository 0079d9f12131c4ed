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

export const WAL_PREFIX = 'lederlogg-workspace:wal:';

export class WriteAheadLog {
	/** The logs left by page instances that are gone (their key ends in a dead instance id). */
	static orphans(alive: ReadonlySet<string>, storage: Storage | null = defaultStorage()): WriteAheadLog[] {
		if (!storage) return [];
		const keys: string[] = [];
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (key?.startsWith(WAL_PREFIX) && !alive.has(key.slice(WAL_PREFIX.length))) keys.push(key);
		}
		return keys.map((key) => new WriteAheadLog(key, storage));
	}

	/** Removes every log on this device (sign-out). */
	static clearAll(storage: Storage | null = defaultStorage()): void {
		for (const log of WriteAheadLog.orphans(new Set(), storage)) log.clear();
	}

	#entries: StoredEntry[] = [];
	#warned = false;

	constructor(
		readonly key: string,
		private readonly storage: Storage | null = defaultStorage()
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

	static forInstance(instance: string, storage: Storage | null = defaultStorage()): WriteAheadLog {
		return new WriteAheadLog(WAL_PREFIX + instance, storage);
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

function defaultStorage(): Storage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}
