import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectNote, type NoteSnapshot } from '$domain/note';
import { db, deleteDeviceDb } from '$data/db';
import { findNotes, getNote, putNotes, replaceNotes } from '$data/notes-index';
import { acknowledgeUpTo, addJournalRows, adoptJournal, reassignJournal } from '$data/journal-repo';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { clearSession, loadSession, saveSession } from '$data/session-repo';

const note = (id: string, over: Partial<NoteSnapshot> = {}): NoteSnapshot => ({
	id,
	kind: 'seminar',
	title: '',
	body: '',
	seminar: '',
	tags: [],
	createdAt: 0,
	updatedAt: 0,
	deletedAt: null,
	session: null,
	...over
});

describe('notes index (Dexie)', () => {
	beforeEach(async () => {
		await deleteDeviceDb();
		await putNotes([
			projectNote(note('note00000001', { title: 'Økt forståelse', body: 'Samfunnsoppdraget', createdAt: 1, updatedAt: 10, tags: ['ledelse'] })),
			projectNote(note('note00000002', { title: 'Lesing', body: 'Pensum om økonomi', createdAt: 2, updatedAt: 20, tags: ['pensum'] })),
			projectNote(note('note00000003', { title: 'Slettet økt', createdAt: 3, updatedAt: 30, deletedAt: 31 }))
		]);
	});

	it('lists newest first and leaves deleted notes out', async () => {
		expect((await findNotes('')).map((r) => r.id)).toEqual(['note00000002', 'note00000001']);
	});

	it('searches words with æøå, tags, and ranks title hits first', async () => {
		expect((await findNotes('økt')).map((r) => r.id)).toEqual(['note00000001']);
		expect((await findNotes('ØKONOMI')).map((r) => r.id)).toEqual(['note00000002']);
		expect((await findNotes('#pensum')).map((r) => r.id)).toEqual(['note00000002']);
		await putNotes([projectNote(note('note00000004', { title: 'Idétorg', tags: ['idé'], createdAt: 4 }))]);
		expect((await findNotes('#idé')).map((r) => r.id)).toEqual(['note00000004']);
		expect((await findNotes('#IDE')).map((r) => r.id)).toEqual(['note00000004']);
		expect((await findNotes('#ledelse samfunn')).map((r) => r.id)).toEqual(['note00000001']);
		expect(await findNotes('museum')).toEqual([]);
	});

	it('replaces the whole index', async () => {
		await replaceNotes([projectNote(note('note00000009', { title: 'Ny' }))]);
		expect(await getNote('note00000001')).toBeUndefined();
		expect((await getNote('note00000009'))?.title).toBe('Ny');
	});
});

describe('device records', () => {
	beforeEach(() => deleteDeviceDb());

	const row = (instance: string, seq: number, room = 'local') => ({ instance, seq, room, at: 0, bytes: 10 });
	const all = async () => (await db().journal.toArray()).map((r) => `${r.instance}:${r.seq}:${r.room}`).sort();

	it('keeps the journal until acknowledged, per page instance and room', async () => {
		await addJournalRows([row('a', 1), row('a', 2), row('a', 3), row('b', 1)]);
		await reassignJournal('local', 'user:1');
		await acknowledgeUpTo('a', 'user:1', 2);
		expect(await all()).toEqual(['a:3:user:1', 'b:1:user:1']);
		await acknowledgeUpTo('a', 'user:2', 3);
		expect(await all()).toEqual(['a:3:user:1', 'b:1:user:1']);
		await acknowledgeUpTo('a', 'user:1', 3);
		expect(await all()).toEqual(['b:1:user:1']);
	});

	it('adopts the rows of closed tabs with fresh numbers and the current room, leaving live tabs and other documents alone', async () => {
		await addJournalRows([row('gone', 7), row('gone', 8), row('live', 1), row('me', 1)]);
		await addJournalRows([{ instance: 'gone', seq: 9, room: 'programme:p1', at: 0, bytes: 10 }]);
		let next = 2;
		const allocate = (n: number) => ((next += n), next - n);
		expect(await adoptJournal('me', new Set(['me', 'live']), 'user:1', allocate, ['local', 'user:1'])).toBe(2);
		expect(await all()).toEqual([
			'gone:9:programme:p1',
			'live:1:local',
			'me:1:local',
			'me:2:user:1',
			'me:3:user:1'
		]);
		expect(await adoptJournal('me', new Set(['me']), 'programme:p1', allocate)).toBe(1);
		expect(await all()).toContain('me:4:programme:p1');
		await acknowledgeUpTo('me', 'programme:p1', 4);
		await acknowledgeUpTo('me', 'user:1', 3);
		expect(await all()).toEqual(['live:1:local', 'me:1:local']);
	});

	it('stores settings and the session through their schemas', async () => {
		await saveSetting('locale', 'en');
		await saveSetting('mode', 'local');
		expect(await loadSettings()).toEqual({ locale: 'en', mode: 'local' });
		await expect(saveSetting('mode', 'bogus' as 'local')).rejects.toThrow();
		const session = { token: 'x'.repeat(20), user: { id: 'u1', name: 'Kari', email: 'kari@example.no', role: 'participant', guest: false }, issuedAt: 1 };
		await saveSession(session);
		expect(await loadSession()).toEqual(session);
		await clearSession();
		expect(await loadSession()).toBeNull();
	});
});

describe('storage errors', () => {
	it('recognises a full disk, also wrapped by Dexie', async () => {
		const { isQuotaError } = await import('$data/db');
		expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError(Object.assign(new Error('wrapped'), { inner: { name: 'QuotaExceededError' } }))).toBe(true);
		expect(isQuotaError(new Error('other'))).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
	});
});
