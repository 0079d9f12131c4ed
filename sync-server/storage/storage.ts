/**
 * Where room documents live: a snapshot plus an append-only log of Yjs updates.
 * Async so that a networked implementation (Postgres) can follow; each call is one transaction.
 */
export interface StoredRoom {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	/** The highest sequence number stored for the room (snapshot or log); 0 when empty. */
	lastSeq: number;
}

export interface RoomStorage {
	load(room: string): Promise<StoredRoom>;
	/** Stores the updates in order, in one transaction. Returns the new lastSeq. */
	append(room: string, updates: Uint8Array[]): Promise<number>;
	/** Replaces the snapshot and deletes the log up to and including `upToSeq`, in one transaction. */
	compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
	close(): Promise<void>;
}
