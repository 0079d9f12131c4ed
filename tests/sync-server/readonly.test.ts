import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	encodeAck,
	MESSAGE_ACK,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	readAckId
} from '../../src/lib/sync/protocol.ts';
import type { RoomDecision, RoomUser } from '../../sync-server/rooms/authorize.ts';
import {
	clientPeer,
	createUser,
	synced,
	tempDir,
	until,
	startServer,
	type TestServer,
	type TestUser
} from './helpers.ts';

// A room policy with a shared room: its owner writes, everyone else reads.
let ownerId = '';
function authorize(room: string, user: RoomUser): RoomDecision {
	if (room === 'shared:1') return { ok: true, access: user.id === ownerId ? 'write' : 'read' };
	return { ok: false, code: 'unknownRoom' };
}

describe('read-only connections', () => {
	const dir = tempDir();
	let test: TestServer;
	let owner: TestUser;
	let reader: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path, {}, { authorize });
		owner = await createUser(test);
		reader = await createUser(test);
		ownerId = owner.id;
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('drops their updates, says permission denied once, and keeps them receiving', async () => {
		const writer = clientPeer(test, 'shared:1', owner.token);
		const readOnly = clientPeer(test, 'shared:1', reader.token);
		const denied: string[] = [];
		readOnly.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
			decoding.readVarUint(decoder);
			denied.push(decoding.readVarString(decoder));
		};
		try {
			await Promise.all([synced(writer), synced(readOnly)]);
			readOnly.doc.getMap('m').set('sneaky', 1);
			readOnly.doc.getMap('m').set('sneakier', 2);
			writer.doc.getMap('m').set('real', 'yes');
			await until(() => readOnly.doc.getMap('m').get('real') === 'yes', 5000, 'the reader to receive');
			await until(() => denied.length > 0, 5000, 'permission denied');
			expect(denied).toEqual(['permission denied']);
			expect(writer.doc.getMap('m').has('sneaky')).toBe(false);
			expect(readOnly.provider.wsconnected).toBe(true);
		} finally {
			writer.destroy();
			readOnly.destroy();
		}

		// Nothing of the reader's reached storage.
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'room unloaded');
		const check = clientPeer(test, 'shared:1', owner.token, new Y.Doc());
		try {
			await synced(check);
			expect(check.doc.getMap('m').toJSON()).toEqual({ real: 'yes' });
		} finally {
			check.destroy();
		}
	});

	it('never confirms as stored what it dropped: acks stop after a denied update', async () => {
		const readOnly = clientPeer(test, 'shared:1', reader.token);
		const acks: number[] = [];
		readOnly.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
			acks.push(readAckId(decoder));
		};
		readOnly.provider.messageHandlers[MESSAGE_AUTH] = () => {};
		const ask = (id: number) => readOnly.provider.ws?.send(encodeAck(id) as Uint8Array<ArrayBuffer>);
		try {
			await synced(readOnly);
			ask(1);
			await until(() => acks.includes(1), 5000, 'the first ack');
			readOnly.doc.getMap('m').set('dropped', true);
			ask(2);
			ask(3);
			// A frame after them that is answered shows the server has handled both requests.
			const pong = new Promise<void>((resolve) => {
				readOnly.provider.messageHandlers[MESSAGE_QUERY_AWARENESS] = () => resolve();
				readOnly.provider.messageHandlers[MESSAGE_AWARENESS] = () => resolve();
			});
			readOnly.provider.ws?.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
			await pong;
			expect(acks).toEqual([1]);
		} finally {
			readOnly.destroy();
		}
	});
});
