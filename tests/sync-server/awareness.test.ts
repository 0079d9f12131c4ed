import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	clientPeer,
	createUser,
	startServer,
	synced,
	tempDir,
	until,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('awareness', () => {
	const dir = tempDir();
	let test: TestServer;
	let user: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path);
		user = await createUser(test);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('relays presence, greets newcomers with it, and removes it when a peer leaves', async () => {
		const room = `user:${user.id}`;
		const a = clientPeer(test, room, user.token);
		const b = clientPeer(test, room, user.token);
		let c: ReturnType<typeof clientPeer> | null = null;
		try {
			await Promise.all([synced(a), synced(b)]);
			a.provider.awareness.setLocalStateField('user', { name: 'A' });
			const aId = a.doc.clientID;
			await until(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'A', 5000, 'B to see A');

			c = clientPeer(test, room, user.token);
			await until(() => c!.provider.awareness.getStates().get(aId)?.user?.name === 'A', 5000, 'C greeted');

			// Drop A's socket without a goodbye: the server must remove the states A set.
			a.provider.shouldConnect = false;
			(a.provider.ws as unknown as WebSocket).terminate();
			await until(() => !b.provider.awareness.getStates().has(aId), 5000, 'A removed at B');
			expect(c.provider.awareness.getStates().has(aId)).toBe(false);
		} finally {
			a.destroy();
			b.destroy();
			c?.destroy();
		}
	});
});
