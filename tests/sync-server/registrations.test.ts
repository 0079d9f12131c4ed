import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrationSchema, RegistrationWindowSchema } from '../../src/lib/domain/mentor-registration.ts';
import { createLogger } from '../../sync-server/log.ts';
import {
	addMember,
	api,
	createProgramme,
	createScheme,
	createUser,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

/** 23:30 UTC on 22 November is already 23 November in Norway (00:30 CET). */
const LATE_EVENING_UTC = Date.parse('2026-11-22T23:30:00Z');

const mentee = {
	side: 'mentee',
	library: '  Loppa bibliotek ',
	sector: 'public',
	yearsAsLeader: 1,
	wantsToWorkOn: 'Å lede et lite bibliotek med mange oppgaver',
	wishes: 'En som kjenner små kommuner',
	wishedMentor: 'Kari Nordmann'
};
const mentor = {
	side: 'mentor',
	library: 'Tromsø bibliotek',
	yearsAsLeader: 12,
	experience: 'Ledet tre bibliotek gjennom omorganisering',
	sectors: ['public', 'school'],
	capacity: 2
};

describe('mentor scheme registration', () => {
	const dir = tempDir();
	const lines: string[] = [];
	let clock = LATE_EVENING_UTC;
	let test: TestServer;
	let coordinator: TestUser;
	let leader: TestUser;
	let experienced: TestUser;
	let outsider: TestUser;
	let schemeId: string;
	const path = (rest = '') => `/api/programmes/${schemeId}${rest}`;

	beforeAll(async () => {
		test = await startServer(
			dir.path,
			{},
			{ now: () => clock, logger: createLogger('debug', (line) => lines.push(line)) }
		);
		coordinator = await createUser(test, 'coordinator');
		leader = await createUser(test);
		experienced = await createUser(test);
		outsider = await createUser(test);
		schemeId = await createScheme(test, coordinator);
		await addMember(test, schemeId, coordinator, leader, 'participant');
		await addMember(test, schemeId, coordinator, experienced, 'mentor');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function setPeriod(opensOn: string | null, closesOn: string | null) {
		const response = await api(test, 'PUT', path('/registration'), { opensOn, closesOn }, coordinator.token);
		expect(response.status).toBe(200);
		return v.parse(RegistrationWindowSchema, await response.json());
	}

	it('opens a new scheme without limits and lets its coordinators set the period (today in Norway)', async () => {
		const first = await api(test, 'GET', path('/registration'), undefined, leader.token);
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ opensOn: null, closesOn: null, open: true });

		// 22 November is over in Norway, though not in UTC.
		expect(await setPeriod(null, '2026-11-22')).toEqual({
			opensOn: null,
			closesOn: '2026-11-22',
			open: false
		});
		expect(await setPeriod('2026-11-23', '2026-11-23')).toEqual({
			opensOn: '2026-11-23',
			closesOn: '2026-11-23',
			open: true
		});
		expect((await setPeriod('2026-11-24', null)).open).toBe(false);
		const seen = await api(test, 'GET', path('/registration'), undefined, experienced.token);
		expect(await seen.json()).toEqual({ opensOn: '2026-11-24', closesOn: null, open: false });

		const byMember = await api(
			test,
			'PUT',
			path('/registration'),
			{ opensOn: null, closesOn: null },
			leader.token
		);
		expect(byMember.status).toBe(403);
		expect((await api(test, 'GET', path('/registration'), undefined, outsider.token)).status).toBe(403);
		expect(
			(await api(test, 'GET', '/api/programmes/nope/registration', undefined, leader.token)).status
		).toBe(404);
		for (const [body, error] of [
			[{ opensOn: '2026-12-01', closesOn: '2026-11-01' }, 'order'],
			[{ opensOn: '1. desember', closesOn: null }, 'opensOn: date'],
			[{ opensOn: null }, 'closesOn: Invalid key: Expected "closesOn" but received undefined']
		] as const) {
			const bad = await api(test, 'PUT', path('/registration'), body, coordinator.token);
			expect(bad.status, JSON.stringify(body)).toBe(400);
			expect(await bad.json()).toEqual({ error });
		}
		await setPeriod(null, null);
	});

	it('refuses registrations outside the period with 409 and takes them inside it', async () => {
		await setPeriod(null, '2026-11-22');
		const closed = await api(test, 'PUT', path('/registrations/me'), mentee, leader.token);
		expect(closed.status).toBe(409);
		expect(await closed.json()).toEqual({ error: 'Registration is closed' });
		await setPeriod('2026-11-24', '2026-12-31');
		expect((await api(test, 'PUT', path('/registrations/me'), mentor, experienced.token)).status).toBe(409);
		const mine = await api(test, 'GET', path('/registrations/me'), undefined, leader.token);
		expect(await mine.json()).toEqual({ registrations: [] });

		await setPeriod('2026-11-23', '2026-11-30');
		const open = await api(test, 'PUT', path('/registrations/me'), mentee, leader.token);
		expect(open.status).toBe(200);
		await setPeriod(null, null);
	});

	it('answers 400 naming the field for every bad registration, and stores nothing', async () => {
		const cases: [Record<string, unknown>, string][] = [
			[{ ...mentee, side: 'boss' }, 'side: side'],
			[{ ...mentee, library: '   ' }, 'library: required'],
			[{ ...mentee, library: 'x'.repeat(201) }, 'library: tooLong'],
			[{ ...mentee, sector: 'fjord' }, 'sector: sector'],
			[{ ...mentee, yearsAsLeader: -1 }, 'yearsAsLeader: years'],
			[{ ...mentee, yearsAsLeader: 2.5 }, 'yearsAsLeader: years'],
			[{ ...mentee, wantsToWorkOn: '' }, 'wantsToWorkOn: required'],
			[{ ...mentee, wishedMentor: 'x'.repeat(121) }, 'wishedMentor: tooLong'],
			[{ ...mentor, experience: '' }, 'experience: required'],
			[{ ...mentor, sectors: [] }, 'sectors: sectors'],
			[{ ...mentor, sectors: ['public', 'public'] }, 'sectors: sectors'],
			[{ ...mentor, sectors: ['public', 'museum'] }, 'sectors.1: sector'],
			[{ ...mentor, capacity: 0 }, 'capacity: capacity'],
			[{ ...mentor, capacity: 6 }, 'capacity: capacity']
		];
		for (const [body, error] of cases) {
			const response = await api(test, 'PUT', path('/registrations/me'), body, experienced.token);
			expect(response.status, error).toBe(400);
			expect(await response.json(), error).toEqual({ error });
		}
		const notJson = await api(test, 'PUT', path('/registrations/me'), '{side:', experienced.token);
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toEqual({ error: 'The body must be JSON' });
		const mine = await api(test, 'GET', path('/registrations/me'), undefined, experienced.token);
		expect(await mine.json()).toEqual({ registrations: [] });
	});

	it('keeps one registration per side, replaces it, and withdraws one side', async () => {
		clock = LATE_EVENING_UTC + 1000;
		const first = await api(test, 'PUT', path('/registrations/me'), mentor, experienced.token);
		expect(first.status).toBe(200);
		const { registration } = (await first.json()) as { registration: unknown };
		expect(v.parse(RegistrationSchema, registration)).toEqual({
			programmeId: schemeId,
			userId: experienced.id,
			name: expect.stringMatching(/^User \d+$/),
			details: mentor,
			registeredAt: new Date(clock).toISOString(),
			updatedAt: new Date(clock).toISOString()
		});

		clock += 60_000;
		const changed = await api(
			test,
			'PUT',
			path('/registrations/me'),
			{ ...mentor, capacity: 3 },
			experienced.token
		);
		const again = v.parse(
			RegistrationSchema,
			((await changed.json()) as { registration: unknown }).registration
		);
		expect(again.details).toMatchObject({ side: 'mentor', capacity: 3 });
		expect(again.registeredAt).toBe(new Date(LATE_EVENING_UTC + 1000).toISOString());
		expect(again.updatedAt).toBe(new Date(clock).toISOString());

		// Also as a mentee in the same round: two registrations, one per side.
		expect((await api(test, 'PUT', path('/registrations/me'), mentee, experienced.token)).status).toBe(200);
		const mine = await api(test, 'GET', path('/registrations/me'), undefined, experienced.token);
		const { registrations } = (await mine.json()) as { registrations: unknown[] };
		const parsed = registrations.map((r) => v.parse(RegistrationSchema, r));
		expect(parsed.map((r) => r.details.side)).toEqual(['mentee', 'mentor']);
		expect(parsed[0].details).toMatchObject({ library: 'Loppa bibliotek', wishedMentor: 'Kari Nordmann' });

		const withdraw = (side: string) =>
			api(test, 'DELETE', path(`/registrations/me/${side}`), undefined, experienced.token);
		expect((await withdraw('mentee')).status).toBe(204);
		expect((await withdraw('mentee')).status).toBe(404);
		expect((await withdraw('coach')).status).toBe(404);
		const left = await api(test, 'GET', path('/registrations/me'), undefined, experienced.token);
		const sides = ((await left.json()) as { registrations: { details: { side: string } }[] }).registrations;
		expect(sides.map((r) => r.details.side)).toEqual(['mentor']);
	});

	it('shows every registration to the coordinators only, with names and never e-mails', async () => {
		expect((await api(test, 'PUT', path('/registrations/me'), mentee, leader.token)).status).toBe(200);
		expect((await api(test, 'PUT', path('/registrations/me'), mentor, experienced.token)).status).toBe(200);

		expect((await api(test, 'GET', path('/registrations'), undefined, leader.token)).status).toBe(403);
		expect((await api(test, 'GET', path('/registrations'), undefined, outsider.token)).status).toBe(403);
		expect((await api(test, 'PUT', path('/registrations/me'), mentee, outsider.token)).status).toBe(403);
		expect((await api(test, 'GET', path('/registrations/me'), undefined, outsider.token)).status).toBe(403);

		const all = await api(test, 'GET', path('/registrations'), undefined, coordinator.token);
		expect(all.status).toBe(200);
		const text = await all.text();
		for (const user of [leader, experienced, coordinator]) expect(text).not.toContain(user.email);
		expect(text).not.toContain('@');
		const { registrations } = JSON.parse(text) as { registrations: unknown[] };
		const parsed = registrations.map((r) => v.parse(RegistrationSchema, r));
		expect(parsed.map((r) => [r.userId, r.details.side]).sort()).toEqual(
			[
				[leader.id, 'mentee'],
				[experienced.id, 'mentor']
			].sort()
		);
		for (const registration of parsed)
			expect(Object.keys(registration).sort()).toEqual([
				'details',
				'name',
				'programmeId',
				'registeredAt',
				'updatedAt',
				'userId'
			]);
	});

	it('takes no registrations and no period for a programme that is not a mentor scheme', async () => {
		const programmeId = await createProgramme(test, coordinator, 'Lederprogram');
		await addMember(test, programmeId, coordinator, leader, 'participant');
		const register = await api(
			test,
			'PUT',
			`/api/programmes/${programmeId}/registrations/me`,
			mentee,
			leader.token
		);
		expect(register.status).toBe(409);
		expect(await register.json()).toEqual({ error: 'This programme is not a mentor scheme' });
		const period = await api(
			test,
			'PUT',
			`/api/programmes/${programmeId}/registration`,
			{ opensOn: null, closesOn: null },
			coordinator.token
		);
		expect(period.status).toBe(409);
	});

	it('drops the registrations of a member removed from the scheme', async () => {
		const leaving = await createUser(test);
		await addMember(test, schemeId, coordinator, leaving, 'participant');
		expect((await api(test, 'PUT', path('/registrations/me'), mentee, leaving.token)).status).toBe(200);
		const removed = await api(test, 'DELETE', path(`/members/${leaving.id}`), undefined, coordinator.token);
		expect(removed.status).toBe(204);
		const all = await api(test, 'GET', path('/registrations'), undefined, coordinator.token);
		const { registrations } = (await all.json()) as { registrations: { userId: string }[] };
		expect(registrations.map((r) => r.userId)).not.toContain(leaving.id);
		await addMember(test, schemeId, coordinator, leaving, 'participant');
		const mine = await api(test, 'GET', path('/registrations/me'), undefined, leaving.token);
		expect(await mine.json()).toEqual({ registrations: [] });
	});

	it('logs ids and sides, never what anyone wrote', () => {
		const logged = lines.join('\n');
		expect(logged).toContain('registration saved');
		for (const words of ['Loppa', 'Tromsø', 'omorganisering', 'Kari Nordmann', 'små kommuner']) {
			expect(logged).not.toContain(words);
		}
	});
});
