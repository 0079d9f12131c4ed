/**
 * The connection of a signed-in account to the sync server: one socket per room (the workspace's
 * and each shared document's), connected when online, disconnected on the `offline` event,
 * reconnected with backoff (the provider's), the token refreshed while online for all of them,
 * and everything stopped for good when the server refuses the token (the user must sign in again).
 */
import { api, syncUrl } from '$lib/api/client';
import type { ConnectionState } from '$domain/sync-status';
import { personalRoom, type Session } from '$domain/session';
import { SyncConnection, type ConnectionEvents } from '$sync/connection';
import { CLOSE_CODES } from '$sync/protocol';
import type { ChangeJournal } from '$sync/journal';
import type { PersistedDoc } from '$sync/persisted-doc';
import { handleError } from './handle-error';

/** Refresh the token when it is older than this, and this often while the app stays open. */
export const REFRESH_AFTER_MS = 12 * 60 * 60 * 1000;

/** A document to keep in sync with its room. */
export interface RoomLink {
	doc: PersistedDoc;
	room: string;
	journal: ChangeJournal;
	/** State, refusals other than auth, read-only, errors, and the hook before each ack. */
	events: Omit<ConnectionEvents, 'onRefused'> & { onRefused?(code: number): void };
}

export interface AttachedRoom {
	/** Asks the server to confirm everything sent so far, if connected and synced. */
	requestAck(): void;
	detach(): void;
}

export interface SyncSessionOptions {
	/** The workspace: its room follows the session (`user:<id>`). */
	workspace: Omit<RoomLink, 'room' | 'events'> & { beforeAck: () => Promise<void> };
	/** A refreshed session to keep (the token changed). */
	onSession: (session: Session) => Promise<void>;
}

export class SyncSession {
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#connection = $state<ConnectionState>('disconnected');
	#synced = $state(false);
	#authFailed = $state(false);
	#refused = $state(false);
	#session: Session | null = null;
	#workspace: SyncConnection | null = null;
	/** Shared rooms, with their socket once there is a session. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown by the UI
	#links = new Map<RoomLink, SyncConnection | null>();
	#connecting: Promise<void> | null = null;
	#refreshTimer: ReturnType<typeof setInterval> | null = null;

	constructor(private readonly options: SyncSessionOptions) {
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#onOffline);
	}

	get online() {
		return this.#online;
	}
	/** The workspace socket's state (the header's status). */
	get connection() {
		return this.#connection;
	}
	get synced() {
		return this.#synced;
	}
	get authFailed() {
		return this.#authFailed;
	}
	get refused() {
		return this.#refused;
	}

