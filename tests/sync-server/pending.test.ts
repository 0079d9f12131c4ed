import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../sync-server/rooms/messages.ts';
import { clientPeer, createUser, rawPeer, sleep, startServer, synced, tempDir, until } from './helpers.ts';

/**
 * y-websocket sends live edits as soon as the socket opens, before its sync step 2, so the
 * server can receive an edit whose dependencies it has not seen. Such a room must stay loadable.
 */
describe('updates waiting for their dependencies', () => {
	const dir = tempDir();
	afterAll(() => dir.remove());

	it('are never folded into a snapshot, and a room holding them still loads after a restart', async () => {
		let test = await startServer(dir.path, { COMPACT_AFTER_UPDATES: '2' });
		const user = await createUser(test);
		const room = `user:${user.id}`;

		// The client's history: "abc" (never sent), then an edit on top of it (sent alone).
		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (u: Uint8Array) => updates.push(u));
		source.getText('t').insert(0, 'abc');
		source.getText('t').insert(3, 'def');
		const [base, dependent] = updates;

		const peer = rawPeer(test, room, user.token);
		await peer.opened;
		peer.ws.send(encodeSyncUpdate(dependent));
		// More updates from another client push the log past the compaction threshold.
		const other = new Y.Doc();
		for (let i = 0; i < 4; i++) {
			other.getMap('m').set(String(i), i);
			peer.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(other)));
		}
		await sleep(200);
		peer.ws.close();
		await peer.closed;
		await test.stop();

		test = await startServer(dir.path, { COMPACT_AFTER_UPDATES: '2' });
		const client = clientPeer(test, room, user.token);
		await synced(client);
		expect(client.doc.getMap('m').get('3')).toBe(3);
		// The missing part arrives: the document completes.
		Y.applyUpdate(client.doc, base);
		Y.applyUpdate(client.doc, dependent);
		await until(() => client.doc.getText('t').toString() === 'abcdef', 5000, 'text');
		const check = clientPeer(test, room, user.token);
		await synced(check);
		await until(() => check.doc.getText('t').toString() === 'abcdef', 5000, 'text on the server');
		for (const d of [client, check]) d.destroy();
		source.destroy();
		other.destroy();
		await test.stop();
	});
});
