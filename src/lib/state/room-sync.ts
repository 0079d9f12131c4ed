/**
 * The local-first machinery of one shared document, the same as the workspace's: every local
 * change journaled (Dexie) and in a write-ahead log (localStorage) until the server acknowledges
 * it, other tabs' changes shared at once, closed tabs' changes adopted, and a socket to the room
 * through the account's sync session.
 */
import { acknowledgeUpTo, addJournalRows, dropRoomJournal } from '$data/journal-repo';
import type { ConnectionState } from '$domain/sync-status';
import { ChangeJournal, pageSequence } from '$sync/journal';
import { isLocalOrigin, RECOVERY_ORIGIN, type PersistedDoc } from '$sync/persisted-doc';
import { CLOSE_CODES } from '$sync/protocol';
import { TabChannel } from '$sync/tab-channel';
import { WriteAheadLog } from '$sync/wal';
import { handleError } from './handle-error';
import { watchDepartures } from './instance';
import { recoverOrphans, type RecoveryScope } from './recovery';
import type { AttachedRoom, RoomLink } from './sync-session.svelte';

export interface RoomSyncEvents {
	onState(state: { connection: ConnectionState; synced: boolean }): void;
	onAccess(access: 'read-only' | 'removed'): void;
	onPending(unacknowledged: number): void;
}

/** Where the socket comes from: the app's sync session (nothing while not signed in). */
export type Attach = (link: RoomLink) => AttachedRoom;

export class RoomSync {
	#attached: AttachedRoom | null = null;
	#stopDepartures = false;

	private constructor(
		private readonly doc: PersistedDoc,
		private readonly journal: ChangeJournal,
		private readonly tabs: TabChannel
	) {}

	static async start(
		doc: PersistedDoc,
		room: string,
		instance: string,
		attach: Attach,
		events: RoomSyncEvents
	): Promise<RoomSync> {
		const journal = new ChangeJournal(
			doc.doc,
			room,
			{
				add: (rows) => addJournalRows(rows.map((row) => ({ ...row, instance }))),
				acknowledgeUpTo: (ackRoom, seq) => acknowledgeUpTo(instance, ackRoom, seq)
			},
			0,
			isLocalOrigin,
			(e) => handleError(e, 'writing the sync journal'),
			WriteAheadLog.forInstance(instance, room),
			() => doc.flush(),
			pageSequence
		);
		journal.onPendingChange(events.onPending);
		const scope: RecoveryScope = { wal: room, room, rooms: [room] };
		const recover = () => recoverOrphans(doc, journal, instance, scope);
		await recover();
		const tabs = new TabChannel(
			doc.doc,
			`lederlogg:${room}`,
			(o) => isLocalOrigin(o) || o === RECOVERY_ORIGIN
		);
		const sync = new RoomSync(doc, journal, tabs);
		let synced = false;
		const departures = watchDepartures(instance, () => {
			if (sync.#stopDepartures || !synced) return;
			void recover()
				.then(() => sync.#attached?.requestAck())
				.catch((e) => handleError(e, 'taking over a closed tab'));
		});
		void departures.refresh();
		sync.#attached = attach({
			doc,
			room,
			journal,
			events: {
				onState: (state) => {
					synced = state.synced;
					events.onState(state);
				},
				onRefused: (code) => {
					if (code !== CLOSE_CODES.forbidden) return;
					// No longer a member: what we had not sent can never be delivered. Stop counting it
					// (after the rows still buffered are written, so none comes back after the drop).
					events.onAccess('removed');
					void journal
						.flush()
						.then(() => journal.acknowledge(journal.lastSeq))
						.then(() => dropRoomJournal(room))
						.catch((e) => handleError(e, 'clearing the sync journal'));
				},
				onReadOnly: () => events.onAccess('read-only'),
				onError: (e) => handleError(e, 'syncing a shared document'),
				beforeAck: async () => {
					void departures.refresh();
					await recover();
				}
			}
		});
		return sync;
	}

	async flush(): Promise<void> {
		await this.journal.flush();
		await this.doc.flush();
	}

	/** Stops syncing, once the changes made so far are written to the device. */
	async destroy(): Promise<void> {
		this.#stopDepartures = true;
		this.#attached?.detach();
		this.tabs.destroy();
		try {
			await this.flush();
		} finally {
			this.journal.destroy();
		}
	}
}
