/**
 * The batch after the workspace loads: every plain-text note moves to rich text, in chunks, and
 * the index (lists, search) then reads the rich bodies; it stops when the workspace is gone.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteDeviceDb } from '$data/db';
import { findNotes, getNote } from '$data/notes-index';
import { migrateNoteBodiesWhenIdle } from '$state/note-migration';
import { WorkspaceIndexer } from '$state/workspace-index';
import { noteBodyName } from '$sync/note-body';
import { Workspace } from '$sync/workspace';

function writeLegacyNote(doc: Y.Doc, id: string, body: string): void {
	const map = new Y.Map<unknown>();
	doc.getMap('notes').set(id, map);
	for (const [key, value] of Object.entries({
		id,
		kind: 'reflection',
		seminar: '',
		createdAt: 1,
		updatedAt: 1,
		deletedAt: null
	}))
		map.set(key, value);
	map.set('title', new Y.Text(''));
	map.set('body', new Y.Text(body));
	map.set('tags', new Y.Map());
}

describe('migrating the plain-text notes after the workspace loads', () => {
	let ws: Workspace;
	let indexer: WorkspaceIndexer;
	let n = 0;
	beforeEach(async () => {
		await deleteDeviceDb();
		ws = new Workspace(`ws-state-migration-${++n}`);
		await ws.ready();
		indexer = new WorkspaceIndexer(ws);
	});
	afterEach(() => {
		indexer.destroy();
		ws.destroy();
	});

	it('migrates every note, and the index reads their rich bodies', async () => {
		ws.doc.transact(() => {
			for (let i = 0; i < 130; i++)
				writeLegacyNote(ws.doc, `legacy${String(i).padStart(6, '0')}`, `Tittel ${i}\n\nLinje ${i}`);
		});
		const fresh = ws.createNote({ title: 'Ny' }, 1, 'freshnote001');
		await indexer.reconcile();
		expect(await migrateNoteBodiesWhenIdle(ws)).toBe(130);
		expect(ws.notesToMigrate()).toEqual([]);
		expect(ws.readNote(fresh)?.body).toBe('');

		// What is typed in the rich body now is what lists and search find.
		const fragment = ws.noteBody('legacy000042')!;
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		text.insert(0, 'Skrevet i editoren');
		paragraph.insert(0, [text]);
		fragment.insert(fragment.length, [paragraph]);
		await indexer.flush();
		expect((await getNote('legacy000042'))?.text).toBe('Tittel 42\nLinje 42\nSkrevet i editoren');
		expect((await findNotes('editoren')).map((row) => row.id)).toEqual(['legacy000042']);
		expect(ws.doc.share.has(noteBodyName(fresh))).toBe(false);
	});

	it('stops when the workspace is no longer the open one', async () => {
		ws.doc.transact(() => {
			for (let i = 0; i < 80; i++)
				writeLegacyNote(ws.doc, `legacy${String(i).padStart(6, '0')}`, `Linje ${i}`);
		});
		let chunks = 0;
		const stop = ws.onNotesChanged(() => chunks++);
		const changed = await migrateNoteBodiesWhenIdle(ws, () => chunks === 0);
		stop();
		expect(changed).toBe(25);
		expect(ws.notesToMigrate()).toHaveLength(55);
	});
});
