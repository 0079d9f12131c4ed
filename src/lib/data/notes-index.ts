/** The query index of notes: list and search without decoding the workspace document. */
import { liveQuery, type Subscription } from 'dexie';
import * as v from 'valibot';
import { NoteIndexRowSchema, sessionKey, type NoteIndexRow, type SessionRef } from '$domain/note';
import { matchesQuery, parseQuery, rankRow } from '$domain/search';
import { db } from './db';

const parseRows = (rows: unknown[]): NoteIndexRow[] =>
	rows.flatMap((row) => {
		const parsed = v.safeParse(NoteIndexRowSchema, row);
		return parsed.success ? [parsed.output] : [];
	});

export async function putNotes(rows: NoteIndexRow[]): Promise<void> {
	if (rows.length) await db().notes.bulkPut(rows.map((row) => v.parse(NoteIndexRowSchema, row)));
}

/**
 * Makes the index hold exactly these rows (after the workspace has loaded). Only rows that differ
 * are written, so a start-up with an index already in step costs reads, not writes.
 */
export async function replaceNotes(rows: NoteIndexRow[]): Promise<void> {
	const notes = db().notes;
	await db().transaction('rw', notes, async () => {
		const stored = new Map((await notes.toArray()).map((row) => [row.id, JSON.stringify(row)]));
		const keep = new Set(rows.map((r) => r.id));
		await notes.bulkDelete([...stored.keys()].filter((id) => !keep.has(id)));
		await putNotes(rows.filter((row) => stored.get(row.id) !== JSON.stringify(v.parse(NoteIndexRowSchema, row))));
	});
}

export async function getNote(id: string): Promise<NoteIndexRow | undefined> {
	return parseRows([await db().notes.get(id)].filter(Boolean))[0];
}

/** Live list of notes, newest first; with a query, only matches, best first. */
export function watchNotes(query: string, onRows: (rows: NoteIndexRow[]) => void): Subscription {
	return liveQuery(() => findNotes(query)).subscribe({ next: onRows, error: (e) => console.error(e) });
}

export async function findNotes(query: string): Promise<NoteIndexRow[]> {
	const parsed = parseQuery(query);
	const notes = db().notes;
	let rows: NoteIndexRow[];
	if (parsed.terms.length === 0 && parsed.tags.length === 0) {
		rows = parseRows(await notes.orderBy('createdAt').reverse().toArray());
		return rows.filter((r) => r.deleted === 0);
	}
	// Narrow with the index on the most selective-looking term, then check all terms in memory.
	const candidates = parsed.tags.length
		? await notes.where('tagKeys').equals(parsed.tags[0]).toArray()
		: await notes.where('words').startsWith(longest(parsed.terms)).distinct().toArray();
	rows = parseRows(candidates).filter((r) => r.deleted === 0 && matchesQuery(r, parsed));
	return rows.sort((a, b) => rankRow(b, parsed) - rankRow(a, parsed) || b.updatedAt - a.updatedAt);
}

/** Live list of the notes attached to one session (event or agenda item), newest first. */
export function watchSessionNotes(ref: SessionRef, onRows: (rows: NoteIndexRow[]) => void): Subscription {
	return liveQuery(() => findSessionNotes(ref)).subscribe({ next: onRows, error: (e) => console.error(e) });
}

export async function findSessionNotes(ref: SessionRef): Promise<NoteIndexRow[]> {
	const rows = parseRows(await db().notes.where('sessionKeys').equals(sessionKey(ref)).toArray());
	return rows.filter((r) => r.deleted === 0).sort((a, b) => b.createdAt - a.createdAt);
}

const longest = (terms: string[]) => terms.reduce((a, b) => (b.length > a.length ? b : a));
