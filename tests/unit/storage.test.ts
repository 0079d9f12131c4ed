import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync-server/db.ts';
import { MemoryStorage } from '../../sync-server/storage/memory.ts';
import { SqliteStorage } from '../../sync-server/storage/sqlite.ts';
import type { RoomStorage } from '../../sync-server/storage/storage.ts';

interface Subject {
	storage: RoomStorage;
	/** A second instance over the same data, as after a restart (the memory twin has none). */
	reopen?: () => RoomStorage;
	dispose(): void;
}

const implementations: [string, () => Subject][] = [
	[
		'SqliteStorage',
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'lederlogg-storage-'));
			const opened: RoomStorage[] = [];
			const open = () => {
				const storage = new SqliteStorage(openDatabase(dir));
				opened.push(storage);
				return storage;
			};
			return {
				storage: open(),
				reopen: open,
				dispose: () => {
					for (const storage of opened) void storage.close();
					rmSync(dir, { recursive: true, force: true });
				}
			};
		}
	],
	['MemoryStorage', () => ({ storage: new MemoryStorage(), dispose: () => {} })]
];

const bytes = (...values: number[]) => new Uint8Array(values);

describe.each(implementations)('%s', (_name, create) => {
	let subject: Subject;
	let storage: RoomStorage;

	beforeEach(() => {
		subject = create();
		storage = subject.storage;
	});
	afterEach(() => subject.dispose());

	it('loads an unknown room as empty', async () => {
		expect(await storage.load('room')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
	});

	it('appends in order and numbers updates', async () => {
		expect(await storage.append('room', [bytes(1), bytes(2)])).toBe(2);
		expect(await storage.append('room', [bytes(3)])).toBe(3);
		expect(await storage.load('room')).toEqual({
			snapshot: null,
			updates: [bytes(1), bytes(2), bytes(3)],
			lastSeq: 3
		});
	});

	it('keeps rooms apart', async () => {
		await storage.append('a', [bytes(1)]);
		await storage.append('b', [bytes(2), bytes(3)]);
		expect((await storage.load('a')).updates).toEqual([bytes(1)]);
		expect((await storage.load('b')).lastSeq).toBe(2);
	});

	it('compacts up to a sequence number, keeping later updates and numbering', async () => {
		await storage.append('room', [bytes(1), bytes(2), bytes(3)]);
		await storage.compact('room', bytes(9, 9), 2);
		expect(await storage.load('room')).toEqual({ snapshot: bytes(9, 9), updates: [bytes(3)], lastSeq: 3 });
		await storage.compact('room', bytes(8), 3);
		expect(await storage.load('room')).toEqual({ snapshot: bytes(8), updates: [], lastSeq: 3 });
		expect(await storage.append('room', [bytes(4)])).toBe(4);
	});

	it('copies bytes: later changes to a caller buffer do not reach storage', async () => {
		const update = bytes(1, 2, 3);
		await storage.append('room', [update]);
		update[0] = 7;
		expect((await storage.load('room')).updates).toEqual([bytes(1, 2, 3)]);
	});

	it('keeps everything across a reopen', async () => {
		if (!subject.reopen) return;
		await storage.append('room', [bytes(1), bytes(2)]);
		await storage.compact('room', bytes(5), 1);
		await storage.close();
		const reopened = subject.reopen();
		expect(await reopened.load('room')).toEqual({ snapshot: bytes(5), updates: [bytes(2)], lastSeq: 2 });
	});
});

describe('SqliteStorage transactions', () => {
	it('stores nothing of an append that fails half-way', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lederlogg-storage-'));
		const storage = new SqliteStorage(openDatabase(dir));
		try {
			await storage.append('room', [bytes(1)]);
			// A non-binary value makes the second insert throw inside the transaction.
			await expect(storage.append('room', [bytes(2), {} as Uint8Array])).rejects.toThrow();
			expect(await storage.load('room')).toEqual({ snapshot: null, updates: [bytes(1)], lastSeq: 1 });
		} finally {
			await storage.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
