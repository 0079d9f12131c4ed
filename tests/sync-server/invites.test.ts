import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	api,
	createProgramme,
	createUser,
	login,
	rawPeer,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('invites', () => {
	const dir = tempDir();
	let test: TestServer;
	let clock = Date.now();
	let coordinator: TestUser;
	let programmeId: string;

	beforeAll(async () => {
		test = await startServer(dir.path, {}, { now: () => clock });
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator, 'Kull 2026');
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function invite(body: { email: string; name: string; role: string }) {
		const response = await api(
			test,
			'POST',
			`/api/programmes/${programmeId}/invites`,
			body,
			coordinator.token
		);
		expect(response.status).toBe(201);
		return (await response.json()) as { code: string; url: string };
	}

	async function expectRefused(room: string, token: string, code: number) {
		const peer = rawPeer(test, room, token);
		expect((await peer.closed).code).toBe(code);
	}

	it('invites, shows the invite, accepts it once, and the new account can sign in and sync', async () => {
		const { code, url } = await invite({ email: 'Ola@Example.org', name: 'Ola', role: 'participant' });
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
		expect(url).toBe(`${test.url}/join/${code}`);

		const shown = await api(test, 'GET', `/api/invites/${code.toLowerCase()}`);
		expect(shown.status).toBe(200);
		expect(await shown.json()).toEqual({
			programme: { id: programmeId, name: 'Kull 2026' },
			email: 'ola@example.org',
			name: 'Ola',
			role: 'participant',
			expiresAt: new Date(clock + 14 * DAY_MS).toISOString()
		});

		const accepted = await api(test, 'POST', `/api/invites/${code}/accept`, {
			name: 'Ola Nordmann',
			password: 'long enough'
		});
		expect(accepted.status).toBe(200);
		const grant = await accepted.json();
		expect(Object.keys(grant).sort()).toEqual(['expiresAt', 'token', 'user']);
		expect(grant.user).toEqual({
			id: expect.any(String),
			name: 'Ola Nordmann',
			email: 'ola@example.org',
			role: 'participant',
			guest: false
		});

		const { token } = await login(test, 'ola@example.org', 'long enough');
		const mine = await api(test, 'GET', '/api/programmes', undefined, token);
		expect((await mine.json()).programmes).toEqual([
			{ id: programmeId, name: 'Kull 2026', kind: 'programme', role: 'participant' }
		]);
		for (const room of [
			`user:${grant.user.id}`,
			`programme:${programmeId}`,
			`programme:${programmeId}:discussion`
		]) {
			const peer = rawPeer(test, room, grant.token);
			await peer.opened;
			peer.ws.close();
			await peer.closed;
		}

		const reused = await api(test, 'POST', `/api/invites/${code}/accept`, {
			name: 'Eve',
			password: 'long enough'
		});
		expect(reused.status).toBe(410);
		expect(await reused.json()).toHaveProperty('error');
		expect((await api(test, 'GET', `/api/invites/${code}`)).status).toBe(410);
	});

	it('makes a coordinator account from a coordinator invite', async () => {
		const { code } = await invite({ email: 'kari@example.org', name: 'Kari', role: 'coordinator' });
		const accepted = await api(test, 'POST', `/api/invites/${code}/accept`, {
			name: 'Kari',
			password: 'long enough'
		});
		const grant = await accepted.json();
		expect(grant.user.role).toBe('coordinator');
		const peer = rawPeer(test, `programme:${programmeId}`, grant.token);
		await peer.opened;
		peer.ws.close();
		await peer.closed;
	});

	it('answers 410 for an expired invite', async () => {
		const { code } = await invite({ email: 'late@example.org', name: 'Late', role: 'coach' });
		clock += 14 * DAY_MS + 1;
		try {
			expect((await api(test, 'GET', `/api/invites/${code}`)).status).toBe(410);
			const late = await api(test, 'POST', `/api/invites/${code}/accept`, {
				name: 'Late',
				password: 'long enough'
			});
			expect(late.status).toBe(410);
		} finally {
			clock -= 14 * DAY_MS + 1;
		}
		const listed = await api(
			test,
			'GET',
			`/api/programmes/${programmeId}/invites`,
			undefined,
			coordinator.token
		);
		const invites = (await listed.json()).invites as { code: string; status: string }[];
		expect(invites.find((i) => i.code === code)?.status).toBe('pending');
	});

	it('revokes an invite: 204, then 410, and the list shows every status', async () => {
		const { code } = await invite({ email: 'gone@example.org', name: 'Gone', role: 'mentor' });
		const path = `/api/programmes/${programmeId}/invites/${code}`;
		expect((await api(test, 'DELETE', path, undefined, coordinator.token)).status).toBe(204);
		expect((await api(test, 'GET', `/api/invites/${code}`)).status).toBe(410);
		const accept = await api(test, 'POST', `/api/invites/${code}/accept`, {
			name: 'Gone',
			password: 'long enough'
		});
		expect(accept.status).toBe(410);

		const listed = await api(
			test,
			'GET',
			`/api/programmes/${programmeId}/invites`,
			undefined,
			coordinator.token
		);
		expect(listed.status).toBe(200);
		const statuses = new Set(((await listed.json()).invites as { status: string }[]).map((i) => i.status));
		expect(statuses).toEqual(new Set(['used', 'revoked', 'pending']));
	});

	it('answers 404 for an unknown code and 400 for a bad body', async () => {
		expect((await api(test, 'GET', '/api/invites/AAAAAAAAAA')).status).toBe(404);
		const unknown = await api(test, 'POST', '/api/invites/AAAAAAAAAA/accept', {
			name: 'X',
			password: 'long enough'
		});
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toHaveProperty('error');

		const { code } = await invite({ email: 'bad@example.org', name: 'Bad', role: 'participant' });
		for (const body of [
			{},
			{ name: 'X', password: 'short' },
			{ name: '', password: 'long enough' },
			'nope'
		]) {
			const response = await api(test, 'POST', `/api/invites/${code}/accept`, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
		}
		const path = `/api/programmes/${programmeId}/invites`;
		for (const body of [
			{ email: 'x@example.org', name: 'X', role: 'admin' },
			{ email: 'nope', name: 'X', role: 'coach' },
			{ email: 'x@example.org', name: '', role: 'coach' }
		]) {
			expect((await api(test, 'POST', path, body, coordinator.token)).status, JSON.stringify(body)).toBe(400);
		}
	});

	it('lets only coordinators of the programme invite, list and revoke', async () => {
		const otherCoordinator = await createUser(test, 'coordinator');
		const body = { email: 'x@example.org', name: 'X', role: 'participant' };
		const path = `/api/programmes/${programmeId}/invites`;
		expect((await api(test, 'POST', path, body, otherCoordinator.token)).status).toBe(403);
		expect((await api(test, 'GET', path, undefined, otherCoordinator.token)).status).toBe(403);
		const { code } = await invite(body);
		expect((await api(test, 'DELETE', `${path}/${code}`, undefined, otherCoordinator.token)).status).toBe(
			403
		);
		expect((await api(test, 'POST', '/api/programmes/nope/invites', body, coordinator.token)).status).toBe(
			404
		);
		expect((await api(test, 'POST', path, body)).status).toBe(401);
	});

	it('sends an existing account to sign in (409), then accepts with its Bearer token', async () => {
		const existing = await createUser(test, 'participant');
		const { code } = await invite({ email: existing.email, name: 'Existing', role: 'coach' });
		const asNew = await api(test, 'POST', `/api/invites/${code}/accept`, {
			name: 'Again',
			password: 'long enough'
		});
		expect(asNew.status).toBe(409);
		expect((await asNew.json()).error).toMatch(/sign in/i);

		const stranger = await createUser(test, 'participant');
		const wrong = await api(test, 'POST', `/api/invites/${code}/accept`, undefined, stranger.token);
		expect(wrong.status).toBe(403);

		await expectRefused(`programme:${programmeId}`, existing.token, CLOSE_CODES.forbidden);
		const accepted = await api(test, 'POST', `/api/invites/${code}/accept`, undefined, existing.token);
		expect(accepted.status).toBe(200);
		const grant = await accepted.json();
		expect(grant.user).toEqual({
			id: existing.id,
			name: expect.any(String),
			email: existing.email,
			role: 'participant',
			guest: false
		});
		const mine = await api(test, 'GET', '/api/programmes', undefined, grant.token);
		expect((await mine.json()).programmes).toEqual([
			{ id: programmeId, name: 'Kull 2026', kind: 'programme', role: 'coach' }
		]);
		expect((await api(test, 'POST', `/api/invites/${code}/accept`, undefined, existing.token)).status).toBe(
			410
		);
	});
});

describe('invite links behind a reverse proxy', () => {
	const dir = tempDir();
	let test: TestServer;

	beforeAll(async () => {
		test = await startServer(dir.path, { TRUST_PROXY: 'true', INVITE_TTL_DAYS: '3' });
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('builds the join link from X-Forwarded-Proto and the Host, and expires after INVITE_TTL_DAYS', async () => {
		const coordinator = await createUser(test, 'coordinator');
		const programmeId = await createProgramme(test, coordinator);
		const before = Date.now();
		const response = await fetch(`${test.url}/api/programmes/${programmeId}/invites`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${coordinator.token}`,
				'x-forwarded-proto': 'https',
				'x-forwarded-host': 'lederlogg.example.org'
			},
			body: JSON.stringify({ email: 'a@example.org', name: 'A', role: 'participant' })
		});
		expect(response.status).toBe(201);
		const { code, url } = await response.json();
		expect(url).toBe(`https://lederlogg.example.org/join/${code}`);
		const { expiresAt } = await (await api(test, 'GET', `/api/invites/${code}`)).json();
		expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(3 * DAY_MS - 1000);
		expect(Date.parse(expiresAt) - before).toBeLessThan(3 * DAY_MS + 5000);
	});
});
