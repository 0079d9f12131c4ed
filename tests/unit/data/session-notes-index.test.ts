import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectNote, type NoteSession, type NoteSnapshot } from '$domain/note';
import { DB_NAME, db, deleteDeviceDb } from '$data/db';
import { findNotes, findSessionNotes, putNotes, replaceNotes } from '$data/notes-index';
import { WorkspaceIndexer } from '$state/workspace-index';
import { Workspace } from '$sync/workspace';

const oppstart: NoteSession = {
	programmeId: 'prog1',
	eventId: 'oppstart',
	agendaItemId: '',
	eventTitle: 'Oppstartsseminar',
	agendaItemTitle: ''
};
const velkommen: NoteSession = { ...oppstart, agendaItemId: 'opp-1', agendaItemTitle: 'Velkommen' };

const note = (id: string, over: Partial<NoteSnapshot> = {}): NoteSnapshot => ({
	id,
	kind: 'seminar',
	title: id,
	body: '',
	seminar: '',
	tags: [],
	createdAt: 0,
	updatedAt: 0,
	deletedAt: null,
	session: null,
	...over
});
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('notes of a session in the index', () => {
	beforeEach(async () => {
		await deleteDeviceDb();
		await putNotes(
			[
				note('whole0000001', { session: oppstart, createdAt: 1 }),
				note('whole0000002', { session: oppstart, createdAt: 3 }),
				note('item00000001', { session: velkommen, createdAt: 2 }),
				note('gone00000001', { session: oppstart, createdAt: 4, deletedAt: 5 }),
				note('other0000001', { session: { ...oppstart, eventId: 'webinar-1' }, createdAt: 5 }),
				note('otherprog001', { session: { ...oppstart, programmeId: 'prog2' }, createdAt: 6 }),
				note('loose0000001', { createdAt: 7 })
			].map(projectNote)
		);
	});

	it('lists the notes of exactly that session, newest first, without deleted ones', async () => {
		expect(ids(await findSessionNotes({ programmeId: 'prog1', eventId: 'oppstart' }))).toEqual([
			'whole0000002',
			'whole0000001'
		]);
		expect(ids(await findSessionNotes(velkommen))).toEqual(['item00000001']);
		expect(ids(await findSessionNotes({ ...oppstart, agendaItemId: 'opp-2' }))).toEqual([]);
		expect(ids(await findSessionNotes({ programmeId: 'prog2', eventId: 'oppstart' }))).toEqual([
			'otherprog001'
		]);
	});

	it('follows a note moved to another session or detached', async () => {
		await putNotes([projectNote(note('whole0000001', { session: velkommen, createdAt: 1 }))]);
		expect(ids(await findSessionNotes(oppstart))).toEqual(['whole0000002']);
		expect(ids(await findSessionNotes(velkommen))).toEqual(['item00000001', 'whole0000001']);
		await putNotes([projectNote(note('whole0000001', { createdAt: 1 }))]);
		expect(ids(await findSessionNotes(velkommen))).toEqual(['item00000001']);
		expect(ids(await findNotes(''))).toContain('whole0000001');
	});
});

describe('the index database upgrade', () => {
	afterEach(() => deleteDeviceDb());

	it('keeps the rows of version 1 readable and indexes their sessions after the rebuild', async () => {
		await deleteDeviceDb();
		const old = new Dexie(DB_NAME);
		old.version(1).stores({
			session: 'key',
			settings: 'key',
			journal: '[instance+seq], instance, room',
			notes: 'id, createdAt, updatedAt, deleted, *words, *tagKeys'
		});
		const { session: _s, sessionKeys: _k, ...v1Row } = projectNote(note('oldnote00001', { createdAt: 1 }));
		await old.table('notes').put(v1Row);
		expect(old.verno).toBe(1);
		old.close();

		const [row] = await findNotes('');
		// Upgraded through every version (3 added the drafts' search text).
	expect(db().verno).toBe(3);
	expect(await db().draftTexts.count()).toBe(0);
		expect(row).toMatchObject({ id: 'oldnote00001', session: null, sessionKeys: [] });
		expect(await findSessionNotes(oppstart)).toEqual([]);

		// The start-up rebuild from the document writes the row with its new fields.
		await replaceNotes([projectNote(note('oldnote00001', { createdAt: 1, session: oppstart }))]);
		expect(ids(await findSessionNotes(oppstart))).toEqual(['oldnote00001']);
		expect((await db().notes.get('oldnote00001'))?.sessionKeys).toEqual(['prog1/oppstart', 'prog1/oppstart/']);
	});
});

describe('the index follows attachments made in the workspace document', () => {
	let ws: Workspace;
	let indexer: WorkspaceIndexer;
	beforeEach(async () => {
		await deleteDeviceDb();
		ws = new Workspace('ws-session-index');
		await ws.ready();
		indexer = new WorkspaceIndexer(ws);
	});
	afterEach(() => {
		indexer.destroy();
		ws.destroy();
	});

	it('projects attach, move and detach', async () => {
		const id = ws.createNote({ title: 'Notat', session: oppstart }, 1, 'note00000001');
		ws.createNote({ title: 'Uten samling' }, 2, 'note00000002');
		await indexer.reconcile();
		expect(ids(await findSessionNotes(oppstart))).toEqual([id]);
		ws.setSession(id, velkommen);
		await indexer.flush();
		expect(ids(await findSessionNotes(oppstart))).toEqual([]);
		expect(ids(await findSessionNotes(velkommen))).toEqual([id]);
		ws.setSession(id, null);
		await indexer.flush();
		expect(await findSessionNotes(velkommen)).toEqual([]);
		expect((await db().notes.get(id))?.session).toBeNull();
	});
});
