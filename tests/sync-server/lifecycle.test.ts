import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../sync-server/storage/memory.ts';
import type { StoredRoom } from '../../sync-server/storage/storage.ts';
import {
	clientPeer,
	createUser,
	rawPeer,
	sleep,
	startServer,
	synced,
	tempDir,
	until,
	type TestServer,
	type TestUser
} from './helpers.ts';

/** Memory storage whose loads and appends wait for the test to open a gate. */
class GatedStorage extends MemoryStorage {
	loads = 0;
	#gate: Promise<void> | null = null;
	#open: (() => void) | null = null;

	hold(): void {
		this.#gate = new Promise((resolve) => (this.#open = resolve));
	}
	release(): void {
		this.#open?.();
		this.#gate = null;
	}
	override async load(room: string): Promise<StoredRoom> {
		this.loads++;
		if (this.#gate) await this.#gate;
		return super.load(room);
	}
	override async append(room: string, updates: Uint8Array[]): Promise<number> {
		if (this.#gate) await this.#gate;
		return super.append(room, updates);
	}
}

describe('room lifecycle', () => {
	const dir = tempDir();
	const storage = new GatedStorage();
	let test: TestServer;
	let user: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path, {}, { storage });
		user = await createUser(test);
	});
	afterAll(async () => {
		storage.release();
		await test.stop();
		dir.remove();
	});

	it('does not keep a room whose only client left while it loaded', async () => {
		storage.hold();
		const loads = storage.loads;
		const peer = rawPeer(test, `user:${user.id}`, user.token);
		await peer.opened;
		await until(() => storage.loads === loads + 1, 5000, 'the load to start');
		peer.ws.close();
		await peer.closed;
		expect(test.server.endpoint.rooms.size).toBe(1);
		storage.release();
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'the room dropped');
		expect(peer.frames).toHaveLength(0);
	});

	it('lets a client that arrives during an unload wait, then reloads the stored document', async () => {
		const room = `user:${user.id}`;
		const a = clientPeer(test, room, user.token);
		await synced(a);
		storage.hold(); // the write of A's update (and so the unload) hangs
		a.doc.getText('t').insert(0, 'flushed at unload');
		await sleep(50);
		a.destroy();
		await sleep(50);
		expect(test.server.endpoint.rooms.size).toBe(1); // still unloading

		const b = clientPeer(test, room, user.token);
		try {
			await sleep(100);
			expect(b.provider.synced).toBe(false);
			storage.release();
			await synced(b);
			expect(b.doc.getText('t').toString()).toBe('flushed at unload');
		} finally {
			b.destroy();
		}
	});
});
