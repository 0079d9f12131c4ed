/**
 * The protocol figure: two y-websocket clients in Node on the personal room. Each edit on A is timed
 * until B's doc applies it (relay, which the server does only after storing) and until A receives the
 * server's ack for it (durable on disk).
 */
import type * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeAck, MESSAGE_ACK, readAckId } from '../src/lib/sync/protocol.ts';
import type { Grant } from './server.ts';
import { deferred, sleep, withTimeout, type Cleanup } from './stats.ts';

export interface ProtocolOptions {
	origin: string;
	grant: Grant;
	edits: number;
	warmupEdits: number;
	/** One edit (plus its ack request) per period: the server allows 100 frames/s per socket. */
	periodMs: number;
	cleanup: Cleanup;
	log: (message: string) => void;
}

export interface ProtocolResult {
	/** Edit on A → B's doc has applied it (ms). */
	remote: number[];
	/** Edit on A → A has received the server's ack for it (ms). */
	ack: number[];
}

const now = () => performance.now();

export async function runProtocolBench(options: ProtocolOptions): Promise<ProtocolResult> {
	const { grant, cleanup } = options;
	const room = `user:${grant.userId}`;
	const serverUrl = `${options.origin.replace(/^http/, 'ws')}/sync`;
	const connect = (name: string) => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(serverUrl, room, doc, {
			params: { token: grant.token },
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			// Both clients live in this process: without this they would also talk over a BroadcastChannel.
			disableBc: true
		});
		cleanup.add(`destroy client ${name}`, () => {
			provider.destroy();
			provider.awareness.destroy();
			doc.destroy();
		});
		return { doc, provider };
	};
	const a = connect('A');
	const b = connect('B');

	let closed: string | null = null;
	for (const [name, client] of [
		['A', a],
		['B', b]
	] as const) {
		client.provider.on('connection-close', (event) => {
			closed = `client ${name}'s socket closed (code ${event?.code ?? '?'} ${event?.reason ?? ''})`;
		});
	}

	await withTimeout(
		Promise.all([a, b].map(({ provider }) => synced(provider))),
		15_000,
		'the Node clients to sync'
	);
	options.log(`protocol: ${options.warmupEdits} warm-up + ${options.edits} measured edits`);

	const textA = a.doc.getText('bench');
	const textB = b.doc.getText('bench');
	let expectedLength = textA.length;
	let remoteWaiter: { length: number; resolve: (at: number) => void } | null = null;
	textB.observe(() => {
		if (remoteWaiter && textB.length >= remoteWaiter.length) remoteWaiter.resolve(now());
	});
	let ackWaiter: { id: number; resolve: (at: number) => void } | null = null;
	a.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder: decoding.Decoder) => {
		const id = readAckId(decoder);
		if (ackWaiter && id >= ackWaiter.id) ackWaiter.resolve(now());
	};

	const result: ProtocolResult = { remote: [], ack: [] };
	for (let i = 0; i < options.warmupEdits + options.edits; i++) {
		if (closed) throw new Error(closed);
		const remote = deferred<number>();
		const ack = deferred<number>();
		expectedLength += 1;
		remoteWaiter = { length: expectedLength, resolve: remote.resolve };
		ackWaiter = { id: i + 1, resolve: ack.resolve };

		const editedAt = now();
		textA.insert(textA.length, String.fromCharCode(97 + (i % 26)));
		const ws = a.provider.ws;
		if (!ws || ws.readyState !== ws.OPEN) throw new Error('client A is not connected');
		ws.send(encodeAck(i + 1) as Uint8Array<ArrayBuffer>);

		const [remoteAt, ackAt] = await withTimeout(
			Promise.all([remote.promise, ack.promise]),
			5_000,
			`edit ${i} to reach B and be acknowledged${closed ? ` (${closed})` : ''}`
		);
		if (i >= options.warmupEdits) {
			result.remote.push(remoteAt - editedAt);
			result.ack.push(ackAt - editedAt);
		}
		const rest = editedAt + options.periodMs - now();
		if (rest > 0) await sleep(rest);
	}
	return result;
}

function synced(provider: WebsocketProvider): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve) => {
		const onSync = (isSynced: boolean) => {
			if (!isSynced) return;
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
}
