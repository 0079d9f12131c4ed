/**
 * The device-local database (Dexie over IndexedDB). The only module tree that imports dexie.
 * It holds what belongs to this device, not to the account: the session, settings, the sync
 * journal, the query index of notes and the text of drafts for search. The notes themselves live in the workspace Y.Doc.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { JournalRow } from '$domain/journal';
import type { DraftTextRow } from '$domain/draft';
import type { NoteIndexRow } from '$domain/note';

export const DB_NAME = 'lederlogg';

export interface SessionRow {
	key: 'current';
	value: unknown;
}
export interface SettingRow {
	key: string;
	value: unknown;
}

export class LederloggDb extends Dexie {
	session!: EntityTable<SessionRow, 'key'>;
	settings!: EntityTable<SettingRow, 'key'>;
	journal!: Table<JournalRow, [string, number]>;
	notes!: EntityTable<NoteIndexRow, 'id'>;
	draftTexts!: EntityTable<DraftTextRow, 'id'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores({
			session: 'key',
			settings: 'key',
			journal: '[instance+seq], instance, room',
			notes: 'id, createdAt, updatedAt, deleted, *words, *tagKeys'
		});
		// Notes attached to a programme session are looked up by its key (see sessionKeys in
		// the domain). Rows from version 1 get their keys when the index is reconciled at start.
		this.version(2).stores({
			notes: 'id, createdAt, updatedAt, deleted, *words, *tagKeys, *sessionKeys'
		});
		// The text of my drafts, for search (the drafts live in their own documents).
		this.version(3).stores({ draftTexts: 'id, updatedAt' });
	}
}

let instance: LederloggDb | null = null;

export function db(): LederloggDb {
	instance ??= new LederloggDb();
	return instance;
}

/** Deletes the whole device database (sign-out on a shared computer). */
export async function deleteDeviceDb(): Promise<void> {
	const current = db();
	current.close();
	await Dexie.delete(current.name);
	instance = null;
}

/** True when an error means the device storage is full. */
export function isQuotaError(error: unknown): boolean {
	if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
	const e = error as Error & { inner?: Error };
	const name = e.inner?.name ?? e.name;
	return name === 'QuotaExceededError' || name === 'QuotaExceeded';
}
