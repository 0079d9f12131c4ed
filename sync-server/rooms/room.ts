/**
 * One loaded document: its Y.Doc, awareness and connected peers, and the write queue.
 *
 * Durability before relay (group commit): every update the doc emits joins the open batch; the
 * batch is written as ONE storage append on the next turn of the event loop (or as soon as the
 * previous write finishes). Only after the append resolves are its updates relayed to the other
 * peers and the acks waiting on it answered. If the append fails the room fails: nothing is relayed
 * or acknowledged, every peer is closed with 4500 and the room is dropped without another write.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import { CLOSE_CODES } from '../protocol.ts';
import type { RoomStorage } from '../storage/storage.ts';
import type { AwarenessOwners } from './awareness.ts';
import { encodeAck, encodeAwareness, encodeSyncStep1, encodeSyncUpdate } from './messages.ts';
import type { Peer } from './peer.ts';

export type RoomState = 'open' | 'unloading' | 'closed' | 'failed';

interface Batch {
	updates: Uint8Array[];
	origins: unknown[];
	acks: { peer: Peer; id: number }[];
}

export interface RoomOptions {
	storage: RoomStorage;
	logger: Logger;
	compactAfterUpdates: number;
	/** Called when the last peer leaves an open room. */
	onEmpty: (room: Room) => void;
	/** Called once when a write fails and the room is abandoned. */
	onFailed: (room: Room) => void;
}

export class RoomLoadError extends Error {}

const LOAD_ORIGIN = Symbol('load');

export class Room {
	readonly name: string;
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	/** Which connection (and account) owns each awareness client id (awareness.ts). */
	readonly awarenessOwners: AwarenessOwners = new Map();
	readonly peers = new Set<Peer>();
	#options: RoomOptions;
	#state: RoomState = 'open';
	#open: Batch = emptyBatch();
	#inFlight: Batch | null = null;
	#timer: NodeJS.Immediate | null = null;
	#writer: Promise<void> | null = null;
	#lastSeq: number;
	#logLength: number;
	#destroyed = false;

	/** Loads a room from storage. Throws RoomLoadError if the stored bytes do not apply cleanly. */
	static async load(name: string, options: RoomOptions): Promise<Room> {
		const stored = await options.storage.load(name);
		const doc = new Y.Doc();
		try {
			Y.transact(
				doc,
				() => {
					if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
					for (const update of stored.updates) Y.applyUpdate(doc, update);
				},
				LOAD_ORIGIN
			);
			// A snapshot may carry structs still waiting for their dependencies (a client sent an
			// edit before its sync step 2, then dropped). That is a legal state, not corruption:
			// load it, and the missing part arrives with that client's next sync.
			if (doc.store.pendingStructs || doc.store.pendingDs) {
				options.logger.warn('room loaded with pending updates', { room: name });
			}
		} catch (error) {
			doc.destroy();
			throw new RoomLoadError(`room ${name} failed to load: ${(error as Error).message}`, { cause: error });
		}
		return new Room(name, doc, stored.lastSeq, stored.updates.length, options);
	}

