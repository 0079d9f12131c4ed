/**
 * One WebSocket in one room: frame limits, message dispatch, and nothing else.
 * A frame that fails in any way closes this socket only (4400); other peers and the stored doc are untouched.
 * Awareness passes the connection's AwarenessGate (awareness.ts) first; readers may send it too.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RawData, WebSocket } from 'ws';
import type { Logger } from '../log.ts';
import {
	CLOSE_CODES,
	MESSAGE_ACK,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	readAckId
} from '../protocol.ts';
import type { Access } from './authorize.ts';
import { AwarenessGate } from './awareness.ts';
import { encodeAwareness, encodePermissionDenied, encodeSyncStep2 } from './messages.ts';
import type { Peer } from './peer.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Room } from './room.ts';

export interface ConnectionOptions {
	roomName: string;
	access: Access;
	sessionId: string;
	userId: string;
	maxFrameBytes: number;
	maxAwarenessBytes: number;
	rateLimitPerSecond: number;
	logger: Logger;
	onClose: (connection: Connection) => void;
}

class BadMessage extends Error {}

export class Connection implements Peer {
	readonly awarenessIds = new Set<number>();
	readonly sessionId: string;
	#ws: WebSocket;
	#options: ConnectionOptions;
	#room: Room | null = null;
	/** Frames that arrived while the room was loading, handled in order once it is attached. */
	#backlog: Uint8Array[] = [];
	#bucket: TokenBucket;
	#awareness: AwarenessGate;
	#closed = false;
	#deniedSent = false;

	constructor(ws: WebSocket, options: ConnectionOptions) {
		this.#ws = ws;
		this.#options = options;
		this.sessionId = options.sessionId;
		this.#bucket = new TokenBucket(options.rateLimitPerSecond, options.rateLimitPerSecond * 2);
		this.#awareness = new AwarenessGate(this, options.userId, options.maxAwarenessBytes, options.logger);
		ws.binaryType = 'nodebuffer';
		ws.on('message', (data) => this.#receive(data));
		ws.on('error', (error) => options.logger.debug('socket error', { room: options.roomName, error }));
		ws.on('close', () => {
			this.#closed = true;
			this.#room?.leave(this);
			options.onClose(this);
		});
	}

	get closed(): boolean {
		return this.#closed;
	}

	/** Joins the loaded room, then handles the frames that arrived meanwhile. */
	attach(room: Room): void {
		if (this.#closed) return;
		this.#room = room;
		room.join(this);
		const backlog = this.#backlog;
		this.#backlog = [];
		for (const frame of backlog) if (!this.#closed) this.#handle(frame);
	}

	send(message: Uint8Array): void {
		if (this.#closed || this.#ws.readyState !== this.#ws.OPEN) return;
		this.#ws.send(message, (error) => {
			if (error) this.close(CLOSE_CODES.goingAway, 'send failed');
		});
	}

	close(code: number, reason: string): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#room?.leave(this);
		this.#ws.close(code, reason);
	}

	#receive(data: RawData): void {
		if (this.#closed) return;
		const frame = toBytes(data);
		if (frame.byteLength > this.#options.maxFrameBytes) {
			this.#refuse(CLOSE_CODES.tooLarge, 'frame too large', { bytes: frame.byteLength });
			return;
		}
		if (!this.#bucket.take()) {
			this.#refuse(CLOSE_CODES.rateLimited, 'too many frames');
			return;
		}
		if (this.#room) this.#handle(frame);
		else this.#backlog.push(frame);
	}

	#handle(frame: Uint8Array): void {
		try {
			this.#dispatch(frame);
		} catch (error) {
			this.#refuse(CLOSE_CODES.badMessage, 'bad message', { error: (error as Error).message });
		}
	}

	#dispatch(frame: Uint8Array): void {
		const room = this.#room!;
		const decoder = decoding.createDecoder(frame);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC:
				return this.#sync(room, decoder);
			case MESSAGE_AWARENESS:
				return this.#applyAwareness(room, decoding.readVarUint8Array(decoder));
			case MESSAGE_QUERY_AWARENESS:
				this.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
				return;
			case MESSAGE_ACK:
				// An ack says "stored"; after dropping a reader's update that would be untrue.
				if (this.#deniedSent) return;
				room.requestAck(this, readAckId(decoder));
				return;
			case MESSAGE_AUTH:
				return; // Clients have nothing to tell us here.
			default:
				throw new BadMessage(`unknown message type ${type}`);
		}
	}

	#sync(room: Room, decoder: decoding.Decoder): void {
		const syncType = decoding.readVarUint(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) {
			// Answer from stored state: wait for a batch being written (at most one tick).
			const stateVector = decoding.readVarUint8Array(decoder);
			void room.flushed().then(() => {
				if (room.state === 'open') this.send(encodeSyncStep2(room.doc, stateVector));
			});
			return;
		}
		if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
			throw new BadMessage(`unknown sync message type ${syncType}`);
		}
		const update = decoding.readVarUint8Array(decoder);
		const decoded = Y.decodeUpdate(update); // throws if the update is malformed, before anything touches the doc
		if (this.#options.access === 'read') {
			// A reader's client answers our sync step 1 with an empty step 2: that is not a write.
			const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
			if (!empty && !this.#deniedSent) {
				this.send(encodePermissionDenied('permission denied'));
				this.#deniedSent = true;
			}
			return;
		}
		room.applyUpdate(update, this);
	}

	#applyAwareness(room: Room, update: Uint8Array): void {
		const verdict = this.#awareness.admit(room, update);
		if (!verdict.ok) return this.#refuse(verdict.code, verdict.reason);
		if (verdict.update) awarenessProtocol.applyAwarenessUpdate(room.awareness, verdict.update, this);
	}

	#refuse(code: number, reason: string, fields: Record<string, unknown> = {}): void {
		this.#options.logger.warn('closing socket', { room: this.#options.roomName, code, reason, ...fields });
		this.close(code, reason);
	}
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
