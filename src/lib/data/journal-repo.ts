/**
 * The sync journal: one row per local change until the server acknowledges it as stored.
 * Its size is the "N changes waiting" the app shows; it survives reloads.
 */
import { liveQuery, type Subscription } from 'dexie';
import * as v from 'valibot';
import { JournalRowSchema, type JournalRow } from '$domain/journal';
import { db } from './db';

export async function addJournalRows(rows: JournalRow[]): Promise<void> {
	if (rows.length) await db().journal.bulkPut(rows.map((row) => v.parse(JournalRowSchema, row)));
}

/** The server has stored everything this page instance sent for `room`, up to and including `seq`. */
export async function acknowledgeUpTo(instance: string, room: string, seq: number): Promise<void> {
	await db()
		.journal.where('[instance+seq]')
		.between([instance, -Infinity], [instance, seq], true, true)
		.and((row) => row.room === room)
		.delete();
}

/**
 * Takes over the rows of page instances that are gone (closed tabs, earlier loads): they become
 * this instance's rows with sequence numbers ≤ 0, which the first acknowledgement after a full
 * sync covers. Their changes are in the document loaded from IndexedDB, so that sync sends them.
 */
export async function adoptJournal(instance: string, alive: ReadonlySet<string>): Promise<number> {
	const journal = db().journal;
	return db().transaction('rw', journal, async () => {
		const orphans = (await journal.toArray()).filter((row) => row.instance !== instance && !alive.has(row.instance));
		if (!orphans.length) return 0;
		const lowest = Math.min(0, ...(await journal.where('instance').equals(instance).toArray()).map((r) => r.seq));
		await journal.bulkDelete(orphans.map((row) => [row.instance, row.seq] as [string, number]));
		await addJournalRows(orphans.map((row, i) => ({ ...row, instance, seq: lowest - 1 - i })));
		return orphans.length;
	});
}

export function watchPendingCount(room: string, onCount: (n: number) => void): Subscription {
	return liveQuery(() => db().journal.where('room').equals(room).count()).subscribe({
		next: onCount,
		error: (e) => console.error(e)
	});
}

/** The lowest sequence number this instance holds (0 when it holds none). */
export async function lowestSeq(instance: string): Promise<number> {
	const first = await db().journal.where('[instance+seq]').between([instance, -Infinity], [instance, Infinity]).first();
	return first?.seq ?? 0;
}

/** True when rows of page instances that are gone are waiting. */
export async function hasOrphans(instance: string, alive: ReadonlySet<string>): Promise<boolean> {
	const keys = await db().journal.orderBy('instance').uniqueKeys();
	return keys.some((key) => key !== instance && !alive.has(String(key)));
}

/** Moves local-only changes to the account's room when the user signs in. */
export async function reassignJournal(fromRoom: string, toRoom: string): Promise<void> {
	await db().journal.where('room').equals(fromRoom).modify({ room: toRoom });
}