	/** Starts syncing a session: at boot (`fresh` false: refresh an old token first) or after sign-in. */
	start(session: Session, { fresh = false } = {}): Promise<void> {
		if (this.#session?.user.id !== session.user.id || fresh) this.#dropSockets();
		this.#session = session;
		this.#authFailed = false;
		this.#refused = false;
		return this.#connect(fresh);
	}

	/** Keeps a shared document in sync while signed in, until `detach`. */
	attach(link: RoomLink): AttachedRoom {
		this.#links.set(link, null);
		if (this.#session) this.#open(link);
		return {
			requestAck: () => {
				const socket = this.#links.get(link);
				if (socket?.synced) socket.requestAck();
			},
			detach: () => {
				this.#links.get(link)?.destroy();
				this.#links.delete(link);
			}
		};
	}

	/** Asks the server to confirm everything sent so far, if connected and synced. */
	requestAck(): void {
		if (this.#workspace?.synced) this.#workspace.requestAck();
	}

	stop(): void {
		this.#dropSockets();
		this.#links.clear();
		this.#session = null;
		if (this.#refreshTimer) clearInterval(this.#refreshTimer);
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('offline', this.#onOffline);
	}

	#dropSockets(): void {
		this.#workspace?.destroy();
		this.#workspace = null;
		for (const [link, socket] of this.#links) {
			socket?.destroy();
			this.#links.set(link, null);
		}
	}

	/** Connects (once at a time), refreshing the token first when it is old. */
	#connect(fresh = false): Promise<void> {
		this.#connecting ??= this.#doConnect(fresh)
			.catch((e) => handleError(e, 'connecting'))
			.finally(() => (this.#connecting = null));
		return this.#connecting;
	}

	async #doConnect(fresh: boolean): Promise<void> {
		if (!this.#session || this.#authFailed || !this.#online) return;
		if (!fresh && Date.now() - this.#session.issuedAt > REFRESH_AFTER_MS) await this.#refresh();
		const session = this.#session;
		if (!session || this.#authFailed) return;
		const { doc, journal, beforeAck } = this.options.workspace;
		// A guest's workspace stays on the device: the server opens only what is shared with it.
		if (!session.user.guest)
			this.#workspace ??= this.#socket(session, doc, personalRoom(session.user.id), journal, {
				onState: ({ connection, synced }) => {
					this.#connection = connection;
					this.#synced = synced;
				},
				// The account's own room refused: as good as a refused token.
				onRefused: (code) => (code === CLOSE_CODES.forbidden ? this.#onAuthFailed() : (this.#refused = true)),
				onError: (e) => handleError(e, 'syncing'),
				beforeAck
			});
		this.#workspace?.connect();
		for (const link of this.#links.keys()) this.#open(link);
		this.#refreshTimer ??= setInterval(() => {
			if (this.#online) void this.#refresh();
		}, REFRESH_AFTER_MS);
	}

	#open(link: RoomLink): void {
		const session = this.#session;
		if (!session || this.#authFailed) return;
		let socket = this.#links.get(link);
		if (!socket) {
			socket = this.#socket(session, link.doc, link.room, link.journal, {
				...link.events,
				// A guest has no workspace socket: the header shows the shared documents' state.
				onState: (state) => {
					link.events.onState(state);
					if (session.user.guest) {
						this.#connection = state.connection;
						this.#synced = state.synced;
					}
				},
				onRefused: (code) => link.events.onRefused?.(code)
			});
			this.#links.set(link, socket);
		}
		if (this.#online) socket.connect();
	}

	#socket(
		session: Session,
		doc: PersistedDoc,
		room: string,
		journal: ChangeJournal,
		events: Omit<ConnectionEvents, 'onRefused'> & { onRefused(code: number): void }
	): SyncConnection {
		return new SyncConnection(
			doc.doc,
			syncUrl(location),
			room,
			session.token,
			journal,
			{
				...events,
				onRefused: (reason, code) => {
					// A refused token stops every room: the user must sign in again.
					if (reason === 'auth' && code !== CLOSE_CODES.forbidden) return this.#onAuthFailed();
					events.onRefused(code);
				}
			},
			doc.awareness
		);
	}

	#onAuthFailed(): void {
		this.#authFailed = true;
		this.#workspace?.disconnect();
		for (const socket of this.#links.values()) socket?.disconnect();
	}

	/** A new token for the same session: the lifetime counts from the last time we were online. */
	async #refresh(): Promise<void> {
		const session = this.#session;
		if (!session) return;
		const refreshed = await api.refresh(session.token);
		if (this.#session !== session) return; // signed out or in meanwhile
		if (refreshed.ok) {
			const next = {
				...session,
				token: refreshed.value.token,
				user: refreshed.value.user,
				issuedAt: Date.now()
			};
			this.#session = next;
			await this.options.onSession(next);
			this.#workspace?.setToken(next.token);
			for (const socket of this.#links.values()) socket?.setToken(next.token);
		} else if (refreshed.kind === 'http' && refreshed.status === 401) {
			this.#onAuthFailed();
		}
	}

	#onOnline = () => {
		this.#online = true;
		void this.#connect();
	};

	#onOffline = () => {
		this.#online = false;
		this.#workspace?.disconnect();
		for (const socket of this.#links.values()) socket?.disconnect();
	};
}
