import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '$sync/workspace';

describe('workspace document', () => {
	const open: Workspace[] = [];
	afterEach(() => open.splice(0).forEach((w) => w.destroy()));
	const workspace = async (name: string) => {
		const w = new Workspace(name);
		open.push(w);
		await w.ready();
		return w;
	};

	it('creates, reads, tags and soft-deletes notes', async () => {
		const ws = await workspace('ws-a');
		const id = ws.createNote(
			{ kind: 'reflection', title: 'Refleksjon', tags: ['Ledelse'] },
			1000,
			'note00000001'
		);
		ws.setTags(id, ['ledelse', 'endring']);
		ws.setSeminar(id, 'Oppstartsseminar i Tromsø');
		expect(ws.readNote(id)).toMatchObject({
			id,
			kind: 'reflection',
			title: 'Refleksjon',
			body: '',
			seminar: 'Oppstartsseminar i Tromsø',
			deletedAt: null
		});
		expect(ws.readNote(id)?.tags.sort()).toEqual(['endring', 'ledelse']);
		ws.setDeleted(id, true, 5000);
		expect(ws.readNote(id)?.deletedAt).toBe(5000);
		ws.setDeleted(id, false);
		expect(ws.readNote(id)?.deletedAt).toBeNull();
	});

	it('persists to IndexedDB and loads again', async () => {
		const a = await workspace('ws-persist');
		a.createNote({ title: 'Lagret på enheten' }, 1, 'note00000002');
		await a.flush();
		a.destroy();
		const b = await workspace('ws-persist');
		expect(b.readNote('note00000002')?.title).toBe('Lagret på enheten');
	});

	it('merges two workspaces edited apart without losing text from either', async () => {
		const a = await workspace('ws-merge-a');
		a.createNote({ title: 'Felles' }, 1, 'note00000003');
		const b = await workspace('ws-merge-b');
		Y.applyUpdate(b.doc, a.encodeState());
		// Both edit the same note's (rich) body while apart.
		a.noteBody('note00000003')!.insert(0, [paragraph('Fra telefonen.')]);
		b.noteBody('note00000003')!.insert(0, [paragraph('Fra laptopen.')]);
		b.createNote({ title: 'Bare på laptopen' }, 2, 'note00000004');
		Y.applyUpdate(a.doc, b.encodeState());
		Y.applyUpdate(b.doc, a.encodeState());
		for (const ws of [a, b]) {
			const body = ws.readNote('note00000003')!.body;
			expect(body).toContain('Fra telefonen.');
			expect(body).toContain('Fra laptopen.');
			expect(ws.readNote('note00000004')?.title).toBe('Bare på laptopen');
		}
	});

	it('reports which notes changed', async () => {
		const ws = await workspace('ws-observe');
		const seen: string[][] = [];
		const stop = ws.onNotesChanged((ids) => seen.push([...ids]));
		const id = ws.createNote({}, 1, 'note00000005');
		ws.setKind(id, 'reflection');
		stop();
		ws.setKind(id, 'seminar');
		expect(seen).toEqual([[id], [id]]);
	});

	it('skips a malformed note instead of failing', async () => {
		const ws = await workspace('ws-bad');
		ws.doc.getMap('notes').set('badnote0001', new Y.Map());
		expect(ws.readNote('badnote0001')).toBeNull();
	});
});

/** A paragraph as the editor writes one (sync/rich-text.ts through y-prosemirror). */
function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	const xmlText = new Y.XmlText();
	xmlText.insert(0, text);
	element.insert(0, [xmlText]);
	return element;
}
