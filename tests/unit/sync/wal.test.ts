import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeJournal } from '$sync/journal';
import { WAL_PREFIX, WriteAheadLog } from '$sync/wal';
import { LOCAL_ORIGIN, Workspace } from '$sync/workspace';

class MemoryStorage implements Storage {
	#map = new Map<string, string>();
	get length() {
		return this.#map.size;
	}
	clear() {
		this.#map.clear();
	}
	getItem(key: string) {
		return this.#map.get(key) ?? null;
	}
	key(i: number) {
		return [...this.#map.keys()][i] ?? null;
	}
	removeItem(key: string) {
		this.#map.delete(key);
	}
	setItem(key: string, value: string) {
		this.#map.set(key, value);
	}
}

describe('write-ahead log', () => {
	const open: Workspace[] = [];
	afterEach(() => open.splice(0).forEach((w) => w.destroy()));

	it('keeps every local change synchronously until IndexedDB has it, then forgets it', async () => {
		const storage = new MemoryStorage();
		const ws = new Workspace('wal-a');
		open.push(ws);
		await ws.ready();
		const wal = new WriteAheadLog('wal-a:wal', storage);
		const rows: number[] = [];
		const journal = new ChangeJournal(
			ws.doc,
			'local',
			{ add: async (r) => void rows.push(...r.map((x) => x.seq)), acknowledgeUpTo: async () => {} },
			0,
			(o) => o === LOCAL_ORIGIN,
			(e) => {
				throw e;
			},
			wal,
			() => ws.flush()
		);
		ws.createNote({ title: 'Skrevet rett før lukking' }, 1, 'walnote00001');
		// Before any await: the change is already in the synchronous log.
		expect(new WriteAheadLog('wal-a:wal', storage).entries()).toHaveLength(1);
		await journal.flush();
		expect(rows).toEqual([1]);
		expect(storage.getItem('wal-a:wal')).toBeNull();
		journal.destroy();
	});

	it('replays what a closed page left behind into a fresh document', async () => {
		const storage = new MemoryStorage();
		const source = new Y.Doc();
		const wal = new WriteAheadLog('wal-b:wal', storage);
		source.on('update', (update: Uint8Array) => wal.append({ seq: 1, room: 'local', at: 0, update }));
		const text = new Y.Map<unknown>();
		source.getMap('notes').set('walnote00002', text);
		source.destroy();

		const ws = new Workspace('wal-b');
		open.push(ws);
		await ws.ready();
		const left = new WriteAheadLog('wal-b:wal', storage).entries();
		expect(left).toHaveLength(1);
		ws.applyRecovered(left.map((e) => e.update));
		ws.applyRecovered(left.map((e) => e.update)); // twice is harmless
		expect(ws.noteIds()).toEqual(['walnote00002']);
	});

	it('finds the logs of instances that are gone, per document, and clears them all on sign-out', () => {
		const storage = new MemoryStorage();
		const update = new Uint8Array([0, 0]);
		for (const id of ['gone', 'live']) {
			WriteAheadLog.forInstance(id, '', storage).append({ seq: 1, room: 'local', at: 0, update });
			WriteAheadLog.forInstance(id, 'programme:p1', storage).append({
				seq: 1,
				room: 'programme:p1',
				at: 0,
				update
			});
		}
		WriteAheadLog.forInstance('gone', 'programme:p1:discussion', storage).append({
			seq: 1,
			room: 'programme:p1:discussion',
			at: 0,
			update
		});
		storage.setItem('unrelated', 'x');
		const orphans = (scope: string) =>
			WriteAheadLog.orphans(new Set(['live']), scope, storage).map((l) => l.key);
		expect(orphans('')).toEqual([WAL_PREFIX + 'gone']);
		expect(orphans('programme:p1')).toEqual([WAL_PREFIX + 'programme:p1|gone']);
		expect(orphans('programme:p1:discussion')).toEqual([WAL_PREFIX + 'programme:p1:discussion|gone']);
		WriteAheadLog.clearAll(storage);
		expect(storage.length).toBe(1);
	});

	it('ignores a corrupt log', () => {
		const storage = new MemoryStorage();
		storage.setItem('bad', '{not json');
		expect(new WriteAheadLog('bad', storage).entries()).toEqual([]);
		storage.setItem('bad2', JSON.stringify([{ seq: 'x' }]));
		expect(new WriteAheadLog('bad2', storage).entries()).toEqual([]);
	});
});
