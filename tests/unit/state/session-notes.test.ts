import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoteSession } from '$domain/note';
import { deleteDeviceDb } from '$data/db';
import { WorkspaceIndexer } from '$state/workspace-index';
import { Workspace } from '$sync/workspace';

// The verbs use the app's open workspace; here it is a real one, without the rest of the app.
const holder = vi.hoisted(() => ({ workspace: null as unknown }));
vi.mock('$state/app.svelte', () => ({
	app: {
		get workspace() {
			return holder.workspace;
		}
	}
}));
const { createSessionNote, NoteEditor, SessionNoteList } = await import('$state/notes.svelte');

const oppstart: NoteSession = {
	programmeId: 'prog1',
	eventId: 'oppstart',
	agendaItemId: '',
	eventTitle: 'Oppstartsseminar',
	agendaItemTitle: ''
};
const velkommen: NoteSession = { ...oppstart, agendaItemId: 'opp-1', agendaItemTitle: 'Velkommen' };

describe('session notes (state)', () => {
	let ws: Workspace;
	let indexer: WorkspaceIndexer;
	beforeAll(async () => {
		await deleteDeviceDb();
		ws = new Workspace('ws-state-session');
		await ws.ready();
		holder.workspace = ws;
		indexer = new WorkspaceIndexer(ws);
	});
	afterAll(() => {
		indexer.destroy();
		ws.destroy();
	});

	it('creates a seminar note attached to a session, its seminar named after the event', () => {
		const id = createSessionNote(velkommen, 'Velkommen');
		expect(ws.readNote(id)).toMatchObject({
			kind: 'seminar',
			title: 'Velkommen',
			seminar: 'Oppstartsseminar',
			session: velkommen,
			deletedAt: null
		});
	});

	it('lists a session’s notes live, newest first, as notes are created, attached and detached', async () => {
		const whole = new SessionNoteList();
		const item = new SessionNoteList();
		whole.watch({ programmeId: 'prog1', eventId: 'oppstart' });
		item.watch(velkommen);
		try {
			await indexer.flush();
			await vi.waitFor(() => expect(item.loaded && whole.loaded).toBe(true));
			expect(whole.rows).toEqual([]);
			const first = item.rows[0]?.id;
			expect(item.rows).toHaveLength(1);

			const second = createSessionNote(oppstart);
			const loose = ws.createNote({ title: 'Løst notat' }, Date.now() + 2000, 'loosenote001');
			await indexer.flush();
			await vi.waitFor(() => expect(whole.rows.map((r) => r.id)).toEqual([second]));

			const editor = new NoteEditor(loose);
			editor.attach(oppstart);
			expect(editor.note).toMatchObject({ session: oppstart, seminar: 'Oppstartsseminar' });
			await indexer.flush();
			await vi.waitFor(() => expect(whole.rows.map((r) => r.id)).toEqual([loose, second]));

			new NoteEditor(first!).detach();
			await indexer.flush();
			await vi.waitFor(() => expect(item.rows).toEqual([]));
			editor.detach();
			await indexer.flush();
			await vi.waitFor(() => expect(whole.rows.map((r) => r.id)).toEqual([second]));
			editor.destroy();
		} finally {
			whole.destroy();
			item.destroy();
		}
	});

	it('lets the seminar field follow the session only when it was empty or named the previous one', () => {
		const custom = ws.createNote({ seminar: 'Biblioteksjefmøtet' }, 1, 'customsem001');
		const editor = new NoteEditor(custom);
		editor.attach(oppstart);
		expect(editor.note).toMatchObject({ seminar: 'Biblioteksjefmøtet', session: oppstart });

		const followed = createSessionNote(oppstart);
		const other = { ...oppstart, eventId: 'webinar-1', eventTitle: 'Halvdags webinar' };
		const second = new NoteEditor(followed);
		second.attach(other);
		expect(second.note).toMatchObject({ seminar: 'Halvdags webinar', session: other });
		second.detach();
		expect(second.note).toMatchObject({ seminar: 'Halvdags webinar', session: null });
		editor.destroy();
		second.destroy();
	});
});
