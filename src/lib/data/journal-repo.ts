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

/** The server has stored everything up to and including `seq` for this room. */
export async function acknowledgeUpTo(room: string, seq: number): Promise<void> {
	await db()
		.journal.where('seq')
		.belowOrEqual(seq)
		.and((row) => row.room === room)
		.delete();
}

export async function lastJournalSeq(): Promise<number> {
	const last = v.safeParse(JournalRowSchema, await db().journal.orderBy('seq').last());
	return last.success ? last.output.seq : 0;
}

export function watchPendingCount(room: string, onCount: (n: number) => void): Subscription {
	return liveQuery(() => db().journal.where('room').equals(room).count()).subscribe({
		next: onCount,
		error: (e) => console.error(e)
	});
}

/** Moves local-only changes to the account's room when the user signs in. */
export async function reassignJournal(fromRoom: string, toRoom: string): Promise<void> {
	await db().journal.where('room').equals(fromRoom).modify({ room: toRoom });
}
