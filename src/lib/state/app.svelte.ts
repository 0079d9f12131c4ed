/**
 * The app's runtime state: which mode we are in, the session, the workspace, sync status.
 * The only layer that combines data/ (Dexie) and sync/ (Yjs); components and routes read it.
 */
import { api, sharingApi, type ApiResult } from '$lib/api/client';
import { syncStatus, type SyncStatus } from '$domain/sync-status';
import { personalRoom, type AuthResponse, type Session, type User } from '$domain/session';
import { deleteDeviceDb } from '$data/db';
import { acknowledgeUpTo, addJournalRows, reassignJournal, watchPendingCount } from '$data/journal-repo';
import { loadSession, saveSession } from '$data/session-repo';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { ChangeJournal, pageSequence } from '$sync/journal';
import { TabChannel } from '$sync/tab-channel';
import { isLocalOrigin, RECOVERY_ORIGIN, Workspace } from '$sync/workspace';
import { deleteStoredDocs } from '$sync/persisted-doc';
import { PROGRAMME_DB_PREFIX, SHARED_DB_PREFIX } from '$sync/doc-names';
import { WriteAheadLog } from '$sync/wal';
import { resolve } from '$app/paths';
import { claimInstance, watchDepartures } from './instance';
import { recoverOrphans } from './recovery';
import { migrateNoteBodiesWhenIdle } from './note-migration';
import { SyncSession, type AttachedRoom, type RoomLink } from './sync-session.svelte';
import { broadcastTabEvent, onTabEvent, type TabEvent } from './tab-events';
import { pickLocale } from '$i18n/index';
import { locale } from '$i18n/locale.svelte';
import { handleError } from './handle-error';
import { WorkspaceIndexer } from './workspace-index';

export const LOCAL_ROOM = 'local';

export type Mode = 'none' | 'local' | 'account';
export type SignInError =
	| { kind: 'wrong' }
	| { kind: 'offline' }
	| { kind: 'server'; status: number }
	| { kind: 'other-owner'; email: string }
	| { kind: 'taken' }
	| { kind: 'invite-unknown' }
	| { kind: 'invite-gone' }
	| { kind: 'invite-account-exists' };

class AppState {
	#ready = $state(false);
	#mode = $state<Mode>('none');
	#session = $state<Session | null>(null);
	/** Journal rows in IndexedDB (all tabs) and this page's unacknowledged changes. */
	#storedPending = $state(0);
	#unacknowledged = $state(0);
	#persisted = $state<boolean | null>(null);

	workspace: Workspace | null = null;
	#journal: ChangeJournal | null = null;
	#indexer: WorkspaceIndexer | null = null;
	#sync: SyncSession | null = null;
	#stopPending: (() => void) | null = null;
	#instance: string | null = null;
	#departures: { refresh(): Promise<void> } | null = null;
	#tabs: TabChannel | null = null;
	#stopTabEvents: (() => void) | null = null;
	#failed = $state(false);
	#booting: Promise<void> | null = null;
	/** Shared documents open in this page: their unconfirmed changes count in the status. */
	#rooms = $state<{ readonly unacknowledged: number }[]>([]);

