import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addMember,
	api,
	createProgramme,
	createUser,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('anonymous surveys', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let coach: TestUser;
	let outsider: TestUser;
	const participants: TestUser[] = [];
	let programmeId: string;
	const path = (survey = 'competence') => `/api/programmes/${programmeId}/surveys/${survey}`;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator);
		coach = await createUser(test);
		outsider = await createUser(test);
		await addMember(test, programmeId, coordinator, coach, 'coach');
		for (let i = 0; i < 5; i++) {
			const participant = await createUser(test);
			await addMember(test, programmeId, coordinator, participant, 'participant');
			participants.push(participant);
		}
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	const answer = (user: TestUser, ratings: unknown) =>
		api(test, 'PUT', `${path()}/answer`, { ratings }, user.token);
	const aggregate = async () => (await api(test, 'GET', path(), undefined, coordinator.token)).json();

	it('hides the aggregate below five answers, then shows only counts and means', async () => {
		for (let i = 0; i < 4; i++)
			expect((await answer(participants[i], { facilitation: 2, rhetoric: 4 })).status).toBe(204);
		// Answering again replaces the earlier answer: still four answers.
		expect((await answer(participants[0], { facilitation: 4, rhetoric: 4 })).status).toBe(204);
		expect(await aggregate()).toEqual({ answers: 4, minimum: 5, items: null });

		expect((await answer(participants[4], { facilitation: 5 })).status).toBe(204);
		const shown = await aggregate();
		expect(shown.answers).toBe(5);
		expect(shown.items.facilitation).toEqual({ count: 5, mean: 3, distribution: [0, 3, 0, 1, 1] });
		expect(shown.items.rhetoric).toEqual({ count: 4, mean: 4, distribution: [0, 0, 0, 4, 0] });
		expect(JSON.stringify(shown)).not.toContain(participants[0].id);
	});

	it('lets a participant read and take back their own answer', async () => {
		const mine = await api(test, 'GET', `${path()}/answer`, undefined, participants[4].token);
		expect(mine.status).toBe(200);
		expect((await mine.json()).ratings).toEqual({ facilitation: 5 });
		expect((await api(test, 'DELETE', `${path()}/answer`, undefined, participants[4].token)).status).toBe(
			204
		);
		expect((await api(test, 'GET', `${path()}/answer`, undefined, participants[4].token)).status).toBe(404);
		expect(await aggregate()).toEqual({ answers: 4, minimum: 5, items: null });
	});

	it('refuses bad answers and everyone but participants (answers) and coordinators (aggregate)', async () => {
		for (const bad of [{}, { facilitation: 6 }, { facilitation: 2.5 }, { 'Bad Key': 3 }, 'x']) {
			expect((await answer(participants[1], bad)).status).toBe(400);
		}
		expect((await answer(coach, { facilitation: 3 })).status).toBe(403);
		expect((await answer(outsider, { facilitation: 3 })).status).toBe(403);
		expect((await answer(coordinator, { facilitation: 3 })).status).toBe(403);
		expect((await api(test, 'GET', path(), undefined, participants[0].token)).status).toBe(403);
		expect((await api(test, 'GET', path(), undefined, coach.token)).status).toBe(403);
		expect((await api(test, 'GET', path('Bad!'), undefined, coordinator.token)).status).toBe(404);
		expect(
			(await api(test, 'GET', `/api/programmes/nope/surveys/competence`, undefined, coordinator.token)).status
		).toBe(404);
		expect((await api(test, 'GET', path(), undefined, '')).status).toBe(401);
	});
});
