import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_AUTH } from '../../src/lib/sync/protocol.ts';
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
});
