/**
 * Awareness (presence: who is here, their cursors) as one connection sends it, checked entry by
 * entry before it reaches the room. The server never reads a state, it only bounds it:
 *
 * - A state is a JSON object or null (else the socket closes with 4400), at most
 *   `MAX_AWARENESS_BYTES` of JSON (else 4413).
 * - A connection owns at most one client id: the first id it sends with a state that the room's
 *   awareness has never seen. A second new id from it is ignored, so one socket can never fill a
 *   room with states.
 * - Entries for ids it does not own are ignored without a word: the y-websocket client echoes every
 *   awareness change it receives back to the server. One exception: a connection of the account
 *   that owned an id may take it over with a higher clock, as a client does when it reconnects while
 *   its old socket is half-open (or already gone).
 *
 * What is left is encoded again and applied with the connection as origin, so its state is removed
 * when it leaves (room.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import type { Logger } from '../log.ts';
import { CLOSE_CODES } from '../protocol.ts';
import type { Peer } from './peer.ts';

/** Who owns a client id of a room's awareness: the account, and its connection while it is open. */
export interface AwarenessOwner {
	userId: string;
	peer: Peer | null;
}

/** By client id; kept as long as the room is loaded (like the awareness's own meta). */
export type AwarenessOwners = Map<number, AwarenessOwner>;

export interface AwarenessRoom {
	readonly name: string;
	readonly awareness: Awareness;
	readonly awarenessOwners: AwarenessOwners;
}

export type AwarenessVerdict =
	{ ok: true; update: Uint8Array | null } | { ok: false; code: number; reason: string };

interface Entry {
	clientId: number;
	clock: number;
	json: string;
	state: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class AwarenessGate {
	#peer: Peer;
	#userId: string;
	#maxStateBytes: number;
	#logger: Logger;
	/** The client id this connection owns (or owned until another of its account's took it over). */
	#clientId: number | null = null;

	constructor(peer: Peer, userId: string, maxStateBytes: number, logger: Logger) {
		this.#peer = peer;
		this.#userId = userId;
		this.#maxStateBytes = maxStateBytes;
		this.#logger = logger;
	}

	/** The entries of an awareness update this connection may set, encoded again (null: none), or why it must close. */
	admit(room: AwarenessRoom, update: Uint8Array): AwarenessVerdict {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const accepted: Entry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const bytes = decoding.readVarUint8Array(decoder);
			if (bytes.byteLength > this.#maxStateBytes) {
				return { ok: false, code: CLOSE_CODES.tooLarge, reason: 'awareness state too large' };
			}
			const entry = parseEntry(clientId, clock, bytes);
			if (!entry) return { ok: false, code: CLOSE_CODES.badMessage, reason: 'bad awareness state' };
			if (this.#mayWrite(room, entry)) accepted.push(entry);
		}
		return { ok: true, update: accepted.length > 0 ? encodeEntries(accepted) : null };
	}

	#mayWrite(room: AwarenessRoom, { clientId, clock, state }: Entry): boolean {
		const owner = room.awarenessOwners.get(clientId);
		if (owner?.peer === this.#peer) return true;
		const known = room.awareness.meta.get(clientId);
		if (state === null || this.#clientId !== null) {
			// An echo, a removal of someone else's state, or a second id of this connection.
			if (!owner && !known && state !== null) {
				this.#logger.debug('second awareness client id ignored', { room: room.name, clientId });
			}
			return false;
		}
		if (!owner && !known) return this.#bind(room, clientId);
		// Its own account's id, sent again by a reconnected client: only forwards, never an echo.
		if (owner?.userId === this.#userId && known && clock > known.clock) return this.#bind(room, clientId);
		return false;
	}

	#bind(room: AwarenessRoom, clientId: number): true {
		this.#clientId = clientId;
		room.awarenessOwners.set(clientId, { userId: this.#userId, peer: this.#peer });
		return true;
	}
}

/** null if the state is not JSON, or not an object or null. */
function parseEntry(clientId: number, clock: number, bytes: Uint8Array): Entry | null {
	let json: string;
	let state: unknown;
	try {
		json = utf8.decode(bytes);
		state = JSON.parse(json);
	} catch {
		return null;
	}
	if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
	return { clientId, clock, json, state };
}

/** The y-protocols awareness update format: count, then per entry client id, clock, JSON state. */
function encodeEntries(entries: Entry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { clientId, clock, json } of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}
