/**
 * Room name → loaded Room. Loads on the first connection, unloads when the last one leaves
 * (flush, compact if due, free). A connection that arrives while its room unloads waits and reloads.
 * A room whose stored bytes fail to load is never kept, written or compacted.
 */
import type { Logger } from '../log.ts';
import type { RoomStorage } from '../storage/storage.ts';
import type { Peer } from './peer.ts';
import { Room } from './room.ts';

interface Entry {
	loading: Promise<Room>;
	unloading: Promise<void> | null;
}

export interface RegistryOptions {
	storage: RoomStorage;
	logger: Logger;
	compactAfterUpdates: number;
}

export class RoomRegistry {
	#rooms = new Map<string, Entry>();
	#options: RegistryOptions;

	constructor(options: RegistryOptions) {
		this.#options = options;
	}

	/** Number of rooms loaded or loading. */
	get size(): number {
		return this.#rooms.size;
	}

	/**
	 * The loaded room with `peer` joined (or null if the peer closed while the room was loading).
	 * Throws RoomLoadError if the stored document does not load.
	 */
	async join(
		name: string,
		peer: Peer & { attach(room: Room): void; readonly closed: boolean }
	): Promise<Room | null> {
		for (;;) {
			const entry = this.#rooms.get(name) ?? this.#load(name);
			if (entry.unloading) {
				await entry.unloading;
				continue;
			}
			const room = await entry.loading;
			if (this.#rooms.get(name) !== entry || entry.unloading || room.state !== 'open') continue;
			if (peer.closed) {
				// It left while the room loaded: do not keep a room nobody is in.
				if (room.peers.size === 0) this.#unload(entry, room);
				return null;
			}
			peer.attach(room);
			return room;
		}
	}

	/** Server shutdown: flush every room and close its peers with `code`. */
	async close(code: number, reason: string): Promise<void> {
		const entries = [...this.#rooms.values()];
		await Promise.all(
			entries.map(async (entry) => {
				if (entry.unloading) return entry.unloading;
				const room = await entry.loading.catch(() => null);
				await room?.shutdown(code, reason);
			})
		);
		this.#rooms.clear();
	}

	#load(name: string): Entry {
		const entry = { unloading: null } as Entry;
		entry.loading = Room.load(name, {
			...this.#options,
			onEmpty: (room) => this.#unload(entry, room),
			onFailed: () => this.#forget(name, entry)
		}).catch((error: unknown) => {
			this.#forget(name, entry);
			this.#options.logger.error('document failed to load', { room: name, error });
			throw error;
		});
		this.#rooms.set(name, entry);
		return entry;
	}

	#unload(entry: Entry, room: Room): void {
		entry.unloading = room
			.unload()
			.catch((error: unknown) => this.#options.logger.error('unload failed', { room: room.name, error }))
			.finally(() => this.#forget(room.name, entry));
	}

	#forget(name: string, entry: Entry): void {
		if (this.#rooms.get(name) === entry) this.#rooms.delete(name);
	}
}
