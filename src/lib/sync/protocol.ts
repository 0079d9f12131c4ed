/**
 * The wire protocol between the app and the sync server: the y-websocket protocol
 * (sync + awareness, from y-protocols) plus one message of our own, the acknowledgement.
 *
 * This file is imported by both sides (src/lib/sync and sync-server) and depends on lib0 only.
 *
 * Acknowledgement: a client that wants to know when its changes are durable sends
 *   [MESSAGE_ACK, varUint id]
 * after the sync frames it wants acknowledged. The server answers with the same frame
 *   [MESSAGE_ACK, varUint id]
 * once every update received on that socket before the request is stored on disk.
 * Frames on one socket are handled in order, so an ack covers everything sent before it.
 * Plain y-websocket clients never send the request and never receive the answer.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_ACK = 100;

/**
 * WebSocket close codes the server uses. 4400–4499 are permanent (the official y-websocket
 * client stops reconnecting); 4500–4599 are transient (it retries with backoff).
 */
export const CLOSE_CODES = {
	/** The server is shutting down or restarting. */
	goingAway: 1001,
	/** A frame that is not a valid protocol message, or an update that does not decode. */
	badMessage: 4400,
	/** No token, a forged, expired or revoked token. Sign in again. */
	unauthorized: 4401,
	/** A valid token for a room this account may not open. */
	forbidden: 4403,
	/** A room name the server does not know. */
	unknownRoom: 4404,
	/** A frame above the size limit. */
	tooLarge: 4413,
	/** Too many frames per second. */
	rateLimited: 4429,
	/** The stored document failed to load, or storage failed; nothing was written. Retry later. */
	unavailable: 4500
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export function encodeAck(id: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_ACK);
	encoding.writeVarUint(encoder, id);
	return encoding.toUint8Array(encoder);
}

/** Reads the id of an ack frame whose type byte has already been read. */
export function readAckId(decoder: decoding.Decoder): number {
	return decoding.readVarUint(decoder);
}
