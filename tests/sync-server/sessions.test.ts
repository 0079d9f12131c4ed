import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
	api,
	clientPeer,
	createUser,
	rawPeer,
	startServer,
	synced,
	tempDir,
	type TestServer
} from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('sessions over time', () => {
	const dir = tempDir();
	const servers: TestServer[] = [];
	afterEach(async () => {
		for (const s of servers.splice(0)) await s.stop();
	});
	afterAll(() => dir.remove());

	it('keeps tokens valid across a restart (the signing key lives in DATA_DIR)', async () => {
		const first = await startServer(dir.path);
		servers.push(first);
		const user = await createUser(first);
		await first.stop();
		servers.pop();

		const second = await startServer(dir.path);
		servers.push(second);
		const me = await api(second, 'GET', '/api/auth/me', undefined, user.token);
		expect(me.status).toBe(200);
		const peer = clientPeer(second, `user:${user.id}`, user.token);
		await synced(peer);
		peer.destroy();
	});

	it('lets a participant back after two weeks offline without a password, and refresh slides the expiry', async () => {
		let now = Date.now();
		const test = await startServer(dir.path, {}, { now: () => now });
		servers.push(test);
		const user = await createUser(test);

		now += 14 * DAY;
		const peer = clientPeer(test, `user:${user.id}`, user.token);
		await synced(peer);
		peer.destroy();
		const refreshed = await api(test, 'POST', '/api/auth/refresh', undefined, user.token);
		expect(refreshed.status).toBe(200);
		const { token } = (await refreshed.json()) as { token: string };

		// 31 days after sign-in the old token has expired, the refreshed one (day 14 + 30) has not.
		now += 17 * DAY;
		const old = rawPeer(test, `user:${user.id}`, user.token);
		expect((await old.closed).code).toBe(4401);
		const fresh = clientPeer(test, `user:${user.id}`, token);
		await synced(fresh);
		fresh.destroy();
	});
});
