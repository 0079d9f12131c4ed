import type { Db } from '../db.ts';
import type { RoomStorage, StoredRoom } from './storage.ts';

interface SnapshotRow {
	data: Buffer;
	seq: number;
}

/** Room storage in the server's SQLite file (tables `room_snapshots` and `room_updates`). */
export class SqliteStorage implements RoomStorage {
	#db: Db;
	#closeDb: boolean;
	#snapshot;
	#updates;
	#lastSeq;
	#insert;
	#upsertSnapshot;
	#deleteUpTo;

	/** `closeDb`: whether `close()` also closes the database (true when this storage owns it). */
	constructor(db: Db, { closeDb = true } = {}) {
		this.#db = db;
		this.#closeDb = closeDb;
		this.#snapshot = db.prepare<[string], SnapshotRow>('SELECT data, seq FROM room_snapshots WHERE room = ?');
		this.#updates = db
			.prepare<[string], { data: Buffer }>('SELECT data FROM room_updates WHERE room = ? ORDER BY seq')
			.pluck();
		this.#lastSeq = db
			.prepare<[string, string], number>(
				`SELECT max(
					coalesce((SELECT max(seq) FROM room_updates WHERE room = ?), 0),
					coalesce((SELECT seq FROM room_snapshots WHERE room = ?), 0))`
			)
			.pluck();
		this.#insert = db.prepare('INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)');
		this.#upsertSnapshot = db.prepare(
			'INSERT INTO room_snapshots (room, data, seq) VALUES (?, ?, ?) ON CONFLICT(room) DO UPDATE SET data = excluded.data, seq = excluded.seq'
		);
		this.#deleteUpTo = db.prepare('DELETE FROM room_updates WHERE room = ? AND seq <= ?');
	}

	async load(room: string): Promise<StoredRoom> {
		return this.#db.transaction(() => {
			const snapshot = this.#snapshot.get(room);
			const updates = this.#updates.all(room) as unknown as Buffer[];
			return {
				snapshot: snapshot ? bytes(snapshot.data) : null,
				updates: updates.map(bytes),
				lastSeq: this.#lastSeq.get(room, room) ?? 0
			};
		})();
	}

	async append(room: string, updates: Uint8Array[]): Promise<number> {
		return this.#db
			.transaction(() => {
				let seq = this.#lastSeq.get(room, room) ?? 0;
				for (const update of updates) this.#insert.run(room, ++seq, update);
				return seq;
			})
			.immediate();
	}

	async compact(room: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
		this.#db
			.transaction(() => {
				this.#upsertSnapshot.run(room, snapshot, upToSeq);
				this.#deleteUpTo.run(room, upToSeq);
			})
			.immediate();
	}

	async close(): Promise<void> {
		if (this.#closeDb && this.#db.open) this.#db.close();
	}
}

function bytes(buffer: Buffer): Uint8Array {
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
