import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	api,
	createProgramme,
	createUser,
	startServer,
	tempDir,
	type TestServer
} from './helpers.ts';

describe('programmes API', () => {
	const dir = tempDir();
	let test: TestServer;

	beforeAll(async () => {
		test = await startServer(dir.path);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('lets a coordinator account create a programme and makes it its coordinator', async () => {
		const coordinator = await createUser(test, 'coordinator');
		const created = await api(test, 'POST', '/api/programmes', { name: ' Kull 2026 ' }, coordinator.token);
		expect(created.status).toBe(201);
		const { id } = await created.json();
		expect(typeof id).toBe('string');

		const mentors = await api(
			test,
			'POST',
			'/api/programmes',
			{ name: 'Mentorordning', kind: 'mentor-scheme' },
			coordinator.token
		);
		expect(mentors.status).toBe(201);
		const mentorsId = (await mentors.json()).id;

		const mine = await api(test, 'GET', '/api/programmes', undefined, coordinator.token);
		expect(mine.status).toBe(200);
		expect(await mine.json()).toEqual({
			programmes: [
				{ id, name: 'Kull 2026', kind: 'programme', role: 'coordinator' },
				{ id: mentorsId, name: 'Mentorordning', kind: 'mentor-scheme', role: 'coordinator' }
			]
		});
	});

	it('refuses participant accounts with 403 and signed-out callers with 401', async () => {
		const participant = await createUser(test, 'participant');
		const refused = await api(test, 'POST', '/api/programmes', { name: 'Mine' }, participant.token);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toHaveProperty('error');
		expect((await api(test, 'POST', '/api/programmes', { name: 'Mine' })).status).toBe(401);
		expect((await api(test, 'GET', '/api/programmes')).status).toBe(401);
	});

	it('answers 400 for a bad body', async () => {
		const coordinator = await createUser(test, 'coordinator');
		for (const body of [
			{},
			{ name: '' },
			{ name: 'x'.repeat(101) },
			{ name: 'Ok', kind: 'club' },
			'not json'
		]) {
			const response = await api(test, 'POST', '/api/programmes', body, coordinator.token);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(await response.json()).toHaveProperty('error');
		}
	});

	it('lists only the caller’s own memberships, with their role', async () => {
		const coordinator = await createUser(test, 'coordinator');
		const coach = await createUser(test, 'participant');
		const outsider = await createUser(test, 'participant');
		const id = await createProgramme(test, coordinator, 'Kull B');
		await createProgramme(test, coordinator, 'Kull C');
		await addMember(test, id, coordinator, coach, 'coach');

		const coachList = await api(test, 'GET', '/api/programmes', undefined, coach.token);
		expect(await coachList.json()).toEqual({
			programmes: [{ id, name: 'Kull B', kind: 'programme', role: 'coach' }]
		});
		const outsiderList = await api(test, 'GET', '/api/programmes', undefined, outsider.token);
		expect(await outsiderList.json()).toEqual({ programmes: [] });
	});
});
