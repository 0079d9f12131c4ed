/**
 * Changes of tabs that are gone (closed, crashed, reloaded): replay what their write-ahead logs
 * kept, since IndexedDB may not have committed it, read what they stored in IndexedDB, and take
 * over their journal rows, so that this page sends those changes and the status stays true.
 */
import { addJournalRows, adoptJournal, hasOrphans } from '$data/journal-repo';
import type { ChangeJournal } from '$sync/journal';
import { WriteAheadLog } from '$sync/wal';
import type { PersistedDoc } from '$sync/persisted-doc';
import { aliveInstances } from './instance';

export async function recoverOrphans(
	workspace: PersistedDoc,
	journal: ChangeJournal,
	instance: string,
	room: string
): Promise<void> {
	const alive = await aliveInstances(instance);
	const logs = WriteAheadLog.orphans(alive);
	if (!logs.length && !(await hasOrphans(instance, alive))) return;
	await workspace.loadFromDisk();
	for (const log of logs) {
		const entries = log.entries();
		if (entries.length) {
			workspace.applyRecovered(entries.map((e) => e.update));
			const first = journal.allocate(entries.length);
			await addJournalRows(
				entries.map(({ at, update }, i) => ({ instance, seq: first + i, room, at, bytes: update.byteLength }))
			);
			await workspace.flush();
		}
		log.clear();
	}
	await adoptJournal(instance, alive, room, (n) => journal.allocate(n));
}
