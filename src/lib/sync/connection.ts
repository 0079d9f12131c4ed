/**
 * Connects the workspace document to the sync server with the official y-websocket provider,
 * plus our acknowledgement message: every local change is journaled, and the journal entry is
 * cleared only when the server says it has stored it (see protocol.ts).
 */
import * as encoding from 'lib0/encoding';
import type * as decoding from 'lib0/decoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ConnectionState } from '$domain/sync-status';
import { CLOSE_CODES, encodeAck, MESSAGE_ACK, MESSAGE_AUTH, MESSAGE_AWARENESS, readAckId } from './protocol';
import type { ChangeJournal } from './journal';

export interface ConnectionEvents {
	onState(state: { connection: ConnectionState; synced: boolean }): void;
	/** The server refused us for good: 'auth' means sign in again. */
	onRefused(reason: 'auth' | 'other', code: number): void;
	onError(error: unknown): void;
	/** The server dropped an update of ours: this account may only read the room. */
	onReadOnly?(): void;
	/** Runs after each full sync, before the acknowledgement is requested. */
	beforeAck?(): Promise<void>;
}

/** Close codes after which reconnecting cannot help. */
const PERMANENT = new Set<number>([
	CLOSE_CODES.badMessage,
	CLOSE_CODES.unauthorized,
	CLOSE_CODES.forbidden,
	CLOSE_CODES.unknownRoom,
	CLOSE_CODES.tooLarge
]);

export class SyncConnection {
	readonly #provider: WebsocketProvider;
	#state: { connection: ConnectionState; synced: boolean } = { connection: 'disconnected', synced: false };
	#unsubscribeJournal: () => void;
	#stopAwareness: () => void;
	#ackQueued = false;

	constructor(
		doc: Y.Doc,
		serverUrl: string,
		readonly room: string,
		token: string,
		private readonly journal: ChangeJournal,
		private readonly events: ConnectionEvents,
		/** The document's presence (kept by its owner across reconnections); the provider's own if none. */
		private readonly awareness?: Awareness
	) {
		this.#provider = new WebsocketProvider(serverUrl, room, doc, {
			params: { token },
			awareness,
			connect: false,
			// Tabs share changes through TabChannel, which also works offline and without a server.
			disableBc: true,
			maxBackoffTime: 10_000,
			shouldReconnect: (event) => !PERMANENT.has(event.code)
		});
		this.#stopAwareness = this.#sendOnlyMyPresence();
		this.#provider.messageHandlers[MESSAGE_ACK] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
			const id = readAckId(decoder);
			journal.acknowledge(id).catch(events.onError);
		};
		// y-protocols' auth message carries only "permission denied" from our server (see rooms/).
		this.#provider.messageHandlers[MESSAGE_AUTH] = () => events.onReadOnly?.();
		this.#provider.on('status', ({ status }) => {
			this.#setState({ connection: status });
			if (status === 'connected') this.#announcePresence();
		});
		this.#provider.on('sync', (synced) => {
			this.#setState({ synced });
			// Everything we had was just sent as sync step 2: ask for it to be acknowledged, on this
			// very socket (if it dropped meanwhile, the next one's sync asks again).
			if (!synced) return;
			const ws = this.#provider.ws;
			void (events.beforeAck?.() ?? Promise.resolve()).catch(events.onError).finally(() => {
				if (this.#provider.ws === ws && this.#provider.synced) this.#requestAck(journal.lastSeq);
			});
		});
		this.#provider.on('closed', ({ code }) => {
			events.onRefused(
				code === CLOSE_CODES.unauthorized || code === CLOSE_CODES.forbidden ? 'auth' : 'other',
				code
			);
		});
		this.#unsubscribeJournal = journal.onChange(() => {
			// The journal may hear of a change before the provider has sent it (handler order), so
			// ask after every 'update' handler has run; one request covers all changes of the tick.
			if (this.#ackQueued) return;
			this.#ackQueued = true;
			queueMicrotask(() => {
				this.#ackQueued = false;
				if (this.#provider.synced) this.#requestAck(journal.lastSeq);
			});
		});
	}

	connect(): void {
		this.#provider.connect();
	}

	get synced(): boolean {
		return this.#provider.synced;
	}

	/** Asks the server to confirm everything this page has sent so far. */
	requestAck(): void {
		if (this.#provider.synced) this.#requestAck(this.journal.lastSeq);
	}

	disconnect(): void {
		this.#provider.disconnect();
	}

	/** A refreshed token, used from the next (re)connection on. */
	setToken(token: string): void {
		this.#provider.params.token = token;
	}

	destroy(): void {
		this.#unsubscribeJournal();
		this.#stopAwareness();
		// The document's own presence outlives its socket (the server forgets us when it closes).
		if (!this.awareness) this.#provider.awareness.destroy();
		this.#provider.destroy();
	}

	/**
	 * The provider sends every awareness change it hears of, also those that just came from the
	 * server: with fifteen people in a group that echo is most of the traffic, and counts against the
	 * socket's frame limit. Only this page's own state is sent instead (the server takes nothing else
	 * from a socket anyway).
	 */
	#sendOnlyMyPresence(): () => void {
		const provider = this.#provider as unknown as {
			awareness: Awareness;
			_awarenessUpdateHandler: (...args: unknown[]) => void;
		};
		const awareness = provider.awareness;
		awareness.off('update', provider._awarenessUpdateHandler);
		const onUpdate = (
			{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
			origin: unknown
		) => {
			if (origin === this.#provider) return;
			const mine = [...added, ...updated, ...removed].filter((id) => id === awareness.clientID);
			const ws = this.#provider.ws;
			if (!mine.length || !ws || ws.readyState !== ws.OPEN) return;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, mine));
			ws.send(encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>);
		};
		awareness.on('update', onUpdate);
		return () => awareness.off('update', onUpdate);
	}

	/**
	 * After a reconnection: the server marked our state removed when the last socket closed, one
	 * clock step past ours, so the provider's greeting (at our old clock) is ignored. Two steps
	 * put us past it, and the others see us again at once instead of at our next move.
	 */
	#announcePresence(): void {
		const awareness = (this.#provider as unknown as { awareness: Awareness }).awareness;
		const state = awareness.getLocalState();
		if (state === null) return;
		awareness.setLocalState({ ...state });
		awareness.setLocalState({ ...state });
	}

	#requestAck(seq: number): void {
		const ws = this.#provider.ws;
		if (ws && ws.readyState === ws.OPEN) ws.send(encodeAck(seq) as Uint8Array<ArrayBuffer>);
	}

	#setState(change: Partial<{ connection: ConnectionState; synced: boolean }>): void {
		this.#state = { ...this.#state, ...change };
		if (this.#state.connection !== 'connected') this.#state.synced = false;
		this.events.onState(this.#state);
	}
}
