import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { NoteSession } from '$domain/note';
import { Workspace } from '$sync/workspace';

const session: NoteSession = {
	programmeId: 'prog1',
	eventId: 'oppstart',
	agendaItemId: '',
	eventTitle: 'Oppstartsseminar',
	agendaItemTitle: ''
};

describe('a note attached to a session in the workspace document', () => {
	const open: Workspace[] = [];
	afterEach(() => open.splice(0).forEach((w) => w.destroy()));
	const workspace = async (name: string) => {
		const w = new Workspace(name);
		open.push(w);
		await w.ready();
		return w;
	};

	it('creates a note attached, re-attaches and detaches it', async () => {
		const ws = await workspace('ws-session-a');
		const id = ws.createNote({ seminar: 'Oppstartsseminar', session }, 1, 'note00000001');
		expect(ws.readNote(id)).toMatchObject({ seminar: 'Oppstartsseminar', session });
		const item = { ...session, agendaItemId: 'opp-1', agendaItemTitle: 'Velkommen' };
		ws.setSession(id, item);
		expect(ws.readNote(id)?.session).toEqual(item);
		expect(ws.readNote(id)?.updatedAt).toBeGreaterThan(1);
		ws.setSession(id, null);
		expect(ws.readNote(id)?.session).toBeNull();
		expect(ws.doc.getMap('notes').get(id)).toBeInstanceOf(Y.Map);
		expect((ws.doc.getMap('notes').get(id) as Y.Map<unknown>).has('session')).toBe(false);
		expect(() => ws.setSession(id, { ...session, eventId: 'not/valid' })).toThrow();
	});

	it('reads a note without a session (older app versions) and one with a malformed session', async () => {
		const ws = await workspace('ws-session-old');
		const id = ws.createNote({ title: 'Gammel' }, 1, 'note00000002');
		expect(ws.readNote(id)).toMatchObject({ title: 'Gammel', session: null });
		// Another client writes something this version does not understand.
		(ws.doc.getMap('notes').get(id) as Y.Map<unknown>).set('session', { programmeId: 5 });
		expect(ws.readNote(id)).toMatchObject({ title: 'Gammel', session: null });
	});

	it('syncs the attachment to another device', async () => {
		const phone = await workspace('ws-session-phone');
		const laptop = await workspace('ws-session-laptop');
		const id = phone.createNote({ title: 'Fra samlingen' }, 1, 'note00000003');
		Y.applyUpdate(laptop.doc, phone.encodeState());
		expect(laptop.readNote(id)?.session).toBeNull();
		phone.setSession(id, session);
		Y.applyUpdate(laptop.doc, phone.encodeState());
		expect(laptop.readNote(id)?.session).toEqual(session);
	});
});
