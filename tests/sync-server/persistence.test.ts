import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_SYNC } from '../../src/lib/sync/protocol.ts';
import {
	clientPeer,
	createUser,
	rawPeer,
	startServer,
	synced,
	tempDir,
	until,
	type TestServer,
	type TestUser
} from './helpers.ts';

function rows(dataDir: string, room: string) {
	const db = new Database(join(dataDir, 'lederlogg.sqlite'), { readonly: true });
	try {
		return {
			updates: db.prepare('SELECT seq, data FROM room_updates WHERE room = ? ORDER BY seq').all(room) as {
				seq: number;
				data: Buffer;
			}[],
			snapshots: db.prepare('SELECT seq, data FROM room_snapshots WHERE room = ?').all(room) as {
				seq: number;
				data: Buffer;
			}[]
		};
	} finally {
		db.close();
	}
}

describe('persistence', () => {
	const dir = tempDir();
	const COMPACT_AFTER = 10;
	let test: TestServer;
	let user: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path, { COMPACT_AFTER_UPDATES: String(COMPACT_AFTER) });
		user = await createUser(test);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('syncs two clients live', async () => {
		const a = clientPeer(test, `user:${user.id}`, user.token);
		const b = clientPeer(test, `user:${user.id}`, user.token);
		try {
			await Promise.all([synced(a), synced(b)]);
			a.doc.getMap('notes').set('n1', 'from A');
			await until(() => b.doc.getMap('notes').get('n1') === 'from A', 5000, 'B to see A');
			b.doc.getMap('notes').set('n2', 'from B');
			await until(() => a.doc.getMap('notes').get('n2') === 'from B', 5000, 'A to see B');
		} finally {
			a.destroy();
			b.destroy();
		}
	});

	it('keeps a document across a restart', async () => {
		const room = `user:${user.id}`;
		const a = clientPeer(test, room, user.token);
		await synced(a);
		const storedBefore = rows(dir.path, room).updates.length;
		a.doc.getText('t').insert(0, 'survives restarts');
		await until(() => rows(dir.path, room).updates.length > storedBefore, 5000, 'the update stored');
		await test.stop();
		a.destroy();

		test = await startServer(dir.path, { COMPACT_AFTER_UPDATES: String(COMPACT_AFTER) });
		const b = clientPeer(test, room, user.token);
		try {
			await synced(b);
			expect(b.doc.getText('t').toString()).toBe('survives restarts');
			expect(b.doc.getMap('notes').toJSON()).toEqual({ n1: 'from A', n2: 'from B' });
		} finally {
			b.destroy();
		}
	});

	it('compacts the log into a snapshot with identical content', async () => {
		const other = await createUser(test);
		const room = `user:${other.id}`;
		const a = clientPeer(test, room, other.token);
		await synced(a);
		const list = a.doc.getArray<number>('list');
		for (let i = 0; i < 3 * COMPACT_AFTER + 3; i++) list.push([i]); // one update (one frame) each
		const expected = list.toJSON();
		await until(
			() => {
				const stored = rows(dir.path, room);
				return (
					stored.snapshots.length === 1 && stored.snapshots[0].seq + stored.updates.length >= expected.length
				);
			},
			5000,
			'all updates stored'
		);
		const stored = rows(dir.path, room);
		expect(stored.updates.length).toBeLessThan(COMPACT_AFTER);
		expect(stored.updates.every((row) => row.seq > stored.snapshots[0].seq)).toBe(true);

		// The snapshot plus the remaining log rebuild the same document.
		const rebuilt = new Y.Doc();
		Y.applyUpdate(rebuilt, stored.snapshots[0].data);
		for (const row of stored.updates) Y.applyUpdate(rebuilt, row.data);
		expect(rebuilt.getArray('list').toJSON()).toEqual(expected);
		rebuilt.destroy();
		a.destroy();

		// And so does a fresh client after the room was unloaded and reloaded.
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'room unloaded');
		const b = clientPeer(test, room, other.token);
		try {
			await synced(b);
			expect(b.doc.getArray('list').toJSON()).toEqual(expected);
		} finally {
			b.destroy();
		}
	});

	it('never overwrites a document that fails to load', async () => {
		const victim = await createUser(test);
		const room = `user:${victim.id}`;
		const a = clientPeer(test, room, victim.token);
		await synced(a);
		a.doc.getText('t').insert(0, 'precious');
		await until(() => rows(dir.path, room).updates.length > 0);
		a.destroy();
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'room unloaded');

		// Corrupt the log behind the server's back (WAL lets a second writer in).
		const db = new Database(join(dir.path, 'lederlogg.sqlite'));
		const lastSeq = rows(dir.path, room).updates.at(-1)!.seq;
		db.prepare('INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)').run(
			room,
			lastSeq + 1,
			Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02])
		);
		db.close();
		const before = rows(dir.path, room);

		const peer = rawPeer(test, room, victim.token);
		await peer.opened;
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'would overwrite');
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		encoding.writeVarUint(encoder, 2);
		encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
		peer.ws.send(encoding.toUint8Array(encoder));
		doc.destroy();
		const closed = await peer.closed;
		expect(closed).toEqual({ code: CLOSE_CODES.unavailable, reason: 'document failed to load' });
		expect(peer.frames).toHaveLength(0);

		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'failed room forgotten');
		expect(rows(dir.path, room)).toEqual(before);
	});
});
