import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from '$sync/item-maps';
import { Workspace } from '$sync/workspace';

const Goal = v.object({
	id: v.string(),
	title: v.pipe(v.string(), v.minLength(1)),
	done: v.optional(v.boolean(), false)
});
const ME = Symbol('me');

describe('records in a document', () => {
	const docs: Y.Doc[] = [];
	const workspaces: Workspace[] = [];
	afterEach(async () => {
		docs.splice(0).forEach((d) => d.destroy());
		for (const w of workspaces.splice(0)) await w.wipe();
	});

	it('stores only what the schema accepts, reads with defaults, skips malformed items', () => {
		const doc = new Y.Doc();
		docs.push(doc);
		putMapItem(doc, 'goals', Goal, { id: 'g1', title: 'Lede endring' }, ME);
		expect(() => putMapItem(doc, 'goals', Goal, { id: 'g2', title: '' }, ME)).toThrow();
		doc.getMap('goals').set('bad', { id: 'bad', title: 42 });
		expect(readMapItems(doc, 'goals', Goal)).toEqual({
			items: [{ id: 'g1', title: 'Lede endring', done: false }],
			skipped: ['bad']
		});
		let calls = 0;
		const stop = observeMaps(doc, ['goals'], () => calls++);
		removeMapItem(doc, 'goals', 'g1', ME);
		stop();
		putMapItem(doc, 'goals', Goal, { id: 'g3', title: 'Ny' }, ME);
		expect(calls).toBe(1);
	});

	it('keeps two devices offline edits of different records of the workspace', async () => {
		const a = new Workspace('records-a');
		const b = new Workspace('records-b');
		workspaces.push(a, b);
		await Promise.all([a.ready(), b.ready()]);
		a.putRecord('goals', Goal, { id: 'g1', title: 'Fra telefonen' });
		b.putRecord('goals', Goal, { id: 'g2', title: 'Fra laptopen' });
		Y.applyUpdate(a.doc, b.encodeState());
		Y.applyUpdate(b.doc, a.encodeState());
		const titles = (w: Workspace) =>
			w
				.records('goals', Goal)
				.map((g) => g.title)
				.sort();
		expect(titles(a)).toEqual(['Fra laptopen', 'Fra telefonen']);
		expect(titles(b)).toEqual(titles(a));
	});
});
