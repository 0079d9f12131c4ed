import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createUser, startServer, tempDir, type TestServer } from './helpers.ts';

describe('auth API', () => {
	const dir = tempDir();
	let test: TestServer;

	beforeAll(async () => {
		test = await startServer(dir.path);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('answers health with security headers', async () => {
		const response = await api(test, 'GET', '/api/health');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true });
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('runs first-time setup once', async () => {
		expect(await (await api(test, 'GET', '/api/setup')).json()).toEqual({ needed: true });

		const invalid = await api(test, 'POST', '/api/setup', { email: 'nope', password: 'short', name: '' });
		expect(invalid.status).toBe(400);
		expect(await invalid.json()).toHaveProperty('error');

		const body = { email: ' Coord@Example.org ', password: 'long enough', name: 'Kari' };
		const created = await api(test, 'POST', '/api/setup', body);
		expect(created.status).toBe(201);
		const grant = await created.json();
		expect(grant.user).toMatchObject({ email: 'coord@example.org', name: 'Kari', role: 'coordinator' });
		expect(typeof grant.token).toBe('string');
		expect(Date.parse(grant.expiresAt)).toBeGreaterThan(Date.now());

		expect(await (await api(test, 'GET', '/api/setup')).json()).toEqual({ needed: false });
		const again = await api(test, 'POST', '/api/setup', { ...body, email: 'other@example.org' });
		expect(again.status).toBe(409);
		expect(await again.json()).toHaveProperty('error');
	});

	it('signs in with the right password only, with one message for both failures', async () => {
		const user = await createUser(test);
		const ok = await api(test, 'POST', '/api/auth/login', {
			email: user.email.toUpperCase(),
			password: user.password
		});
		expect(ok.status).toBe(200);
		const grant = await ok.json();
		expect(grant.user).toEqual({
			id: user.id,
			name: expect.any(String),
			email: user.email,
			role: 'participant',
			guest: false
		});
		expect(Object.keys(grant).sort()).toEqual(['expiresAt', 'token', 'user']);

		const wrong = await api(test, 'POST', '/api/auth/login', {
			email: user.email,
			password: 'wrong password'
		});
		const unknown = await api(test, 'POST', '/api/auth/login', {
			email: 'nobody@example.org',
			password: 'x'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(await wrong.json()).toEqual(await unknown.json());
	});

	it('rejects malformed bodies with 400 JSON', async () => {
		for (const body of ['not json', '{"email": 1}', '[]', '{"email":"a@b.no"}']) {
			const response = await api(test, 'POST', '/api/auth/login', body);
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toContain('application/json');
			expect(typeof (await response.json()).error).toBe('string');
		}
	});

	it('refreshes, tells who is signed in, and logs out for good', async () => {
		const user = await createUser(test);
		const me = await api(test, 'GET', '/api/auth/me', undefined, user.token);
		expect(me.status).toBe(200);
		expect((await me.json()).user.id).toBe(user.id);

		const refreshed = await api(test, 'POST', '/api/auth/refresh', undefined, user.token);
		expect(refreshed.status).toBe(200);
		const grant = await refreshed.json();
		expect(grant.user.id).toBe(user.id);
		expect((await api(test, 'GET', '/api/auth/me', undefined, grant.token)).status).toBe(200);

		expect((await api(test, 'POST', '/api/auth/logout', undefined, grant.token)).status).toBe(204);
		// Both tokens belong to the revoked session.
		expect((await api(test, 'POST', '/api/auth/refresh', undefined, user.token)).status).toBe(401);
		expect((await api(test, 'GET', '/api/auth/me', undefined, grant.token)).status).toBe(401);
	});

	it('refuses missing and forged bearer tokens', async () => {
		expect((await api(test, 'GET', '/api/auth/me')).status).toBe(401);
		const response = await api(test, 'GET', '/api/auth/me', undefined, 'e30.e30.c2ln');
		expect(response.status).toBe(401);
		expect(await response.json()).toHaveProperty('error');
	});

	it('answers unknown API paths with 404 JSON', async () => {
		const response = await api(test, 'GET', '/api/nothing-here');
		expect(response.status).toBe(404);
		expect(await response.json()).toHaveProperty('error');
	});

	it('throttles repeated failures for one email', async () => {
		const body = { email: 'victim@example.org', password: 'guess' };
		for (let i = 0; i < 10; i++) expect((await api(test, 'POST', '/api/auth/login', body)).status).toBe(401);
		expect((await api(test, 'POST', '/api/auth/login', body)).status).toBe(429);
	});
});

describe('login throttle behind a reverse proxy (TRUST_PROXY)', () => {
	it('keys failures by the forwarded client address, so one client cannot lock out another', async () => {
		const dir = tempDir();
		const test = await startServer(dir.path, { TRUST_PROXY: 'true' });
		const body = JSON.stringify({ email: 'shared@example.org', password: 'guess' });
		const login = (ip: string) =>
			fetch(test.url + '/api/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-forwarded-for': `${ip}, 10.0.0.1` },
				body
			});
		for (let i = 0; i < 10; i++) expect((await login('192.0.2.1')).status).toBe(401);
		expect((await login('192.0.2.1')).status).toBe(429);
		expect((await login('198.51.100.7')).status).toBe(401);
		await test.stop();
		dir.remove();
	});
});

describe('admin bootstrap', () => {
	it('creates the coordinator from the environment when no account exists', async () => {
		const dir = tempDir();
		const env = { LEDERLOGG_ADMIN_EMAIL: 'Admin@Example.org', LEDERLOGG_ADMIN_PASSWORD: 'admin password' };
		const test = await startServer(dir.path, env);
		try {
			expect(await (await api(test, 'GET', '/api/setup')).json()).toEqual({ needed: false });
			const response = await api(test, 'POST', '/api/auth/login', {
				email: 'admin@example.org',
				password: 'admin password'
			});
			expect(response.status).toBe(200);
			expect((await response.json()).user).toMatchObject({ name: 'Administrator', role: 'coordinator' });
		} finally {
			await test.stop();
		}
		// A second start with other credentials does not add another account.
		const again = await startServer(dir.path, { ...env, LEDERLOGG_ADMIN_EMAIL: 'second@example.org' });
		try {
			expect(again.server.auth.accounts.list().map((a) => a.email)).toEqual(['admin@example.org']);
		} finally {
			await again.stop();
			dir.remove();
		}
	});
});
