/**
 * A document the account shares with others (a programme, its discussion; later groups and pairs):
 * kept on the device by y-indexeddb, synced with its room whenever there is a connection, with the
 * same guarantees as the workspace (see room-sync.ts): journal, write-ahead log, tabs, recovery.
 */
import type { ConnectionState } from '$domain/sync-status';
import { PersistedDoc } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { RoomSync } from './room-sync';

/** 'open' as far as we know; 'read-only' when the server dropped our update; 'removed' when it refused us. */
export type RoomAccess = 'open' | 'read-only' | 'removed';

export class SharedRoom {
	readonly doc: PersistedDoc;
	#connection = $state<ConnectionState>('disconnected');
	#synced = $state(false);
	#everSynced = $state(false);
	#access = $state<RoomAccess>('open');
	#unacknowledged = $state(0);
	#sync: RoomSync | null = null;
	#destroyed = false;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not UI state
	#accessListeners = new Set<(access: RoomAccess) => void>();

	constructor(
		dbName: string,
		readonly room: string
	) {
		this.doc = new PersistedDoc(dbName);
	}

	get connection() {
		return this.#connection;
	}
	/** Connected and up to date with the server right now. */
	get synced() {
		return this.#synced;
	}
	/** The server's copy has been received during this visit. */
	get everSynced() {
		return this.#everSynced;
	}
	get access() {
		return this.#access;
	}
	/** Changes made here the server has not confirmed yet. */
	get unacknowledged() {
		return this.#unacknowledged;
	}

	/** Calls back when the server changes what we may do (e.g. 'removed': no longer shared with us). */
	onAccess(listener: (access: RoomAccess) => void): () => void {
		this.#accessListeners.add(listener);
		return () => this.#accessListeners.delete(listener);
	}

	/** Loads the document from the device, then syncs it when signed in. */
	async open(): Promise<void> {
		await app.boot();
		await this.doc.ready();
		if (this.#destroyed) return;
		const sync = await RoomSync.start(this.doc, this.room, app.instanceId, (link) => app.attachRoom(link), {
			onState: ({ connection, synced }) => {
				this.#connection = connection;
				this.#synced = synced;
				if (synced) this.#everSynced = true;
			},
			onAccess: (access) => {
				this.#access = access;
				for (const listener of this.#accessListeners) listener(access);
			},
			onPending: (n) => (this.#unacknowledged = n)
		});
		// Left before it finished opening: stop what was started.
		if (this.#destroyed) return void sync.destroy().catch((e) => handleError(e, 'closing a shared document'));
		this.#sync = sync;
		app.registerRoom(this);
	}

	/** Writes everything changed so far to the device. */
	flush(): Promise<void> {
		return this.#sync?.flush() ?? this.doc.flush();
	}

	/** Closes the document and deletes it from this device (it is no longer shared with us). */
	async discard(): Promise<void> {
		this.#destroyed = true;
		this.#accessListeners.clear();
		const sync = this.#sync;
		this.#sync = null;
		await sync?.destroy().catch((e) => handleError(e, 'closing a shared document'));
		app.unregisterRoom(this);
		await this.doc.wipe();
	}

	/** Closes the document, once what was changed in it is written to the device. */
	destroy(): void {
		this.#destroyed = true;
		const sync = this.#sync;
		void (sync?.destroy() ?? Promise.resolve())
			.catch((e) => handleError(e, 'closing a shared document'))
			.finally(() => {
				app.unregisterRoom(this);
				this.doc.destroy();
			});
	}
}
