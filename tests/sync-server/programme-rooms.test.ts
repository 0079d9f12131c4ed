import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_AUTH } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	clientPeer,
	createProgramme,
	createUser,
	rawPeer,
	sleep,
	startServer,
	synced,
	tempDir,
	until,
	type ClientPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

const ROLES = ['coordinator', 'participant', 'coach', 'mentor'] as const;
type Role = (typeof ROLES)[number];

describe('programme rooms', () => {
	const dir = tempDir();
	let test: TestServer;
	let programmeId: string;
	const users = {} as Record<Role | 'outsider', TestUser>;

	beforeAll(async () => {
		test = await startServer(dir.path);
		users.coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, users.coordinator);
		for (const role of ['participant', 'coach', 'mentor'] as const) {
			users[role] = await createUser(test);
			await addMember(test, programmeId, users.coordinator, users[role], role);
		}
		users.outsider = await createUser(test, 'coordinator');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function opens(room: string, user: TestUser): Promise<number | 'open'> {
		const peer = rawPeer(test, room, user.token);
		const result = await Promise.race([peer.opened.then(() => 'opened' as const), peer.closed]);
		if (result !== 'opened') return result.code;
		// A refused socket opens too, then closes at once: wait for the first frame or the close.
		const settled = await Promise.race([
			until(() => peer.frames.length > 0).then(() => 'open' as const),
			peer.closed
		]);
		peer.ws.close();
		await peer.closed;
		return settled === 'open' ? 'open' : settled.code;
	}

	it('opens or refuses every room for every role as the policy says', async () => {
		const other = users.participant.id;
		for (const role of [...ROLES, 'outsider'] as const) {
			const user = users[role];
			const member = role !== 'outsider';
			expect(await opens(`user:${user.id}`, user), `${role} own room`).toBe('open');
			if (user.id !== other) {
				expect(await opens(`user:${other}`, user), `${role} other user room`).toBe(CLOSE_CODES.forbidden);
			}
			const expected = member ? 'open' : CLOSE_CODES.forbidden;
			expect(await opens(`programme:${programmeId}`, user), `${role} programme`).toBe(expected);
			expect(await opens(`programme:${programmeId}:discussion`, user), `${role} discussion`).toBe(expected);
			expect(await opens('programme:no-such-programme', user), `${role} unknown`).toBe(CLOSE_CODES.forbidden);
			expect(await opens(`programme:${programmeId}:notes`, user), `${role} bad shape`).toBe(
				CLOSE_CODES.unknownRoom
			);
		}
	});

	function join(role: Role, room: string): ClientPeer & { denied: string[] } {
		const peer = clientPeer(test, room, users[role].token);
		const denied: string[] = [];
		peer.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
			decoding.readVarUint(decoder);
			denied.push(decoding.readVarString(decoder));
		};
		return Object.assign(peer, { denied });
	}

	it('stores and relays only the coordinator’s updates to the programme room; readers still receive', async () => {
		const room = `programme:${programmeId}`;
		const peers = Object.fromEntries(ROLES.map((role) => [role, join(role, room)])) as Record<
			Role,
			ReturnType<typeof join>
		>;
		try {
			await Promise.all(ROLES.map((role) => synced(peers[role])));
			for (const role of ['participant', 'coach', 'mentor'] as const)
				peers[role].doc.getMap('m').set(role, 1);
			peers.coordinator.doc.getMap('m').set('plan', 'week 1');
			for (const role of ['participant', 'coach', 'mentor'] as const) {
				await until(() => peers[role].doc.getMap('m').get('plan') === 'week 1', 5000, `${role} receives`);
				await until(() => peers[role].denied.length > 0, 5000, `${role} told`);
				expect(peers[role].denied).toEqual(['permission denied']);
				expect(peers[role].provider.wsconnected).toBe(true);
			}
			expect(peers.coordinator.denied).toEqual([]);
			expect(peers.coordinator.doc.getMap('m').toJSON()).toEqual({ plan: 'week 1' });
			expect(peers.participant.doc.getMap('m').has('coach')).toBe(false);
		} finally {
			for (const role of ROLES) peers[role].destroy();
		}

		// After a restart, the stored document holds the coordinator's change only.
		await test.stop();
		test = await startServer(dir.path);
		const check = join('participant', room);
		try {
			await synced(check);
			expect(check.doc.getMap('m').toJSON()).toEqual({ plan: 'week 1' });
			await sleep(100);
			expect(check.denied).toEqual([]); // connecting as a reader is not a write
		} finally {
			check.destroy();
		}
	});

	it('accepts every member’s writes to the discussion room', async () => {
		const room = `programme:${programmeId}:discussion`;
		const peers = ROLES.map((role) => join(role, room));
		try {
			await Promise.all(peers.map(synced));
			ROLES.forEach((role, i) => peers[i].doc.getMap('posts').set(role, `hei fra ${role}`));
			for (const peer of peers) {
				await until(() => peer.doc.getMap('posts').size === ROLES.length, 5000, 'every post everywhere');
				expect(peer.denied).toEqual([]);
			}
		} finally {
			for (const peer of peers) peer.destroy();
		}
		await until(() => test.server.endpoint.rooms.size === 0, 5000, 'room unloaded');
		const check = clientPeer(test, room, users.mentor.token, new Y.Doc());
		try {
			await synced(check);
			expect(Object.keys(check.doc.getMap('posts').toJSON()).sort()).toEqual([...ROLES].sort());
		} finally {
			check.destroy();
		}
	});
});
