import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	api,
	clientPeer,
	createProgramme,
	createUser,
	rawPeer,
	sleep,
	startServer,
	synced,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

interface ListedMember {
	userId: string;
	lastSyncedAt: number | null;
	connected: boolean;
}

/** Every membership row as stored, read from the file the server writes. */
function storedRows(dataDir: string) {
	const db = new Database(join(dataDir, 'lederlogg.sqlite'), { readonly: true });
	try {
		return db
			.prepare('SELECT programme_id, user_id, last_synced_at FROM memberships ORDER BY programme_id, user_id')
			.all();
	} finally {
		db.close();
	}
}

describe('when each member last synced', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let participant: TestUser;
	let programmeId: string;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		participant = await createUser(test);
		programmeId = await createProgramme(test, coordinator);
		await addMember(test, programmeId, coordinator, participant, 'participant');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	const member = async (userId: string): Promise<ListedMember> => {
		const response = await api(
			test,
			'GET',
			`/api/programmes/${programmeId}/members`,
			undefined,
			coordinator.token
		);
		expect(response.status).toBe(200);
		const { members } = (await response.json()) as { members: ListedMember[] };
		return members.find((m) => m.userId === userId)!;
	};

	/** The member once `check` holds: a close reaches the server a moment after the client closes. */
	const memberOnce = async (userId: string, check: (m: ListedMember) => boolean): Promise<ListedMember> => {
		const deadline = Date.now() + 5000;
		for (;;) {
			const listed = await member(userId);
			if (check(listed) || Date.now() > deadline) return listed;
			await sleep(20);
		}
	};

	it('says never and not connected for a member who has not synced', async () => {
		expect(await member(participant.id)).toMatchObject({ lastSyncedAt: null, connected: false });
		expect(await member(coordinator.id)).toMatchObject({ lastSyncedAt: null, connected: false });
	});

	it('records the socket opening, shows it connected, and records it again when it closes', async () => {
		const before = Date.now();
		const peer = clientPeer(test, `programme:${programmeId}`, participant.token);
		await synced(peer);
		const open = await member(participant.id);
		expect(open.connected).toBe(true);
		expect(open.lastSyncedAt).toBeGreaterThanOrEqual(before);
		expect(open.lastSyncedAt).toBeLessThanOrEqual(Date.now());

		await sleep(20);
		const closing = Date.now();
		peer.destroy();
		const closed = await memberOnce(participant.id, (m) => !m.connected);
		expect(closed.connected).toBe(false);
		expect(closed.lastSyncedAt).toBeGreaterThanOrEqual(closing);
		expect(closed.lastSyncedAt).toBeGreaterThan(open.lastSyncedAt!);
	});

	it('counts the discussion room too, and not the personal room', async () => {
		const coordinatorBefore = (await member(coordinator.id)).lastSyncedAt;
		const personal = clientPeer(test, `user:${coordinator.id}`, coordinator.token);
		await synced(personal);
		expect(await member(coordinator.id)).toMatchObject({ lastSyncedAt: coordinatorBefore, connected: false });

		const before = Date.now();
		const discussion = clientPeer(test, `programme:${programmeId}:discussion`, coordinator.token);
		await synced(discussion);
		const listed = await member(coordinator.id);
		expect(listed.connected).toBe(true);
		expect(listed.lastSyncedAt).toBeGreaterThanOrEqual(before);
		discussion.destroy();
		personal.destroy();
		expect((await memberOnce(coordinator.id, (m) => !m.connected)).connected).toBe(false);
	});

	it('never changes anything for a non-member or an unknown programme', async () => {
		const outsider = await createUser(test);
		const rowsBefore = storedRows(dir.path);
		const listedBefore = await api(
			test,
			'GET',
			`/api/programmes/${programmeId}/members`,
			undefined,
			coordinator.token
		);

		for (const room of [
			`programme:${programmeId}`,
			`programme:${programmeId}:discussion`,
			'programme:nope'
		]) {
			const refused = rawPeer(test, room, outsider.token);
			expect((await refused.closed).code).toBe(CLOSE_CODES.forbidden);
		}
		// A member with a bad token is refused before authorisation completes: no record either.
		const badToken = rawPeer(test, `programme:${programmeId}`, 'not-a-token');
		expect((await badToken.closed).code).toBe(CLOSE_CODES.unauthorized);

		expect(storedRows(dir.path)).toEqual(rowsBefore);
		const listedAfter = await api(
			test,
			'GET',
			`/api/programmes/${programmeId}/members`,
			undefined,
			coordinator.token
		);
		expect(await listedAfter.json()).toEqual(await listedBefore.json());
	});

	it('keeps the time across a restart, and records a socket still open at shutdown', async () => {
		const peer = clientPeer(test, `programme:${programmeId}`, participant.token);
		await synced(peer);
		await sleep(20);
		const stopping = Date.now();
		await test.stop();
		peer.destroy();
		const stored = storedRows(dir.path) as { user_id: string; last_synced_at: number | null }[];
		const atStop = stored.find((row) => row.user_id === participant.id)!.last_synced_at;
		expect(atStop).toBeGreaterThanOrEqual(stopping);

		test = await startServer(dir.path);
		expect(await member(participant.id)).toMatchObject({ lastSyncedAt: atStop, connected: false });
	});
});
