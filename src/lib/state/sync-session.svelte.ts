/**
 * The connection of a signed-in account to the sync server: connect when online, disconnect on
 * the `offline` event, reconnect with backoff (the provider's), refresh the token while online,
 * and stop for good when the server refuses the token (the user must sign in again).
 */
import { api, syncUrl } from '$lib/api/client';
import type { ConnectionState } from '$domain/sync-status';
import { personalRoom, type Session } from '$domain/session';
import { SyncConnection } from '$sync/connection';
import type { ChangeJournal } from '$sync/journal';
import type { Workspace } from '$sync/workspace';
import { handleError } from './handle-error';

/** Refresh the token when it is older than this, and this often while the app stays open. */
export const REFRESH_AFTER_MS = 12 * 60 * 60 * 1000;

export interface SyncSessionOptions {
	workspace: Workspace;
	journal: ChangeJournal;
	/** Runs after each full sync, before the acknowledgement is requested. */
	beforeAck: () => Promise<void>;
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
	#socket: SyncConnection | null = null;
	#connecting: Promise<void> | null = null;
	#refreshTimer: ReturnType<typeof setInterval> | null = null;

	constructor(private readonly options: SyncSessionOptions) {
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('offline', this.#onOffline);
	}

	get online() {
		return this.#online;
	}
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
		if (this.#session?.user.id !== session.user.id || fresh) {
			this.#socket?.destroy();
			this.#socket = null;
		}
		this.#session = session;
		this.#authFailed = false;
		this.#refused = false;
		return this.#connect(fresh);
	}

	/** Asks the server to confirm everything sent so far, if connected and synced. */
	requestAck(): void {
		if (this.#socket?.synced) this.#socket.requestAck();
	}

	stop(): void {
		this.#socket?.destroy();
		this.#socket = null;
		this.#session = null;
		if (this.#refreshTimer) clearInterval(this.#refreshTimer);
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('offline', this.#onOffline);
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
		const { workspace, journal, beforeAck } = this.options;
		this.#socket ??= new SyncConnection(
			workspace.doc,
			syncUrl(location),
			personalRoom(session.user.id),
			session.token,
			journal,
			{
				onState: ({ connection, synced }) => {
					this.#connection = connection;
					this.#synced = synced;
				},
				onRefused: (reason) => {
					if (reason === 'auth') this.#authFailed = true;
					else this.#refused = true;
				},
				onError: (e) => handleError(e, 'syncing'),
				beforeAck
			}
		);
		this.#socket.connect();
		this.#refreshTimer ??= setInterval(() => {
			if (this.#online) void this.#refresh();
		}, REFRESH_AFTER_MS);
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
			this.#socket?.setToken(next.token);
		} else if (refreshed.kind === 'http' && refreshed.status === 401) {
			this.#authFailed = true;
			this.#socket?.disconnect();
		}
	}

	#onOnline = () => {
		this.#online = true;
		void this.#connect();
	};

	#onOffline = () => {
		this.#online = false;
		this.#socket?.disconnect();
	};
}
