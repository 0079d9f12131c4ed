import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, encodeAck, MESSAGE_ACK, MESSAGE_SYNC } from '../../src/lib/sync/protocol.ts';
import { MemoryStorage } from '../../sync-server/storage/memory.ts';
import type { RoomStorage } from '../../sync-server/storage/storage.ts';
import {
	createUser,
	rawPeer,
	sleep,
	startServer,
	tempDir,
	until,
	type RawPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

/** Memory storage whose appends can be held on a promise the test controls, or made to fail. */
class HeldStorage implements RoomStorage {
	inner = new MemoryStorage();
	appends: Uint8Array[][] = [];
	failNext = false;
	#gate: Promise<void> | null = null;
	#release: (() => void) | null = null;

	hold(): void {
		this.#gate = new Promise((resolve) => (this.#release = resolve));
	}
	release(): void {
		this.#release?.();
		this.#gate = null;
	}
	load(room: string) {
		return this.inner.load(room);
	}
	async append(room: string, updates: Uint8Array[]) {
		this.appends.push(updates);
		if (this.#gate) await this.#gate;
		if (this.failNext) {
			this.failNext = false;
			throw new Error('disk full');
		}
		return this.inner.append(room, updates);
	}
	compact(room: string, snapshot: Uint8Array, upToSeq: number) {
		return this.inner.compact(room, snapshot, upToSeq);
	}
	close() {
		return this.inner.close();
	}
}

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

function acks(peer: RawPeer): number[] {
	return peer.frames.flatMap((frame) => {
		const decoder = decoding.createDecoder(frame);
		return decoding.readVarUint(decoder) === MESSAGE_ACK ? [decoding.readVarUint(decoder)] : [];
	});
}

function syncUpdates(peer: RawPeer): number {
	return peer.frames.filter((frame) => frame[0] === MESSAGE_SYNC && frame[1] === 2).length;
}

describe('durability before relay', () => {
	const dir = tempDir();
	const storage = new HeldStorage();
	let test: TestServer;
	let user: TestUser;
	const docs: Y.Doc[] = [];
	const peers: RawPeer[] = [];

	beforeAll(async () => {
		test = await startServer(dir.path, {}, { storage });
		user = await createUser(test);
	});
	afterEach(async () => {
		storage.release();
		for (const peer of peers.splice(0)) peer.ws.close();
		for (const doc of docs.splice(0)) doc.destroy();
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'rooms unloaded');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function join(): Promise<RawPeer> {
		const peer = rawPeer(test, `user:${user.id}`, user.token);
		peers.push(peer);
		await until(() => peer.frames.length > 0, 5000, 'sync step 1');
		return peer;
	}

	function writer(peer: RawPeer): Y.Doc {
		const doc = new Y.Doc();
		docs.push(doc);
		doc.on('update', (update: Uint8Array) => peer.ws.send(updateFrame(update)));
		return doc;
	}

	it('neither relays nor acknowledges before the append resolves', async () => {
		const a = await join();
		const b = await join();
		const doc = writer(a);
		storage.hold();
		const appendsBefore = storage.appends.length;
		doc.getMap('m').set('k', 'v');
		a.ws.send(encodeAck(7));
		await until(() => storage.appends.length === appendsBefore + 1, 5000, 'the append to start');
		await sleep(100);
		expect(syncUpdates(b)).toBe(0);
		expect(acks(a)).toEqual([]);

		storage.release();
		await until(() => acks(a).length === 1 && syncUpdates(b) === 1, 5000, 'relay and ack');
		expect(acks(a)).toEqual([7]);
		expect(syncUpdates(a)).toBe(0); // never echoed to its origin
		const stored = await storage.inner.load(`user:${user.id}`);
		const check = new Y.Doc();
		for (const update of stored.updates) Y.applyUpdate(check, update);
		expect(check.getMap('m').get('k')).toBe('v');
		check.destroy();
	});

	it('answers an ack at once when nothing is pending', async () => {
		const a = await join();
		a.ws.send(encodeAck(1));
		await until(() => acks(a).length === 1, 5000, 'the ack');
		expect(acks(a)).toEqual([1]);
	});

	it('stores the updates that arrive during a write in one append', async () => {
		const a = await join();
		const doc = writer(a);
		storage.hold();
		const first = storage.appends.length;
		doc.getArray('list').push([0]);
		await until(() => storage.appends.length === first + 1, 5000, 'the first append');
		for (let i = 1; i <= 50; i++) doc.getArray('list').push([i]);
		a.ws.send(encodeAck(99));
		await sleep(100);
		expect(storage.appends.length).toBe(first + 1);
		storage.release();
		await until(() => acks(a).includes(99), 5000, 'the ack');
		expect(storage.appends.length).toBe(first + 2);
		expect(storage.appends[first + 1]).toHaveLength(50);
	});

	it('closes the room with 4500 and relays nothing when the append fails', async () => {
		const a = await join();
		const b = await join();
		const doc = writer(a);
		const room = `user:${user.id}`;
		const before = (await storage.inner.load(room)).updates.length;
		storage.failNext = true;
		doc.getMap('m').set('lost', true);
		a.ws.send(encodeAck(5));
		const [closedA, closedB] = await Promise.all([a.closed, b.closed]);
		expect(closedA.code).toBe(CLOSE_CODES.unavailable);
		expect(closedB.code).toBe(CLOSE_CODES.unavailable);
		expect(acks(a)).toEqual([]);
		expect(syncUpdates(b)).toBe(0);
		expect((await storage.inner.load(room)).updates).toHaveLength(before);

		// The room reloads from storage for the next connection.
		const c = await join();
		expect(c.ws.readyState).toBe(c.ws.OPEN);
	});
});
