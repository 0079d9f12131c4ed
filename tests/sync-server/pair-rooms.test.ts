import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import { hashPassword } from '../../sync-server/auth/passwords.ts';
import {
	addMember,
	api,
	clientPeer,
	createPair,
	createScheme,
	createUser,
	login,
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

describe('pair rooms', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let schemeId: string;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		schemeId = await createScheme(test, coordinator);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function member(role: 'participant' | 'mentor'): Promise<TestUser> {
		const user = await createUser(test);
		await addMember(test, schemeId, coordinator, user, role);
		return user;
	}

	/** A mentor, a mentee and their pair. */
	async function pair(): Promise<{ mentor: TestUser; mentee: TestUser; id: string; room: string }> {
		const mentor = await member('mentor');
		const mentee = await member('participant');
		const id = await createPair(test, schemeId, coordinator, mentor, mentee);
		return { mentor, mentee, id, room: `pair:${id}` };
	}

	/** A guest account (as made by accepting a room invite), signed in. */
	async function guest(): Promise<string> {
		const email = `guest-${Math.random().toString(36).slice(2)}@example.org`;
		const password = 'guest password 1';
		test.server.auth.accounts.create({
			email,
			name: 'Gjest',
			role: 'participant',
			guest: true,
			passwordHash: await hashPassword(password)
		});
		return (await login(test, email, password)).token;
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

	it('lets only the two open pair:<id>, writing both ways; the coordinator, another member and a guest get 4403', async () => {
		const { mentor, mentee, id, room } = await pair();
		const other = await member('participant');
		const otherMentor = await member('mentor');

		const one = clientPeer(test, room, mentor.token);
		const two = clientPeer(test, room, mentee.token);
		try {
			await Promise.all([synced(one), synced(two)]);
			one.doc.getText('agreement:goals').insert(0, 'Trygghet i budsjettarbeid');
			await until(
				() => two.doc.getText('agreement:goals').toString() === 'Trygghet i budsjettarbeid',
				5000,
				'the mentee to see the mentor’s goals'
			);
			two.doc.getMap('signatures').set(mentee.id, { userId: mentee.id, side: 'mentee' });
			await until(() => one.doc.getMap('signatures').has(mentee.id), 5000, 'the mentor to see the signature');
		} finally {
			one.destroy();
			two.destroy();
		}

		expect(await roomOpens(test, room, coordinator.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, room, other.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, room, otherMentor.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, room, await guest())).toBe(CLOSE_CODES.forbidden);
		const stranger = await createUser(test, 'coordinator');
		expect(await roomOpens(test, room, stranger.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, 'pair:no-such-pair', mentor.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, `pair:${id}:extra`, mentor.token)).toBe(CLOSE_CODES.unknownRoom);
	});

	it('DELETE /api/pairs/:id closes both open sockets with 4403 and refuses them afterwards', async () => {
		const ending = await pair();
		const staying = await pair();
		const sockets = [await joined(ending.room, ending.mentor), await joined(ending.room, ending.mentee)];
		const kept = await joined(staying.room, staying.mentor);
		const own = await joined(`user:${ending.mentor.id}`, ending.mentor);

		const deleted = await api(test, 'DELETE', `/api/pairs/${ending.id}`, undefined, coordinator.token);
		expect(deleted.status).toBe(204);
		for (const socket of sockets) expect((await socket.closed).code).toBe(CLOSE_CODES.forbidden);
		await sleep(100);
		expect(kept.ws.readyState).toBe(kept.ws.OPEN);
		expect(own.ws.readyState).toBe(own.ws.OPEN);
		expect(await roomOpens(test, ending.room, ending.mentor.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, ending.room, ending.mentee.token)).toBe(CLOSE_CODES.forbidden);
		expect(await roomOpens(test, staying.room, staying.mentee.token)).toBe('open');
		await closeAll(kept, own);
	});

	it('removing one of the two from the scheme ends the pair and closes both sockets', async () => {
		const { mentor, mentee, id, room } = await pair();
		const second = await member('participant');
		const otherPair = await createPair(test, schemeId, coordinator, mentor, second);
		const sockets = [await joined(room, mentor), await joined(room, mentee)];
		const kept = await joined(`pair:${otherPair}`, mentor);

		const removed = await api(
			test,
			'DELETE',
			`/api/programmes/${schemeId}/members/${mentee.id}`,
			undefined,
			coordinator.token
		);
		expect(removed.status).toBe(204);
		for (const socket of sockets) expect((await socket.closed).code).toBe(CLOSE_CODES.forbidden);
		await sleep(100);
		expect(kept.ws.readyState).toBe(kept.ws.OPEN);

		const response = await api(test, 'GET', `/api/pairs/${id}`, undefined, mentor.token);
		const { pair: ended } = (await response.json()) as { pair: { endedAt: string | null } };
		expect(ended.endedAt).not.toBeNull();
		expect(await roomOpens(test, room, mentor.token)).toBe(CLOSE_CODES.forbidden);
		// Back in the scheme, the ended pair stays closed.
		await addMember(test, schemeId, coordinator, mentee, 'participant');
		expect(await roomOpens(test, room, mentee.token)).toBe(CLOSE_CODES.forbidden);
		await closeAll(kept);
	});
});
