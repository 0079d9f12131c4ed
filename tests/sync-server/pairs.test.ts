import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoordinatorPairSchema, PairSchema } from '../../src/lib/domain/pair.ts';
import { createLogger } from '../../sync-server/log.ts';
import {
	addMember,
	api,
	createPair,
	createProgramme,
	createScheme,
	createUser,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('mentor pairs API', () => {
	const dir = tempDir();
	const lines: string[] = [];
	let clock = Date.now();
	let test: TestServer;
	let coordinator: TestUser;
	let schemeId: string;

	beforeAll(async () => {
		test = await startServer(
			dir.path,
			{},
			{ now: () => clock, logger: createLogger('debug', (line) => lines.push(line)) }
		);
		coordinator = await createUser(test, 'coordinator');
		schemeId = await createScheme(test, coordinator);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function member(
		role: 'participant' | 'mentor' = 'participant',
		scheme = schemeId
	): Promise<TestUser> {
		const user = await createUser(test);
		await addMember(test, scheme, coordinator, user, role);
		return user;
	}

	const post = (body: unknown, token = coordinator.token, scheme = schemeId) =>
		api(test, 'POST', `/api/programmes/${scheme}/pairs`, body, token);

	async function coordinatorPairs(token = coordinator.token) {
		const response = await api(test, 'GET', `/api/programmes/${schemeId}/pairs`, undefined, token);
		expect(response.status).toBe(200);
		const { pairs } = (await response.json()) as { pairs: unknown[] };
		return pairs.map((pair) => v.parse(CoordinatorPairSchema, pair));
	}

	it('matches two members of the scheme: 201 {id}, without registrations and past capacity', async () => {
		const mentor = await member('mentor');
		const [first, second] = [await member(), await member()];
		// A capacity of one, which the coordinator may override.
		const registered = await api(
			test,
			'PUT',
			`/api/programmes/${schemeId}/registrations/me`,
			{
				side: 'mentor',
				library: 'Bodø',
				yearsAsLeader: 9,
				experience: 'Mye',
				sectors: ['public'],
				capacity: 1
			},
			mentor.token
		);
		expect(registered.status).toBe(200);

		const created = await post({ mentorId: mentor.id, menteeId: first.id });
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as { id: string };
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect((await post({ mentorId: mentor.id, menteeId: second.id })).status).toBe(201);

		const listed = await coordinatorPairs();
		const pair = listed.find((p) => p.id === id)!;
		expect(pair).toMatchObject({
			programmeId: schemeId,
			programmeName: 'Mentorordning 2026',
			mentor: { userId: mentor.id },
			mentee: { userId: first.id },
			endedAt: null,
			meetings: [],
			reportedAt: null
		});
	});

	it('refuses bad pairs: 400 body, same account, non-members named; 403; 404; 409', async () => {
		const mentor = await member('mentor');
		const mentee = await member();
		const outsider = await createUser(test);

		for (const [body, error] of [
			[{ mentorId: mentor.id }, 'Invalid key: Expected "menteeId" but received undefined'],
			[{ mentorId: mentor.id, menteeId: 7 }, 'menteeId must be an account id'],
			[{ mentorId: '', menteeId: mentee.id }, 'mentorId must be an account id'],
			[
				{ mentorId: mentor.id, menteeId: mentor.id },
				'The mentor and the mentee must be two different accounts'
			],
			[
				{ mentorId: outsider.id, menteeId: 'no-such-account' },
				`Not members of the scheme: ${outsider.id}, no-such-account`
			],
			[{ mentorId: mentor.id, menteeId: outsider.id }, `Not members of the scheme: ${outsider.id}`]
		] as const) {
			const response = await post(body);
			expect(response.status, error).toBe(400);
			expect(await response.json()).toEqual({ error });
		}
		const notJson = await post('{mentorId');
		expect(notJson.status).toBe(400);

		const body = { mentorId: mentor.id, menteeId: mentee.id };
		expect((await post(body, mentor.token)).status).toBe(403);
		expect((await post(body, outsider.token)).status).toBe(403);
		expect((await post(body, coordinator.token, 'no-such-scheme')).status).toBe(404);

		const programmeId = await createProgramme(test, coordinator, 'Lederprogram');
		await addMember(test, programmeId, coordinator, mentor, 'mentor');
		await addMember(test, programmeId, coordinator, mentee, 'participant');
		const plain = await post(body, coordinator.token, programmeId);
		expect(plain.status).toBe(409);
		expect(await plain.json()).toEqual({ error: 'This programme is not a mentor scheme' });

		expect((await post(body)).status).toBe(201);
		const twice = await post(body);
		expect(twice.status).toBe(409);
		expect(await twice.json()).toEqual({ error: 'These two already are an active pair' });
		expect((await post({ mentorId: mentee.id, menteeId: mentor.id })).status).toBe(409);
	});

	it('lists my pairs across schemes, active and ended, and shows a pair to its two and the coordinators only', async () => {
		const mentor = await member('mentor');
		const [mentee, other] = [await member(), await member()];
		const otherScheme = await createScheme(test, coordinator, 'Mentorordning 2027');
		await addMember(test, otherScheme, coordinator, mentor, 'mentor');
		await addMember(test, otherScheme, coordinator, other, 'participant');
		const ended = await createPair(test, schemeId, coordinator, mentor, mentee);
		clock += 1000;
		const active = await createPair(test, otherScheme, coordinator, mentor, other);
		expect((await api(test, 'DELETE', `/api/pairs/${ended}`, undefined, coordinator.token)).status).toBe(204);

		const mine = await api(test, 'GET', '/api/pairs', undefined, mentor.token);
		const text = await mine.text();
		expect(text).not.toContain('@');
		const pairs = (JSON.parse(text) as { pairs: unknown[] }).pairs.map((p) => v.parse(PairSchema, p));
		expect(pairs.map((p) => [p.id, p.programmeName, p.endedAt === null])).toEqual([
			[ended, 'Mentorordning 2026', false],
			[active, 'Mentorordning 2027', true]
		]);
		const menteeSees = await api(test, 'GET', '/api/pairs', undefined, mentee.token);
		expect(((await menteeSees.json()) as { pairs: { id: string }[] }).pairs.map((p) => p.id)).toEqual([
			ended
		]);
		const nobody = await api(test, 'GET', '/api/pairs', undefined, coordinator.token);
		expect(await nobody.json()).toEqual({ pairs: [] });

		for (const user of [mentor, other, coordinator]) {
			const response = await api(test, 'GET', `/api/pairs/${active}`, undefined, user.token);
			expect(response.status).toBe(200);
			const { pair } = (await response.json()) as { pair: unknown };
			expect(v.parse(PairSchema, pair)).toMatchObject({
				id: active,
				mentor: { userId: mentor.id },
				mentee: { userId: other.id }
			});
			expect(Object.keys(pair as object)).not.toContain('meetings');
		}
		for (const user of [mentee, await member()]) {
			expect((await api(test, 'GET', `/api/pairs/${active}`, undefined, user.token)).status).toBe(403);
		}
		expect((await api(test, 'GET', '/api/pairs/no-such-pair', undefined, mentor.token)).status).toBe(404);
	});

	it('ends a pair for its scheme’s coordinators only: 204, and 204 again', async () => {
		const mentor = await member('mentor');
		const mentee = await member();
		const id = await createPair(test, schemeId, coordinator, mentor, mentee);
		const strange = await createUser(test, 'coordinator');
		await createScheme(test, strange);
		for (const user of [mentor, mentee, strange]) {
			expect((await api(test, 'DELETE', `/api/pairs/${id}`, undefined, user.token)).status).toBe(403);
		}
		expect((await api(test, 'DELETE', '/api/pairs/no-such-pair', undefined, coordinator.token)).status).toBe(
			404
		);
		clock += 1000;
		expect((await api(test, 'DELETE', `/api/pairs/${id}`, undefined, coordinator.token)).status).toBe(204);
		const endedAt = new Date(clock).toISOString();
		clock += 1000;
		expect((await api(test, 'DELETE', `/api/pairs/${id}`, undefined, coordinator.token)).status).toBe(204);
		const { pair } = (await (await api(test, 'GET', `/api/pairs/${id}`, undefined, mentee.token)).json()) as {
			pair: { endedAt: string };
		};
		expect(pair.endedAt).toBe(endedAt);
		// The same two may be matched again.
		expect((await post({ mentorId: mentor.id, menteeId: mentee.id })).status).toBe(201);
	});

	it('takes meeting reports from the two while active; the coordinator sees only the last dates', async () => {
		const mentor = await member('mentor');
		const mentee = await member();
		const other = await member();
		const id = await createPair(test, schemeId, coordinator, mentor, mentee);
		const report = (body: unknown, user: TestUser) =>
			api(test, 'PUT', `/api/pairs/${id}/meetings`, body, user.token);
		const first = {
			meetings: [
				{ date: '2026-09-01', held: true },
				{ date: '2026-10-01', held: false }
			]
		};

		expect((await report(first, coordinator)).status).toBe(403);
		expect((await report(first, other)).status).toBe(403);
		expect((await api(test, 'PUT', '/api/pairs/nope/meetings', first, mentee.token)).status).toBe(404);
		for (const [body, error] of [
			[{ meetings: [{ date: '1. september', held: true }] }, 'meetings.0.date: date'],
			[{ meetings: [{ date: '2026-09-01', held: 'yes' }] }, expect.stringMatching(/^meetings\.0\.held: /)],
			[
				{ meetings: Array.from({ length: 201 }, () => ({ date: '2026-09-01', held: false })) },
				expect.any(String)
			],
			[{}, expect.stringMatching(/^meetings: /)]
		] as const) {
			const response = await report(body, mentor);
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({ error });
		}
		expect((await coordinatorPairs()).find((p) => p.id === id)).toMatchObject({
			meetings: [],
			reportedAt: null
		});

		clock += 1000;
		expect((await report(first, mentee)).status).toBe(204);
		const seen = (await coordinatorPairs()).find((p) => p.id === id)!;
		expect(seen.meetings).toEqual(first.meetings);
		expect(seen.reportedAt).toBe(new Date(clock).toISOString());

		clock += 1000;
		const second = { meetings: [{ date: '2026-09-02', held: true, notes: 'Vi snakket om budsjettet' }] };
		expect((await report(second, mentor)).status).toBe(204);
		const response = await api(
			test,
			'GET',
			`/api/programmes/${schemeId}/pairs`,
			undefined,
			coordinator.token
		);
		const text = await response.text();
		expect(text).not.toContain('budsjettet');
		expect(text).not.toContain('@');
		const replaced = (JSON.parse(text) as { pairs: { id: string }[] }).pairs.find((p) => p.id === id)!;
		expect(replaced).toMatchObject({
			meetings: [{ date: '2026-09-02', held: true }],
			reportedAt: new Date(clock).toISOString()
		});
		expect(Object.keys(replaced).sort()).toEqual(
			[
				'createdAt',
				'endedAt',
				'id',
				'meetings',
				'mentee',
				'mentor',
				'programmeId',
				'programmeName',
				'reportedAt'
			].sort()
		);

		expect(
			(await api(test, 'GET', `/api/programmes/${schemeId}/pairs`, undefined, mentor.token)).status
		).toBe(403);
		expect((await api(test, 'DELETE', `/api/pairs/${id}`, undefined, coordinator.token)).status).toBe(204);
		const afterEnd = await report(first, mentee);
		expect(afterEnd.status).toBe(409);
		expect(await afterEnd.json()).toEqual({ error: 'The pair has ended' });
		expect((await coordinatorPairs()).find((p) => p.id === id)!.meetings).toEqual([
			{ date: '2026-09-02', held: true }
		]);
		expect(lines.join('\n')).not.toContain('2026-09-02');
	});
});
