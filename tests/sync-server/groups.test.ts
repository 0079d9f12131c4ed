import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	api,
	createGroup,
	createProgramme,
	createUser,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

interface Group {
	id: string;
	programmeId: string;
	programmeName: string;
	name: string;
	createdAt: string;
	members: { userId: string; name: string }[];
}

describe('groups API', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let programmeId: string;
	const participants: TestUser[] = [];
	let outsider: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator, 'Kull Ø');
		for (let i = 0; i < 4; i++) {
			const participant = await createUser(test);
			await addMember(test, programmeId, coordinator, participant, 'participant');
			participants.push(participant);
		}
		outsider = await createUser(test);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	const groupsPath = (id = programmeId) => `/api/programmes/${id}/groups`;
	const getGroup = async (id: string, token: string) => {
		const response = await api(test, 'GET', `/api/groups/${id}`, undefined, token);
		return { status: response.status, body: (await response.json()) as { group: Group; error?: string } };
	};
	const nameOf = (id: string) => test.server.auth.accounts.findById(id)!.name;
	const collator = new Intl.Collator('nb', { sensitivity: 'base' });

	it('creates a group: 201 {id}, the name trimmed, duplicates ignored, members sorted by name, no e-mails', async () => {
		const [a, b, c] = participants;
		const memberIds = [c.id, a.id, b.id, a.id];
		const response = await api(
			test,
			'POST',
			groupsPath(),
			{ name: '  Bergen  ', memberIds },
			coordinator.token
		);
		expect(response.status).toBe(201);
		const created = await response.json();
		expect(Object.keys(created)).toEqual(['id']);

		const { status, body } = await getGroup(created.id, coordinator.token);
		expect(status).toBe(200);
		const names = [a, b, c].map((u) => nameOf(u.id)).sort(collator.compare);
		expect(body.group).toEqual({
			id: created.id,
			programmeId,
			programmeName: 'Kull Ø',
			name: 'Bergen',
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			members: names.map((name) => ({ userId: expect.any(String), name }))
		});
		expect(new Set(body.group.members.map((m) => m.userId))).toEqual(new Set([a.id, b.id, c.id]));
		expect(JSON.stringify(body)).not.toContain('@example.org');

		const empty = await api(test, 'POST', groupsPath(), { name: 'Tom', memberIds: [] }, coordinator.token);
		expect(empty.status).toBe(201);
	});

	it('refuses bad bodies with 400 and a message, naming accounts outside the programme', async () => {
		const bad = async (body: unknown) => {
			const response = await api(test, 'POST', groupsPath(), body, coordinator.token);
			expect(response.status, JSON.stringify(body)).toBe(400);
			return ((await response.json()) as { error: string }).error;
		};
		const ids = [participants[0].id];
		expect(await bad({ name: '   ', memberIds: ids })).toBe('Name is required');
		expect(await bad({ name: 'x'.repeat(121), memberIds: ids })).toMatch(/too long/);
		expect(await bad({ memberIds: ids })).toMatch(/name/);
		expect(await bad({ name: 'A' })).toMatch(/memberIds/);
		expect(await bad({ name: 'A', memberIds: 'everyone' })).toMatch(/memberIds/);
		expect(await bad({ name: 'A', memberIds: [42] })).toMatch(/memberIds/);
		const tooMany = Array.from({ length: 201 }, (_, i) => `id-${i}`);
		expect(await bad({ name: 'A', memberIds: tooMany })).toMatch(/at most 200/);
		expect(await bad('not json')).toBe('The body must be JSON');
		const unknown = await bad({ name: 'A', memberIds: [participants[0].id, outsider.id, 'nobody'] });
		expect(unknown).toContain(outsider.id);
		expect(unknown).toContain('nobody');
		expect(unknown).not.toContain(participants[0].id);
		// 200 is allowed (the length rule, not the membership rule, is what 201 broke).
		const max = Array.from({ length: 200 }, (_, i) => `id-${i}`);
		expect(await bad({ name: 'A', memberIds: max })).toMatch(/^Not members of the programme/);
	});

	it('lets only the programme coordinators create groups; unknown programme 404; no token 401', async () => {
		const body = { name: 'A', memberIds: [] };
		expect((await api(test, 'POST', groupsPath(), body, participants[0].token)).status).toBe(403);
		expect((await api(test, 'POST', groupsPath(), body, outsider.token)).status).toBe(403);
		expect((await api(test, 'POST', groupsPath('no-such'), body, coordinator.token)).status).toBe(404);
		expect((await api(test, 'POST', groupsPath(), body)).status).toBe(401);
	});

	it('lists all groups to coordinators, their own to members, and mine across programmes', async () => {
		const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createUser(test)));
		for (const user of [a, b, c, d]) await addMember(test, programmeId, coordinator, user, 'participant');
		const ab = await createGroup(test, programmeId, coordinator, [a, b], 'AB');
		const cd = await createGroup(test, programmeId, coordinator, [c, d], 'CD');
		const otherCoordinator = await createUser(test, 'coordinator');
		const otherProgramme = await createProgramme(test, otherCoordinator, 'Kull 2');
		await addMember(test, otherProgramme, otherCoordinator, a, 'participant');
		const elsewhere = await createGroup(test, otherProgramme, otherCoordinator, [a], 'Andre');

		const list = async (path: string, token: string) => {
			const response = await api(test, 'GET', path, undefined, token);
			expect(response.status, path).toBe(200);
			return ((await response.json()) as { groups: Group[] }).groups.map((g) => g.id);
		};
		const all = await list(groupsPath(), coordinator.token);
		expect(all).toEqual(expect.arrayContaining([ab, cd]));
		expect(all).not.toContain(elsewhere);
		expect(await list(groupsPath(), a.token)).toEqual([ab]);
		expect(await list(groupsPath(), c.token)).toEqual([cd]);
		expect(new Set(await list('/api/groups', a.token))).toEqual(new Set([ab, elsewhere]));
		expect(await list('/api/groups', coordinator.token)).toEqual([]);
		expect((await api(test, 'GET', groupsPath(), undefined, outsider.token)).status).toBe(403);
		expect((await api(test, 'GET', groupsPath('no-such'), undefined, a.token)).status).toBe(404);
		expect((await api(test, 'GET', '/api/groups')).status).toBe(401);

		// One group: its members and the programme's coordinators; not other members, not other coordinators.
		expect((await getGroup(ab, a.token)).status).toBe(200);
		expect((await getGroup(ab, coordinator.token)).status).toBe(200);
		expect((await getGroup(ab, c.token)).status).toBe(403);
		expect((await getGroup(ab, otherCoordinator.token)).status).toBe(403);
		expect((await getGroup('no-such', coordinator.token)).status).toBe(404);
	});

	it('replaces the members with PUT, renames with PATCH and deletes, for coordinators only', async () => {
		const [a, b, c] = participants;
		const id = await createGroup(test, programmeId, coordinator, [a, b], 'Før');
		const members = `/api/groups/${id}/members`;

		expect((await api(test, 'PUT', members, { memberIds: [c.id] }, a.token)).status).toBe(403);
		const wrong = await api(test, 'PUT', members, { memberIds: [c.id, outsider.id] }, coordinator.token);
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error).toContain(outsider.id);
		expect((await getGroup(id, coordinator.token)).body.group.members).toHaveLength(2);
		expect((await api(test, 'PUT', members, { memberIds: 'x' }, coordinator.token)).status).toBe(400);
		expect(
			(await api(test, 'PUT', '/api/groups/no-such/members', { memberIds: [] }, coordinator.token)).status
		).toBe(404);

		const put = await api(test, 'PUT', members, { memberIds: [b.id, c.id, c.id] }, coordinator.token);
		expect(put.status).toBe(200);
		const { group } = (await put.json()) as { group: Group };
		expect(new Set(group.members.map((m) => m.userId))).toEqual(new Set([b.id, c.id]));
		expect((await getGroup(id, a.token)).status).toBe(403);
		expect((await getGroup(id, c.token)).status).toBe(200);

		const path = `/api/groups/${id}`;
		expect((await api(test, 'PATCH', path, { name: 'Etter' }, b.token)).status).toBe(403);
		expect((await api(test, 'PATCH', path, { name: ' ' }, coordinator.token)).status).toBe(400);
		const renamed = await api(test, 'PATCH', path, { name: ' Etter ' }, coordinator.token);
		expect(renamed.status).toBe(200);
		expect(((await renamed.json()) as { group: Group }).group).toMatchObject({ id, name: 'Etter' });
		expect((await api(test, 'PATCH', '/api/groups/no-such', { name: 'X' }, coordinator.token)).status).toBe(
			404
		);

		expect((await api(test, 'DELETE', path, undefined, b.token)).status).toBe(403);
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(204);
		expect((await getGroup(id, coordinator.token)).status).toBe(404);
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(404);
	});

	it('takes a member removed from the programme out of its groups', async () => {
		const leaver = await createUser(test);
		await addMember(test, programmeId, coordinator, leaver, 'participant');
		const id = await createGroup(test, programmeId, coordinator, [leaver, participants[0]], 'Leaving');
		const removed = await api(
			test,
			'DELETE',
			`/api/programmes/${programmeId}/members/${leaver.id}`,
			undefined,
			coordinator.token
		);
		expect(removed.status).toBe(204);
		const { body } = await getGroup(id, coordinator.token);
		expect(body.group.members.map((m) => m.userId)).toEqual([participants[0].id]);
		const mine = await api(test, 'GET', '/api/groups', undefined, leaver.token);
		expect(((await mine.json()) as { groups: Group[] }).groups).toEqual([]);
		// Coming back does not bring the old groups back.
		await addMember(test, programmeId, coordinator, leaver, 'participant');
		expect((await getGroup(id, leaver.token)).status).toBe(403);
	});
});