	private constructor(name: string, doc: Y.Doc, lastSeq: number, logLength: number, options: RoomOptions) {
		this.name = name;
		this.doc = doc;
		this.#lastSeq = lastSeq;
		this.#logLength = logLength;
		this.#options = options;
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.#onAwarenessUpdate);
		doc.on('update', this.#onDocUpdate);
	}

	get state(): RoomState {
		return this.#state;
	}

	/** Adds a peer and greets it like y-websocket-server: sync step 1, then the awareness states. */
	join(peer: Peer): void {
		if (this.#state !== 'open') throw new Error(`room ${this.name} is ${this.#state}`);
		this.peers.add(peer);
		peer.send(encodeSyncStep1(this.doc));
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
	}

	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		for (const owner of this.awarenessOwners.values()) if (owner.peer === peer) owner.peer = null;
		if (peer.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
		}
		if (this.peers.size === 0 && this.#state === 'open') this.#options.onEmpty(this);
	}

	/** Applies a client's update (already decoded once by the caller). Stored and relayed by the queue. */
	applyUpdate(update: Uint8Array, origin: Peer): void {
		if (this.#state !== 'open') return;
		Y.applyUpdate(this.doc, update, origin);
	}

	/** Answers `[ACK, id]` once everything the peer sent so far is stored. */
	requestAck(peer: Peer, id: number): void {
		if (this.#state !== 'open') return;
		if (this.#open.updates.length > 0) this.#open.acks.push({ peer, id });
		else if (this.#inFlight) this.#inFlight.acks.push({ peer, id });
		else peer.send(encodeAck(id));
	}

	/** Resolves when every queued update is written (or the room failed). */
	async flushed(): Promise<void> {
		if (this.#timer) {
			clearImmediate(this.#timer);
			this.#timer = null;
			this.#startWriter();
		}
		while (this.#writer) await this.#writer;
	}

	/** Last peer gone: write what is queued, compact if due, free the doc. */
	async unload(): Promise<void> {
		if (this.#state !== 'open') return;
		this.#state = 'unloading';
		try {
			await this.flushed();
			if (this.#state === 'unloading' && this.#logLength > 0) await this.#compactIfDue();
		} finally {
			this.#destroy();
		}
	}

	/** Server shutdown: write what is queued, then close every peer with `code`. */
	async shutdown(code: number, reason: string): Promise<void> {
		if (this.#state !== 'open') return;
		await this.flushed();
		if (this.#state !== 'open') return;
		this.#state = 'closed';
		for (const peer of [...this.peers]) peer.close(code, reason);
		this.peers.clear();
		this.#destroy();
	}

	#onDocUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === LOAD_ORIGIN) return;
		this.#open.updates.push(update);
		this.#open.origins.push(origin);
		if (!this.#timer && !this.#writer) this.#timer = setImmediate(this.#tick);
	};

	#onAwarenessUpdate = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const changed = [...added, ...updated, ...removed];
		if (this.peers.has(origin as Peer)) {
			const ids = (origin as Peer).awarenessIds;
			for (const id of [...added, ...updated]) {
				ids.add(id);
				// Taken over by a reconnected client: the old socket's leaving must not remove it.
				for (const peer of this.peers) if (peer !== origin) peer.awarenessIds.delete(id);
			}
			for (const id of removed) ids.delete(id);
		}
		const message = encodeAwareness(this.awareness, changed);
		for (const peer of this.peers) peer.send(message);
	};

	#tick = () => {
		this.#timer = null;
		this.#startWriter();
	};

	#startWriter(): void {
		if (this.#writer) return;
		this.#writer = this.#drain().finally(() => {
			this.#writer = null;
		});
	}

	async #drain(): Promise<void> {
		while (this.#open.updates.length > 0 && (this.#state === 'open' || this.#state === 'unloading')) {
			const batch = this.#open;
			this.#open = emptyBatch();
			this.#inFlight = batch;
			try {
				this.#lastSeq = await this.#options.storage.append(this.name, batch.updates);
			} catch (error) {
				this.#fail(error, batch.updates.length);
				return;
			} finally {
				this.#inFlight = null;
			}
			this.#logLength += batch.updates.length;
			this.#relay(batch);
			if (this.#state === 'open') await this.#compactIfDue();
		}
	}

	#relay(batch: Batch): void {
		batch.updates.forEach((update, index) => {
			const origin = batch.origins[index];
			const message = encodeSyncUpdate(update);
			for (const peer of this.peers) if (peer !== origin) peer.send(message);
		});
		for (const { peer, id } of batch.acks) if (this.peers.has(peer)) peer.send(encodeAck(id));
	}

	async #compactIfDue(): Promise<void> {
		if (this.#logLength < this.#options.compactAfterUpdates) return;
		// Never fold pending structs into a snapshot while they wait for their dependencies.
		if (this.doc.store.pendingStructs || this.doc.store.pendingDs) return;
		try {
			const seq = this.#lastSeq;
			await this.#options.storage.compact(this.name, Y.encodeStateAsUpdate(this.doc), seq);
			this.#logLength = 0;
			this.#options.logger.debug('room compacted', { room: this.name, seq });
		} catch (error) {
			// The log is intact (compaction is one transaction), so this is not fatal.
			this.#options.logger.warn('compaction failed', { room: this.name, error });
		}
	}

	#fail(error: unknown, updates: number): void {
		if (this.#state === 'failed') return;
		const wasOpen = this.#state === 'open';
		this.#state = 'failed';
		this.#options.logger.error('storage append failed; closing the room without writing', {
			room: this.name,
			updates,
			peers: this.peers.size,
			error
		});
		for (const peer of [...this.peers]) peer.close(CLOSE_CODES.unavailable, 'storage failed');
		this.peers.clear();
		if (wasOpen) {
			this.#options.onFailed(this);
			this.#destroy();
		}
	}

	#destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		if (this.#timer) clearImmediate(this.#timer);
		this.#timer = null;
		this.#open = emptyBatch();
		this.doc.off('update', this.#onDocUpdate);
		this.awareness.off('update', this.#onAwarenessUpdate);
		this.awareness.destroy();
		this.doc.destroy();
	}
}

function emptyBatch(): Batch {
	return { updates: [], origins: [], acks: [] };
}
