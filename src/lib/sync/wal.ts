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
/** A shared document's log: `lederlogg-workspace:wal:<room>|<instance>` (the workspace has no scope). */
const SCOPE_END = '|';

export class WriteAheadLog {
	/**
	 * The logs of one document (`scope`: '' for the workspace, else the room) left by page
	 * instances that are gone (their key ends in a dead instance id).
	 */
	static orphans(
		alive: ReadonlySet<string>,
		scope = '',
		storage: Storage | null = defaultStorage()
	): WriteAheadLog[] {
		const prefix = scopePrefix(scope);
		return WriteAheadLog.#keys(storage)
			.filter((key) => {
				if (!key.startsWith(prefix)) return false;
				const instance = key.slice(prefix.length);
				return !instance.includes(SCOPE_END) && !alive.has(instance);
			})
			.map((key) => new WriteAheadLog(key, storage));
	}

	/** Removes every log on this device, of every document (sign-out). */
	static clearAll(storage: Storage | null = defaultStorage()): void {
		for (const key of WriteAheadLog.#keys(storage)) storage?.removeItem(key);
	}

	static #keys(storage: Storage | null): string[] {
		const keys: string[] = [];
		for (let i = 0; storage && i < storage.length; i++) {
			const key = storage.key(i);
			if (key?.startsWith(WAL_PREFIX)) keys.push(key);
		}
		return keys;
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

	/** This page's log for one document (`scope`: '' for the workspace, else the room). */
	static forInstance(
		instance: string,
		scope = '',
		storage: Storage | null = defaultStorage()
	): WriteAheadLog {
		return new WriteAheadLog(scopePrefix(scope) + instance, storage);
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

function scopePrefix(scope: string): string {
	return scope ? WAL_PREFIX + scope + SCOPE_END : WAL_PREFIX;
}

function defaultStorage(): Storage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}
