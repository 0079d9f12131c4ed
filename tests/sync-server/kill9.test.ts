import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeAck, MESSAGE_ACK } from '../../src/lib/sync/protocol.ts';
import { tempDir, until } from './helpers.ts';
import { loginAdmin, startProcess, updateFrame, type ServerProcess } from './process.ts';

const N = 200;

async function readList(server: ServerProcess): Promise<number[]> {
	const { token, userId } = await loginAdmin(server);
	const ws = new WebSocket(`${server.wsUrl}/sync/user:${userId}?token=${token}`);
	const doc = new Y.Doc();
	// The server greets with sync step 1; ask for its state with our (empty) step 1 and apply step 2.
	const received = new Promise<void>((resolve) => {
		ws.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) return;
			Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
			resolve();
		});
	});
	ws.on('open', () => ws.send(new Uint8Array([0, 0, 1, 0])));
	await received;
	const list = doc.getArray<number>('list').toJSON();
	ws.close();
	doc.destroy();
	return list;
}

describe('kill -9 after acknowledgement', () => {
	const dir = tempDir();
	const running: ServerProcess[] = [];

	afterAll(async () => {
		for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
		await Promise.all(running.map((server) => server.exited));
		dir.remove();
	});

	it('keeps every acknowledged update', async () => {
		// 2 frames per update (update + ack request): lift the per-socket rate limit for this burst.
		const first = await startProcess(dir.path, { RATE_LIMIT_PER_SECOND: '10000' });
		running.push(first);
		const { token, userId } = await loginAdmin(first);
		const ws = new WebSocket(`${first.wsUrl}/sync/user:${userId}?token=${token}`);
		const acked = new Set<number>();
		ws.on('message', (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) === MESSAGE_ACK) acked.add(decoding.readVarUint(decoder));
		});
		await new Promise((resolve) => ws.once('open', resolve));

		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) => ws.send(updateFrame(update)));
		for (let i = 0; i < N; i++) {
			doc.getArray<number>('list').push([i]);
			ws.send(encodeAck(i));
		}
		await until(() => acked.size === N, 10_000, 'all acks');
		first.child.kill('SIGKILL');
		expect((await first.exited).signal).toBe('SIGKILL');
		ws.terminate();
		doc.destroy();

		const second = await startProcess(dir.path);
		running.push(second);
		expect(await readList(second)).toEqual(Array.from({ length: N }, (_, i) => i));
	});
});
