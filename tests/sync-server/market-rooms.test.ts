import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_AUTH } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	clientPeer,
	createProgramme,
	createUser,
	roomOpens,
	startServer,
	synced,
	tempDir,
	until,
	type ClientPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

/** The idea market of a seminar and its themes (programme:<id>:ideas:<key>, programme:<id>:themes:<key>). */
describe('idea market rooms', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let first: TestUser;
	let second: TestUser;
	let outsider: TestUser;
	let programmeId: string;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator);
		first = await createUser(test);
		second = await createUser(test);
		outsider = await createUser(test);
		await addMember(test, programmeId, coordinator, first, 'participant');
		await addMember(test, programmeId, coordinator, second, 'coach');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	/** What is stored: a fresh client once the room has unloaded. */
	async function stored(room: string, user: TestUser): Promise<Record<string, unknown>> {
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'rooms unloaded');
		const check = clientPeer(test, room, user.token, new Y.Doc());
		try {
			await synced(check);
			return check.doc.getMap('items').toJSON();
		} finally {
			check.destroy();
		}
	}

	function denials(peer: ClientPeer): string[] {
		const denied: string[] = [];
		peer.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
			decoding.readVarUint(decoder);
			denied.push(decoding.readVarString(decoder));
		};
		return denied;
	}

	it('lets every member of the programme write the ideas room', async () => {
		const room = `programme:${programmeId}:ideas:seminar_2-a`;
		const a = clientPeer(test, room, first.token);
		const b = clientPeer(test, room, second.token);
		const denied = denials(a);
		try {
			await Promise.all([synced(a), synced(b)]);
			a.doc.getMap('items').set('idea-1', 'Lånere finner ikke fram');
			b.doc.getMap('items').set('idea-2', 'For få frivillige');
			await until(() => b.doc.getMap('items').has('idea-1'), 5000, 'B to receive A’s idea');
			await until(() => a.doc.getMap('items').has('idea-2'), 5000, 'A to receive B’s idea');
		} finally {
			a.destroy();
			b.destroy();
		}
		expect(denied).toEqual([]);
		expect(Object.keys(await stored(room, coordinator)).sort()).toEqual(['idea-1', 'idea-2']);
	});

	it('lets coordinators write the themes room and other members only read it', async () => {
		const room = `programme:${programmeId}:themes:seminar-2`;
		const facilitator = clientPeer(test, room, coordinator.token);
		const reader = clientPeer(test, room, first.token);
		const denied = denials(reader);
		try {
			await Promise.all([synced(facilitator), synced(reader)]);
			reader.doc.getMap('items').set('sneaky', 'my own theme');
			facilitator.doc.getMap('items').set('theme-1', 'Frivillighet');
			await until(() => reader.doc.getMap('items').has('theme-1'), 5000, 'the reader to receive the theme');
			await until(() => denied.length > 0, 5000, 'permission denied');
			expect(facilitator.doc.getMap('items').has('sneaky')).toBe(false);
		} finally {
			facilitator.destroy();
			reader.destroy();
		}
		expect(await stored(room, first)).toEqual({ 'theme-1': 'Frivillighet' });
	});

	it('refuses non-members (4403) and keys outside [A-Za-z0-9_-]{1,64} (4404)', async () => {
		for (const kind of ['ideas', 'themes']) {
			expect(await roomOpens(test, `programme:${programmeId}:${kind}:e1`, outsider.token)).toBe(
				CLOSE_CODES.forbidden
			);
			expect(await roomOpens(test, `programme:no-such:${kind}:e1`, first.token)).toBe(CLOSE_CODES.forbidden);
			for (const key of ['', 'a b', 'x'.repeat(65), 'a:b', 'æ']) {
				expect(await roomOpens(test, `programme:${programmeId}:${kind}:${key}`, first.token), key).toBe(
					CLOSE_CODES.unknownRoom
				);
			}
		}
		expect(await roomOpens(test, `programme:${programmeId}:ideas:${'x'.repeat(64)}`, first.token)).toBe(
			'open'
		);
	});
});