	get ready() {
		return this.#ready;
	}
	get mode() {
		return this.#mode;
	}
	get user(): User | null {
		return this.#session?.user ?? null;
	}
	/** Signed in as a guest: only the documents shared with this account open (the server says so too). */
	get isGuest(): boolean {
		return this.#session?.user.guest ?? false;
	}
	/** The session token, for the documents the account shares with others. */
	get token(): string | null {
		return this.#session?.token ?? null;
	}
	/** This page's instance id (journal rows are kept per tab). */
	get instanceId(): string {
		return this.#instance ?? 'unknown';
	}
	get pending() {
		const inPage = this.#rooms.reduce((sum, room) => sum + room.unacknowledged, this.#unacknowledged);
		return Math.max(this.#storedPending, inPage);
	}
	get storagePersisted() {
		return this.#persisted;
	}
	get status(): SyncStatus {
		const sync = this.#sync;
		return syncStatus({
			mode: this.#mode,
			online: sync?.online ?? true,
			connection: sync?.connection ?? 'disconnected',
			synced: sync?.synced ?? false,
			pending: this.pending,
			authFailed: sync?.authFailed ?? false,
			refused: sync?.refused ?? false
		});
	}

	/** Opening the workspace failed (IndexedDB unavailable, storage full, …). */
	get failed() {
		return this.#failed;
	}

	boot(): Promise<void> {
		this.#booting ??= this.#boot().catch((e) => {
			this.#failed = true;
			handleError(e, 'opening the workspace');
		});
		return this.#booting;
	}

	async #boot(): Promise<void> {
		const settings = await loadSettings();
		// Bokmål unless the user chose otherwise (or the browser asks for nynorsk or Danish).
		locale.set(settings.locale ?? pickLocale(navigator.languages.filter((l) => !/^en\b/i.test(l))));
		this.#session = await loadSession();
		this.#mode = this.#session ? 'account' : (settings.mode ?? 'none');

		const workspace = new Workspace();
		this.workspace = workspace;
		await workspace.ready();
		const room = this.#room();
		const instance = await claimInstance();
		this.#instance = instance.id;
		const journal = new ChangeJournal(
			workspace.doc,
			room,
			{
				add: (rows) => addJournalRows(rows.map((row) => ({ ...row, instance: instance.id }))),
				acknowledgeUpTo: (ackRoom, seq) => acknowledgeUpTo(instance.id, ackRoom, seq)
			},
			0,
			isLocalOrigin,
			(e) => handleError(e, 'writing the sync journal'),
			WriteAheadLog.forInstance(instance.id),
			() => workspace.flush(),
			pageSequence
		);
		this.#journal = journal;
		journal.onPendingChange((n) => (this.#unacknowledged = n));
		await recoverOrphans(workspace, journal, instance.id, this.#recoveryScope());
		this.#tabs = new TabChannel(
			workspace.doc,
			'lederlogg-workspace',
			(o) => isLocalOrigin(o) || o === RECOVERY_ORIGIN
		);
		// When another tab closes, take over what it had not got onto the server.
		this.#departures = watchDepartures(instance.id, () => void this.#adoptNow());
		void this.#departures.refresh();
		this.#stopTabEvents = onTabEvent(instance.id, (event) => void this.#followOtherTab(event));
		this.#watchPending();
		this.#indexer = new WorkspaceIndexer(workspace);
		await this.#indexer.reconcile();
		void migrateNoteBodiesWhenIdle(workspace, () => this.workspace === workspace);

		this.#sync = new SyncSession({
			workspace: { doc: workspace, journal, beforeAck: () => this.#recover() },
			onSession: async (session) => {
				this.#session = session;
				await saveSession(session);
			}
		});
		void this.#checkPersisted();
		this.#ready = true;
		if (this.#session) void this.#sync.start(this.#session);
	}

	#room(): string {
		return this.#session ? personalRoom(this.#session.user.id) : LOCAL_ROOM;
	}

	#recoveryScope() {
		const room = this.#room();
		return { wal: '', room, rooms: [LOCAL_ROOM, room] };
	}

	/** Keeps a shared document in sync with its room while signed in (see room-sync.ts). */
	attachRoom(link: RoomLink): AttachedRoom {
		return this.#sync?.attach(link) ?? { requestAck: () => {}, detach: () => {} };
	}

	/** Counts a shared document's unconfirmed changes into the status while it is open. */
	registerRoom(room: { readonly unacknowledged: number }): void {
		this.#rooms = [...this.#rooms, room];
	}
	unregisterRoom(room: { readonly unacknowledged: number }): void {
		this.#rooms = this.#rooms.filter((r) => r !== room);
	}

	/** After a full sync, or when another tab closed while we are connected. */
	async #recover(): Promise<void> {
		if (!this.workspace || !this.#journal || !this.#instance) return;
		void this.#departures?.refresh();
		await recoverOrphans(this.workspace, this.#journal, this.#instance, this.#recoveryScope());
	}

	async #adoptNow(): Promise<void> {
		if (!this.#sync?.synced) return;
		await this.#recover().catch((e) => handleError(e, 'taking over a closed tab'));
		this.#sync.requestAck();
	}

	/** Another tab signed in or out, or chose device-only use: this one follows. */
	async #followOtherTab(event: TabEvent): Promise<void> {
		if (event.type === 'signed-out') {
			this.#stop();
			location.replace(resolve('/welcome'));
			return;
		}
		await this.flush().catch(() => {});
		location.reload();
	}

	/** "Use on this device only". */
	async useLocally(): Promise<void> {
		await saveSetting('mode', 'local');
		this.#mode = 'local';
		broadcastTabEvent({ type: 'device-only', from: this.#instance ?? '' });
		void this.requestPersistence();
	}

	async setLocale(code: string): Promise<void> {
		locale.set(code);
		await saveSetting('locale', code).catch((e) => handleError(e, 'saving the language'));
	}

	async signIn(email: string, password: string): Promise<SignInError | null> {
		return this.#acceptAuth(await api.login(email, password));
	}

	async setupFirstCoordinator(body: { name: string; email: string; password: string }) {
		return this.#acceptAuth(await api.setup(body));
	}

	/**
	 * Accepts an invitation: signed in, the programme joins this account; otherwise a new account
	 * is made (and, like any sign-in, this device's notes come along into it).
	 */
	async acceptInvite(code: string, body: { name: string; password: string }): Promise<SignInError | null> {
		if (this.#session && this.#mode === 'account') {
			const result = await api.acceptInvite(code, {}, this.#session.token);
			return result.ok ? null : (inviteError(result) ?? authError(result));
		}
		const result = await api.acceptInvite(code, body);
		return (!result.ok && inviteError(result)) || this.#acceptAuth(result);
	}

	/**
	 * Accepts an invite into one shared document: signed in, it is shared with this account;
	 * otherwise a guest account is made that opens only what is shared with it. Answers the room.
	 */
	async acceptRoomInvite(
		code: string,
		body: { name: string; password: string }
	): Promise<{ ok: true; room: string } | { ok: false; error: SignInError }> {
		if (this.#session && this.#mode === 'account') {
			const result = await sharingApi.accept(code, {}, this.#session.token);
			if (result.ok) return { ok: true, room: result.value.room };
			return { ok: false, error: inviteError(result) ?? authError(result) };
		}
		const result = await sharingApi.accept(code, body);
		if (!result.ok) return { ok: false, error: inviteError(result) ?? authError(result) };
		const error = await this.#acceptAuth(result);
		return error ? { ok: false, error } : { ok: true, room: result.value.room };
	}

	async #acceptAuth(result: ApiResult<AuthResponse>): Promise<SignInError | null> {
		if (!result.ok) return authError(result);
		const { token, user } = result.value;
		const settings = await loadSettings();
		if (settings.workspaceOwner && settings.workspaceOwner !== user.id) {
			// Never merge one account's notes into another's.
			void api.logout(token);
			return { kind: 'other-owner', email: this.#session?.user.email ?? '' };
		}
		const session: Session = { token, user, issuedAt: Date.now() };
		await saveSession(session);
		await saveSetting('workspaceOwner', user.id);
		await saveSetting('mode', 'account');
		const room = personalRoom(user.id);
		// Changes made before signing in now wait for the account's server.
		await this.#journal?.flush();
		await reassignJournal(LOCAL_ROOM, room);
		if (this.#journal) this.#journal.room = room;
		this.#session = session;
		this.#mode = 'account';
		broadcastTabEvent({ type: 'signed-in', from: this.#instance ?? '' });
		void this.requestPersistence();
		void this.#sync?.start(session, { fresh: true });
		return null;
	}

	/** Signs out and wipes this device: the workspace, the index and the session, in every tab. */
	async signOut(): Promise<void> {
		const token = this.#session?.token;
		broadcastTabEvent({ type: 'signed-out', from: this.#instance ?? '' });
		this.#stop();
		if (token) await api.logout(token);
		await this.workspace?.wipe();
		await deleteStoredDocs(PROGRAMME_DB_PREFIX);
		await deleteStoredDocs(SHARED_DB_PREFIX);
		WriteAheadLog.clearAll();
		await deleteDeviceDb();
	}

	/** Stops every activity of this page (before its storage is wiped). */
	#stop(): void {
		this.#sync?.stop();
		this.#journal?.destroy();
		this.#indexer?.destroy();
		this.#tabs?.destroy();
		this.#stopPending?.();
		this.#stopTabEvents?.();
	}

	/** Writes everything typed so far to the device (before a reload). */
	async flush(): Promise<void> {
		await this.#indexer?.flush();
		await this.#journal?.flush();
		await this.workspace?.flush();
	}

	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) return;
		try {
			this.#persisted = await navigator.storage.persist();
			await saveSetting('storagePersisted', this.#persisted);
		} catch (e) {
			handleError(e, 'asking for persistent storage');
		}
	}

	async #checkPersisted(): Promise<void> {
		if (!navigator.storage?.persisted) return;
		this.#persisted = await navigator.storage.persisted();
		if (!this.#persisted && this.#mode !== 'none') await this.requestPersistence();
	}

	#watchPending(): void {
		this.#stopPending?.();
		const subscription = watchPendingCount((n) => (this.#storedPending = n));
		this.#stopPending = () => subscription.unsubscribe();
	}
}

export const app = new AppState();

function inviteError(result: ApiResult<unknown>): SignInError | null {
	if (result.ok || result.kind !== 'http') return null;
	if (result.status === 404) return { kind: 'invite-unknown' };
	if (result.status === 410) return { kind: 'invite-gone' };
	if (result.status === 409) return { kind: 'invite-account-exists' };
	return null;
}

function authError(result: Exclude<ApiResult<unknown>, { ok: true }>): SignInError {
	if (result.kind === 'offline') return { kind: 'offline' };
	if (result.status === 401) return { kind: 'wrong' };
	if (result.status === 409) return { kind: 'taken' };
	return { kind: 'server', status: result.status };
}
