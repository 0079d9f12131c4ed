import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_QUERY_AWARENESS } from '../../src/lib/sync/protocol.ts';
import { clientPeer, synced, tempDir, type TestServer } from './helpers.ts';
import { loginAdmin, startProcess, updateFrame, type ServerProcess } from './process.ts';

describe('graceful shutdown', () => {
	const dir = tempDir();
	const running: ServerProcess[] = [];

	afterAll(async () => {
		for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
		await Promise.all(running.map((server) => server.exited));
		dir.remove();
	});

	it('flushes pending writes, closes sockets with 1001 and exits 0 on SIGTERM', async () => {
		const first = await startProcess(dir.path);
		running.push(first);
		const { token, userId } = await loginAdmin(first);
		const ws = new WebSocket(`${first.wsUrl}/sync/user:${userId}?token=${token}`);
		await new Promise((resolve) => ws.once('message', resolve));
		const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) => ws.send(updateFrame(update)));
		doc.getText('t').insert(0, 'written just before shutdown');
		// Signal right after the frame leaves: the server must still store it before exiting.
		await new Promise<void>((resolve) => ws.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]), () => resolve()));
		first.child.kill('SIGTERM');
		expect(await closed).toBe(CLOSE_CODES.goingAway);
		expect(await first.exited).toEqual({ code: 0, signal: null });
		doc.destroy();

		const second = await startProcess(dir.path);
		running.push(second);
		const login = await loginAdmin(second);
		const test = { wsUrl: second.wsUrl } as TestServer;
		const reader = clientPeer(test, `user:${login.userId}`, login.token);
		try {
			await synced(reader);
			expect(reader.doc.getText('t').toString()).toBe('written just before shutdown');
		} finally {
			reader.destroy();
		}
	});
});
