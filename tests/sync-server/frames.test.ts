import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../src/lib/sync/protocol.ts';
import {
	clientPeer,
	createUser,
	rawPeer,
	startServer,
	synced,
	tempDir,
	until,
	type RawPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

const MAX_FRAME = 2048;
const RATE = 20;

function storedRows(dataDir: string): unknown[] {
	const db = new Database(join(dataDir, 'lederlogg.sqlite'), { readonly: true });
	try {
		return db.prepare('SELECT room, seq, data FROM room_updates ORDER BY room, seq').all();
	} finally {
		db.close();
	}
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('frame handling', () => {
	const dir = tempDir();
	let test: TestServer;
	let user: TestUser;
	let room: string;

	beforeAll(async () => {
		test = await startServer(dir.path, {
			MAX_FRAME_BYTES: String(MAX_FRAME),
			RATE_LIMIT_PER_SECOND: String(RATE)
		});
		user = await createUser(test);
		room = `user:${user.id}`;
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function joined(): Promise<RawPeer> {
		const peer = rawPeer(test, room, user.token);
		await until(() => peer.frames.length > 0, 5000, 'sync step 1');
		return peer;
	}

	const malformed: [string, Uint8Array][] = [
		['garbage bytes', new Uint8Array([0xff, 0xff, 0xff])],
		['an unknown message type', new Uint8Array([42, 1, 2, 3])],
		['a sync update that does not decode', syncUpdateFrame(new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]))],
		['a truncated sync message', new Uint8Array([MESSAGE_SYNC, 2, 50, 1])]
	];

	it.each(malformed)('closes only the socket that sent %s, touching nothing stored', async (_name, frame) => {
		const b = clientPeer(test, room, user.token);
		const c = clientPeer(test, room, user.token);
		try {
			await Promise.all([synced(b), synced(c)]);
			b.doc.getMap('m').set('before', _name);
			await until(() => c.doc.getMap('m').get('before') === _name, 5000, 'C to see B');
			const before = storedRows(dir.path);

			const bad = await joined();
			bad.ws.send(frame);
			expect((await bad.closed).code).toBe(CLOSE_CODES.badMessage);
			expect(storedRows(dir.path)).toEqual(before);

			b.doc.getMap('m').set('after', _name);
			await until(() => c.doc.getMap('m').get('after') === _name, 5000, 'C to keep seeing B');
			expect(b.provider.wsconnected && c.provider.wsconnected).toBe(true);
		} finally {
			b.destroy();
			c.destroy();
		}
	});

	it('closes a socket with 4413 for a frame above MAX_FRAME_BYTES', async () => {
		const peer = await joined();
		peer.ws.send(syncUpdateFrame(new Uint8Array(MAX_FRAME + 10)));
		expect((await peer.closed).code).toBe(CLOSE_CODES.tooLarge);
	});

	it('lets ws close with 1009 above twice the limit', async () => {
		const peer = await joined();
		peer.ws.send(new Uint8Array(2 * MAX_FRAME + 10));
		expect((await peer.closed).code).toBe(1009);
	});

	it('closes a socket with 4429 when it sends too many frames', async () => {
		const peer = await joined();
		const query = new Uint8Array([MESSAGE_QUERY_AWARENESS]);
		for (let i = 0; i < 4 * RATE; i++) peer.ws.send(query);
		expect((await peer.closed).code).toBe(CLOSE_CODES.rateLimited);
	});

	it('allows a burst within the limit', async () => {
		const peer = await joined();
		const query = new Uint8Array([MESSAGE_QUERY_AWARENESS]);
		for (let i = 0; i < RATE; i++) peer.ws.send(query);
		await until(() => peer.frames.length > RATE, 5000, 'answers to every query');
		expect(peer.ws.readyState).toBe(peer.ws.OPEN);
		peer.ws.close();
		await peer.closed;
	});
});
