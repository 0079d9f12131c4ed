/**
 * Changes of tabs that are gone (closed, crashed, reloaded): replay what their write-ahead logs
 * kept, since IndexedDB may not have committed it, read what they stored in IndexedDB, and take
 * over their journal rows, so that this page sends those changes and the status stays true.
 * Per document: the workspace (scope '', rooms 'local' and the account's) or a shared room.
 */
import { addJournalRows, adoptJournal, hasOrphans } from '$data/journal-repo';
import type { ChangeJournal } from '$sync/journal';
import { WriteAheadLog } from '$sync/wal';
import type { PersistedDoc } from '$sync/persisted-doc';
import { aliveInstances } from './instance';

export interface RecoveryScope {
	/** The write-ahead log scope: '' for the workspace, the room for a shared document. */
	wal: string;
	/** The room this page's journal writes to now. */
	room: string;
	/** Rooms whose orphaned rows belong to this document. */
	rooms: readonly string[];
}

export async function recoverOrphans(
	doc: PersistedDoc,
	journal: ChangeJournal,
	instance: string,
	scope: RecoveryScope
): Promise<void> {
	const alive = await aliveInstances(instance);
	const logs = WriteAheadLog.orphans(alive, scope.wal);
	if (!logs.length && !(await hasOrphans(instance, alive, scope.rooms))) return;
	await doc.loadFromDisk();
	for (const log of logs) {
		const entries = log.entries();
		if (entries.length) {
			doc.applyRecovered(entries.map((e) => e.update));
			const first = journal.allocate(entries.length);
			await addJournalRows(
				entries.map(({ at, update }, i) => ({
					instance,
					seq: first + i,
					room: scope.room,
					at,
					bytes: update.byteLength
				}))
			);
			await doc.flush();
		}
		log.clear();
	}
	await adoptJournal(instance, alive, scope.room, (n) => journal.allocate(n), scope.rooms);
}
