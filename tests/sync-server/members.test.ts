import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	api,
	createProgramme,
	createUser,
	rawPeer,
	sleep,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('programme members', () => {
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

	const members = (token: string, id = programmeId) =>
		api(test, 'GET', `/api/programmes/${id}/members`, undefined, token);

	it('shows the members to members only, and when each last synced to coordinators only', async () => {
		const participant = await createUser(test);
		const outsider = await createUser(test);
		await addMember(test, programmeId, coordinator, participant, 'participant');

		const entry = (user: typeof coordinator, role: string) => ({
			userId: user.id,
			name: expect.any(String),
			email: user.email,
			role,
			addedAt: expect.any(String)
		});
		const asParticipant = await members(participant.token);
		expect(asParticipant.status).toBe(200);
		const seen = (await asParticipant.json()).members;
		expect(seen).toEqual(
			expect.arrayContaining([entry(coordinator, 'coordinator'), entry(participant, 'participant')])
		);
		for (const member of seen) expect(Object.keys(member)).not.toContain('lastSyncedAt');

		const asCoordinator = await (await members(coordinator.token)).json();
		expect(asCoordinator.members).toEqual(
			expect.arrayContaining([
				{ ...entry(coordinator, 'coordinator'), lastSyncedAt: null, connected: false },
				{ ...entry(participant, 'participant'), lastSyncedAt: null, connected: false }
			])
		);
		expect((await members(outsider.token)).status).toBe(403);
		expect((await members(outsider.token, 'no-such-programme')).status).toBe(404);
		expect((await members('')).status).toBe(401);
	});

	it('adds existing accounts only, once, and only by a coordinator', async () => {
		const path = `/api/programmes/${programmeId}/members`;
		const mentor = await createUser(test);
		const added = await api(
			test,
			'POST',
			path,
			{ email: mentor.email.toUpperCase(), role: 'mentor' },
			coordinator.token
		);
		expect(added.status).toBe(201);
		expect((await added.json()).member).toMatchObject({
			userId: mentor.id,
			role: 'mentor',
			lastSyncedAt: null,
			connected: false
		});

		const again = await api(test, 'POST', path, { email: mentor.email, role: 'coach' }, coordinator.token);
		expect(again.status).toBe(409);
		const nobody = await api(
			test,
			'POST',
			path,
			{ email: 'nobody@example.org', role: 'coach' },
			coordinator.token
		);
		expect(nobody.status).toBe(404);
		const badRole = await api(test, 'POST', path, { email: mentor.email, role: 'boss' }, coordinator.token);
		expect(badRole.status).toBe(400);
		const other = await createUser(test);
		expect((await api(test, 'POST', path, { email: other.email, role: 'coach' }, mentor.token)).status).toBe(
			403
		);
	});

	it('removes a member: their programme sockets close with 4403, other rooms stay, and they are refused next time', async () => {
		const member = await createUser(test);
		const bystander = await createUser(test);
		await addMember(test, programmeId, coordinator, member, 'participant');
		await addMember(test, programmeId, coordinator, bystander, 'participant');

		const programme = rawPeer(test, `programme:${programmeId}`, member.token);
		const discussion = rawPeer(test, `programme:${programmeId}:discussion`, member.token);
		const personal = rawPeer(test, `user:${member.id}`, member.token);
		const other = rawPeer(test, `programme:${programmeId}`, bystander.token);
		await Promise.all([programme.opened, discussion.opened, personal.opened, other.opened]);

		const path = `/api/programmes/${programmeId}/members/${member.id}`;
		expect((await api(test, 'DELETE', path, undefined, bystander.token)).status).toBe(403);
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(204);
		expect((await programme.closed).code).toBe(CLOSE_CODES.forbidden);
		expect((await discussion.closed).code).toBe(CLOSE_CODES.forbidden);
		await sleep(100);
		expect(personal.ws.readyState).toBe(personal.ws.OPEN);
		expect(other.ws.readyState).toBe(other.ws.OPEN);

		const refused = rawPeer(test, `programme:${programmeId}`, member.token);
		expect((await refused.closed).code).toBe(CLOSE_CODES.forbidden);
		expect(refused.frames).toHaveLength(0);
		expect((await members(member.token)).status).toBe(403);
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(404);

		for (const peer of [personal, other]) {
			peer.ws.close();
			await peer.closed;
		}
	});

	it('never removes the last coordinator', async () => {
		const solo = await createUser(test, 'coordinator');
		const id = await createProgramme(test, solo, 'Solo');
		const self = `/api/programmes/${id}/members/${solo.id}`;
		const refused = await api(test, 'DELETE', self, undefined, solo.token);
		expect(refused.status).toBe(409);
		expect(await refused.json()).toHaveProperty('error');

		const second = await createUser(test, 'coordinator');
		await addMember(test, id, solo, second, 'coordinator');
		expect((await api(test, 'DELETE', self, undefined, second.token)).status).toBe(204);
		const last = await api(
			test,
			'DELETE',
			`/api/programmes/${id}/members/${second.id}`,
			undefined,
			second.token
		);
		expect(last.status).toBe(409);
	});
});
