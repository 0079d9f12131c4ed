import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	api,
	clientPeer,
	createGroup,
	createProgramme,
	createUser,
	rawPeer,
	roomOpens,
	sleep,
	startServer,
	synced,
	tempDir,
	until,
	type RawPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('group rooms', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let programmeId: string;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function participants(count: number): Promise<TestUser[]> {
		const users: TestUser[] = [];
		for (let i = 0; i < count; i++) {
			const user = await createUser(test);
			await addMember(test, programmeId, coordinator, user, 'participant');
			users.push(user);
		}
		return users;
	}

	/** A raw socket that the server has greeted (so it was let in). */
	async function joined(room: string, user: TestUser): Promise<RawPeer> {
		const peer = rawPeer(test, room, user.token);
		await until(() => peer.frames.length > 0, 5000, `${room} greeting`);
		return peer;
	}

	async function closeAll(...peers: RawPeer[]): Promise<void> {
		for (const peer of peers) {
			peer.ws.close();
			await peer.closed;
		}
	}

	it('lets the members write and refuses everyone else with 4403, coordinators included', async () => {
		const [a, b, other] = await participants(3);
		const groupId = await createGroup(test, programmeId, coordinator, [a, b]);
		const room = `group:${groupId}`;

		const one = clientPeer(test, room, a.token);
		const two = clientPeer(test, room, b.token);
		try {
			await Promise.all([synced(one), synced(two)]);
			one.doc.getMap('pages').set('p1', { title: 'Møte 1' });
			await until(() => two.doc.getMap('pages').has('p1'), 5000, 'B to receive A’s page');
		} finally {
			one.destroy();
			two.destroy();
		}

		expect(await roomOpens(test, room, other.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, room, coordinator.token)).toBe(CLOSE_CODES.forbidden);
		const stranger = await createUser(test, 'coordinator');
		expect(await roomOpens(test, room, stranger.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, 'group:no-such-group', a.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, `group:${groupId}:extra`, a.token)).toBe(CLOSE_CODES.unknownRoom);
	});

	it('closes the socket of a member removed by PUT with 4403 and refuses them afterwards', async () => {
		const [a, b] = await participants(2);
		const groupId = await createGroup(test, programmeId, coordinator, [a, b]);
		const room = `group:${groupId}`;
		const removed = await joined(room, a);
		const stays = await joined(room, b);
		const elsewhere = await joined(`programme:${programmeId}:discussion`, a);

		const put = await api(
			test,
			'PUT',
			`/api/groups/${groupId}/members`,
			{ memberIds: [b.id] },
			coordinator.token
		);
		expect(put.status).toBe(200);
		expect((await removed.closed).code).toBe(CLOSE_CODES.forbidden);
		await sleep(100);
		expect(stays.ws.readyState).toBe(stays.ws.OPEN);
		expect(elsewhere.ws.readyState).toBe(elsewhere.ws.OPEN);
		expect(await roomOpens(test, room, a.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, room, b.token)).toBe('open');
		await closeAll(stays, elsewhere);
	});

	it('closes the group, ideas, themes and programme sockets of a member removed from the programme', async () => {
		const [leaver, stays] = await participants(2);
		const groupId = await createGroup(test, programmeId, coordinator, [leaver, stays]);
		const rooms = [
			`group:${groupId}`,
			`programme:${programmeId}`,
			`programme:${programmeId}:discussion`,
			`programme:${programmeId}:ideas:event-1`,
			`programme:${programmeId}:themes:event-1`
		];
		const sockets = await Promise.all(rooms.map((room) => joined(room, leaver)));
		const own = await joined(`user:${leaver.id}`, leaver);
		const other = await joined(`group:${groupId}`, stays);

		const path = `/api/programmes/${programmeId}/members/${leaver.id}`;
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(204);
		for (const [index, socket] of sockets.entries()) {
			expect((await socket.closed).code, rooms[index]).toBe(CLOSE_CODES.forbidden);
		}
		await sleep(100);
		expect(own.ws.readyState).toBe(own.ws.OPEN);
		expect(other.ws.readyState).toBe(other.ws.OPEN);
		for (const room of rooms)
			expect(await roomOpens(test, room, leaver.token), room).toBe(CLOSE_CODES.forbidden);
		await closeAll(own, other);
	});

	it('closes every socket of a deleted group', async () => {
		const [a, b] = await participants(2);
		const groupId = await createGroup(test, programmeId, coordinator, [a, b]);
		const other = await createGroup(test, programmeId, coordinator, [a]);
		const sockets = [await joined(`group:${groupId}`, a), await joined(`group:${groupId}`, b)];
		const kept = await joined(`group:${other}`, a);

		expect((await api(test, 'DELETE', `/api/groups/${groupId}`, undefined, coordinator.token)).status).toBe(
			204
		);
		for (const socket of sockets) expect((await socket.closed).code).toBe(CLOSE_CODES.forbidden);
		await sleep(100);
		expect(kept.ws.readyState).toBe(kept.ws.OPEN);
		expect(await roomOpens(test, `group:${groupId}`, a.token)).toBe(CLOSE_CODES.forbidden);
		await closeAll(kept);
	});
});
