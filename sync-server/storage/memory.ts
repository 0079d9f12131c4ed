import type { RoomStorage, StoredRoom } from './storage.ts';

interface MemoryRoom {
	snapshot: { data: Uint8Array; seq: number } | null;
	log: { seq: number; data: Uint8Array }[];
}

/** The in-memory twin of SqliteStorage, for tests. Copies bytes in and out like a database would. */
export class MemoryStorage implements RoomStorage {
	#rooms = new Map<string, MemoryRoom>();

	async load(room: string): Promise<StoredRoom> {
		const stored = this.#rooms.get(room);
		if (!stored) return { snapshot: null, updates: [], lastSeq: 0 };
		return {
			snapshot: stored.snapshot ? stored.snapshot.data.slice() : null,
			updates: stored.log.map((entry) => entry.data.slice()),
			lastSeq: lastSeq(stored)
		};
	}

	async append(room: string, updates: Uint8Array[]): Promise<number> {
		const stored = this.#room(room);
		let seq = lastSeq(stored);
		for (const update of updates) stored.log.push({ seq: ++seq, data: update.slice() });
		return seq;
	}

	async compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
		const stored = this.#room(room);
		stored.snapshot = { data: snapshot.slice(), seq: upToSeq };
		stored.log = stored.log.filter((entry) => entry.seq > upToSeq);
	}

	async close(): Promise<void> {
		this.#rooms.clear();
	}

	#room(room: string): MemoryRoom {
		let stored = this.#rooms.get(room);
		if (!stored) {
			stored = { snapshot: null, log: [] };
			this.#rooms.set(room, stored);
		}
		return stored;
	}
}

function lastSeq(room: MemoryRoom): number {
	return Math.max(room.snapshot?.seq ?? 0, room.log.at(-1)?.seq ?? 0);
}
