import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteDeviceDb } from '$data/db';
import { putDraftText } from '$data/draft-texts';
import { CHANGE_TASKS, ChangeTaskSchema } from '$domain/change-task';
import { GoalSchema } from '$domain/plan';
import { OwnTextSchema, READING_COLLECTIONS, ReadingNoteSchema } from '$domain/reading';
import { WorkspaceIndexer } from '$state/workspace-index';
import { Workspace } from '$sync/workspace';

// Search reads the app's open workspace; here it is a real one (and a real Dexie on
// fake-indexeddb), without the rest of the app.
const holder = vi.hoisted(() => ({ workspace: null as unknown }));
vi.mock('$state/app.svelte', () => ({
	app: {
		boot: async () => {},
		token: null,
		get workspace() {
			return holder.workspace;
		}
	}
}));
const { search } = await import('$state/search.svelte');

const ids = (query: string) => search.results(query).hits.map((hit) => hit.doc.id);

describe('search (state)', () => {
	let ws: Workspace;
	let indexer: WorkspaceIndexer;
	beforeAll(async () => {
		await deleteDeviceDb();
		ws = new Workspace('ws-state-search');
		await ws.ready();
		holder.workspace = ws;
		indexer = new WorkspaceIndexer(ws);
	});
	afterAll(async () => {
		indexer.destroy();
		await ws.wipe();
	});

	it('builds the index from every source on first use, follows changes, and keeps it when closed', async () => {
		const noteId = ws.createNote({ kind: 'seminar', title: 'Bibliotekene i Nord-Troms' }, 1, 'note00000001');
		await indexer.flush();
		await putDraftText({
			id: 'd1',
			title: 'Blogginnlegg',
			text: 'Om ledelsen av små bibliotek',
			updatedAt: 2
		});
		ws.putRecord(READING_COLLECTIONS.texts, OwnTextSchema, {
			id: 't1',
			title: 'Ledelse i praksis',
			pages: 100,
			createdAt: 1
		});
		ws.putRecord(READING_COLLECTIONS.notes, ReadingNoteSchema, {
			id: 'r1',
			textRef: { kind: 'own', id: 't1' },
			kind: 'quote',
			text: 'Biblioteket er en møteplass.',
			createdAt: 3
		});
		ws.putRecord('goals', GoalSchema, { id: 'g1', title: 'Lede biblioteket gjennom endring', createdAt: 4 });
		ws.putRecord(CHANGE_TASKS, ChangeTaskSchema, {
			id: 'c1',
			what: 'Søndagsåpent bibliotek',
			status: 'active',
			createdAt: 5,
			updatedAt: 5
		});

		expect(search.ready).toBe(false);
		const stop = search.open();
		await vi.waitFor(() => expect(search.ready).toBe(true));
		expect(search.size).toBe(5);
		expect(ids('biblioteket').sort()).toEqual([
			'draft:d1',
			'goal:g1',
			'note:note00000001',
			'reading-note:r1',
			'task:c1'
		]);
		const [quote] = search.results('møteplasser').hits;
		expect(quote.doc.context).toBe('Ledelse i praksis');

		// A change to the workspace and to the note index shows after a short pause.
		ws.putRecord(CHANGE_TASKS, ChangeTaskSchema, {
			id: 'c1',
			what: 'Kveldsåpent bibliotek',
			status: 'active',
			createdAt: 5,
			updatedAt: 6
		});
		ws.setDeleted(noteId, true);
		await indexer.flush();
		await vi.waitFor(() => expect(ids('kveldsåpen')).toEqual(['task:c1']));
		expect(ids('søndagsåpen')).toEqual([]);
		await vi.waitFor(() => expect(ids('nord-troms')).toEqual([]));
		expect(search.size).toBe(4);

		// Closed: no longer following, but what was built stays; reopened, it catches up.
		stop();
		ws.putRecord('goals', GoalSchema, { id: 'g2', title: 'Bedre møteledelse', createdAt: 7 });
		await new Promise((r) => setTimeout(r, 300));
		expect(ids('møteledelsen')).toEqual([]);
		expect(ids('kveldsåpent')).toEqual(['task:c1']);
		const again = search.open();
		await vi.waitFor(() => expect(ids('møteledelsen')).toEqual(['goal:g2']));
		again();
	});
});
