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
 * Takes over the rows of page instances that are gone (closed tabs, earlier loads) for one
 * document: rows whose room is in `rooms` (the workspace's are 'local' and the account's room),
 * renumbered by `allocate` (see ChangeJournal.allocate) and moved to `room`. Call it once their
 * changes are in this page's document, so that what this page sends next includes them.
 */
export async function adoptJournal(
	instance: string,
	alive: ReadonlySet<string>,
	room: string,
	allocate: (n: number) => number,
	rooms: readonly string[] = [room]
): Promise<number> {
	const journal = db().journal;
	return db().transaction('rw', journal, async () => {
		const orphans = (await journal.toArray()).filter(
			(row) => row.instance !== instance && !alive.has(row.instance) && rooms.includes(row.room)
		);
		if (!orphans.length) return 0;
		await journal.bulkDelete(orphans.map((row) => [row.instance, row.seq] as [string, number]));
		const first = allocate(orphans.length);
		await addJournalRows(orphans.map((row, i) => ({ ...row, instance, room, seq: first + i })));
		return orphans.length;
	});
}

/** Journal rows of every document on this device: what is not yet on the server. */
export function watchPendingCount(onCount: (n: number) => void): Subscription {
	return liveQuery(() => db().journal.count()).subscribe({
		next: onCount,
		error: (e) => console.error(e)
	});
}

/** True when rows of page instances that are gone are waiting in one of `rooms`. */
export async function hasOrphans(
	instance: string,
	alive: ReadonlySet<string>,
	rooms: readonly string[]
): Promise<boolean> {
	const rows = await db().journal.where('room').anyOf([...rooms]).toArray();
	return rows.some((row) => row.instance !== instance && !alive.has(row.instance));
}

/** Rooms with rows waiting on this device (a shared document left unsent when its page closed). */
export async function pendingRooms(): Promise<string[]> {
	return (await db().journal.orderBy('room').uniqueKeys()).map(String);
}

/**
 * Forgets the rows of a room the server will never take (this account lost access to it),
 * except those of the page instances in `keep`.
 */
export async function dropRoomJournal(room: string, keep: ReadonlySet<string> = new Set()): Promise<void> {
	await db()
		.journal.where('room')
		.equals(room)
		.and((row) => !keep.has(row.instance))
		.delete();
}

/** Moves local-only changes to the account's room when the user signs in. */
export async function reassignJournal(fromRoom: string, toRoom: string): Promise<void> {
	await db().journal.where('room').equals(fromRoom).modify({ room: toRoom });
}
