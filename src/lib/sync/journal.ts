/**
 * The change journal: every local change of the workspace document gets a sequence number, a
 * row in the device journal (through JournalPort) and an entry in the write-ahead log, until the
 * server acknowledges it (see connection.ts and protocol.ts).
 */
import type * as Y from 'yjs';
import type { WriteAheadLog } from './wal';

/**
 * Hands out sequence numbers. A page numbers the changes of all its documents from one
 * sequence: journal rows are keyed by (page instance, number), so two documents of one page
 * must never share a number, nor a document reopened in the same page reuse one.
 */
export class Sequence {
	#last = 0;
	/** Reserves `n` numbers; returns the first. */
	next(n = 1): number {
		const first = this.#last + 1;
		this.#last += n;
		return first;
	}
	/** Never hands out `seq` or anything below it. */
	skipTo(seq: number): void {
		this.#last = Math.max(this.#last, seq);
	}
}

/** The one sequence of this page (see Sequence). */
export const pageSequence = new Sequence();

/** Where journal entries are kept (the data layer; injected by the state layer). */
export interface JournalPort {
	add(rows: { seq: number; room: string; at: number; bytes: number }[]): Promise<void>;
	acknowledgeUpTo(room: string, seq: number): Promise<void>;
}

/**
 * Journals every local change of `doc` for `room`. The journal exists from the first keystroke,
 * also before any connection (local-only use), so sign-in can count what is not yet on a server.
 * Each change is first appended to the write-ahead log (synchronous), then written to the journal
 * and confirmed in IndexedDB (`persisted`), after which the log forgets it.
 */
export class ChangeJournal {
	#seq: number;
	#acked = 0;
	/** This journal's numbers not yet acknowledged, ascending. */
	#open: number[] = [];
	#buffer: { seq: number; room: string; at: number; bytes: number }[] = [];
	#timer: ReturnType<typeof setTimeout> | null = null;
	#listeners = new Set<(seq: number) => void>();
	#pendingListeners = new Set<(n: number) => void>();

	constructor(
		private readonly doc: Y.Doc,
		public room: string,
		private readonly port: JournalPort,
		lastSeq: number,
		private readonly isLocalOrigin: (origin: unknown) => boolean,
		private readonly onError: (error: unknown) => void,
		private readonly wal: WriteAheadLog | null = null,
		private readonly persisted: () => Promise<void> = async () => {},
		private readonly sequence: Sequence = new Sequence()
	) {
		sequence.skipTo(lastSeq);
		this.#seq = lastSeq;
		doc.on('update', this.#onUpdate);
	}

	get lastSeq(): number {
		return this.#seq;
	}

	/** Called with the new sequence number after each local change is journaled. */
	onChange(listener: (seq: number) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Changes of this page not yet acknowledged, known at once (the journal rows in IndexedDB
	 * follow a moment later, so the status must not wait for them to say "not saved yet").
	 */
	get unacknowledged(): number {
		return this.#open.length;
	}

	onPendingChange(listener: (n: number) => void): () => void {
		this.#pendingListeners.add(listener);
		return () => this.#pendingListeners.delete(listener);
	}

	/**
	 * Numbers `n` changes that are already in the document and were sent (or will be sent by the
	 * next sync) but were journaled elsewhere: a closed tab's rows, a replayed write-ahead log.
	 * They get fresh numbers, above every acknowledgement requested so far.
	 */
	allocate(n: number): number {
		const first = this.sequence.next(n);
		if (n <= 0) return first;
		for (let seq = first; seq < first + n; seq++) this.#open.push(seq);
		this.#seq = first + n - 1;
		this.#notifyPending();
		return first;
	}

	async acknowledge(seq: number): Promise<void> {
		this.#acked = Math.max(this.#acked, seq);
		this.#open = this.#open.filter((s) => s > this.#acked);
		this.#notifyPending();
		this.#buffer = this.#buffer.filter((row) => row.seq > this.#acked);
		await this.port.acknowledgeUpTo(this.room, seq);
	}

	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const rows = this.#buffer.filter((row) => row.seq > this.#acked);
		const upTo = this.#seq;
		this.#buffer = [];
		if (rows.length) await this.port.add(rows);
		await this.persisted();
		this.wal?.dropUpTo(upTo);
	}

	destroy(): void {
		this.doc.off('update', this.#onUpdate);
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (!this.isLocalOrigin(origin)) return;
		const seq = this.sequence.next();
		this.#seq = seq;
		this.#open.push(seq);
		const row = { seq, room: this.room, at: Date.now(), bytes: update.byteLength };
		this.wal?.append({ ...row, update });
		this.#buffer.push(row);
		this.#timer ??= setTimeout(() => void this.flush().catch(this.onError), 50);
		for (const listener of this.#listeners) listener(seq);
		this.#notifyPending();
	};

	#notifyPending(): void {
		for (const listener of this.#pendingListeners) listener(this.unacknowledged);
	}
}
