/**
 * The HTTP API under /api: health, auth (login, refresh, logout, me), first-run setup, the
 * programme routes (programmes-api.ts, invites-api.ts, surveys-api.ts, groups-api.ts), mentor schemes
 * (registrations-api.ts, pairs-api.ts) and sharing (sharing-api.ts). JSON in and out; every body is parsed with a
 * valibot schema; every error is `{ error }`.
 */
import { Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { publicUser } from '../auth/accounts.ts';
import type { Logger } from '../log.ts';
import type { Programmes } from '../programmes/index.ts';
import type { Sharing } from '../sharing/index.ts';
import {
	clientAddress,
	fail,
	parseBody,
	requireIdentity as identityMiddleware,
	type ApiEnv
} from './common.ts';
import { groupRoutes } from './groups-api.ts';
import { inviteRoutes } from './invites-api.ts';
import { pairRoutes } from './pairs-api.ts';
import { programmeRoutes } from './programmes-api.ts';
import { registrationRoutes } from './registrations-api.ts';
import { sharingRoutes } from './sharing-api.ts';
import { surveyRoutes } from './surveys-api.ts';
import { LoginBody, SetupBody } from './schemas.ts';
import { LoginThrottle } from './throttle.ts';

export interface ApiOptions {
	auth: Auth;
	logger: Logger;
	now: () => number;
	/** Called after a session is revoked, to close its sockets. */
	onLogout: (sessionId: string) => void;
	/** Behind a reverse proxy every client has the proxy's address: use X-Forwarded-For. */
	trustProxy?: boolean;
	programmes: Programmes;
	inviteTtlMs: number;
	/** Called after a member is removed from a programme, to close their sockets to its rooms. */
	onMemberRemoved: (programmeId: string, userId: string) => void;
	/** The accounts with a socket open to the programme's rooms right now. */
	connectedMembers: (programmeId: string) => ReadonlySet<string>;
	sharing: Sharing;
	/** Called after an account's access to a shared room was removed or lowered, to close its sockets. */
	onGrantChanged: (room: string, userId: string, change: 'removed' | 'lowered') => void;
	/** Called after accounts were taken out of a group, to close their sockets to its room. */
	onGroupMembersRemoved: (groupId: string, userIds: readonly string[]) => void;
	/** Called after a group was deleted, to close every socket to its room. */
	onGroupDeleted: (groupId: string) => void;
	/** Called after a mentor pair was ended, to close every socket to its room. */
	onPairEnded: (pairId: string) => void;
}

const WRONG_CREDENTIALS = 'Wrong email or password';

export function createApi(options: ApiOptions): Hono<ApiEnv> {
	const { auth, logger, now, onLogout, programmes, trustProxy = false } = options;
	const api = new Hono<ApiEnv>().basePath('/api');
	const throttle = new LoginThrottle();
	const requireIdentity = identityMiddleware(auth);

	api.get('/health', (c) => c.json({ ok: true }));

	api.post('/auth/login', async (c) => {
		const body = await parseBody(c, LoginBody);
		if (!body.ok) return fail(c, 400, body.error);
		const key = `${body.value.email}|${clientAddress(c, trustProxy)}`;
		if (throttle.isBlocked(key, now())) return fail(c, 429, 'Too many failed sign-ins; try again later');
		const grant = await auth.login(body.value.email, body.value.password);
		if (!grant) {
			throttle.fail(key, now());
			logger.info('login refused', { email: body.value.email });
			return fail(c, 401, WRONG_CREDENTIALS);
		}
		throttle.succeed(key);
		return c.json(grant);
	});

	api.post('/auth/refresh', requireIdentity, async (c) => c.json(await auth.refresh(c.get('identity'))));

	api.post('/auth/logout', requireIdentity, (c) => {
		const identity = c.get('identity');
		auth.logout(identity);
		onLogout(identity.sessionId);
		return c.body(null, 204);
	});

	api.get('/auth/me', requireIdentity, (c) => c.json({ user: publicUser(c.get('identity').account) }));

	api.get('/setup', (c) => c.json({ needed: auth.accounts.count() === 0 }));

	api.post('/setup', async (c) => {
		const body = await parseBody(c, SetupBody);
		if (!body.ok) return fail(c, 400, body.error);
		const grant = await auth.setup(body.value);
		if (!grant) return fail(c, 409, 'Setup is already done');
		logger.info('first coordinator created', { userId: grant.user.id });
		return c.json(grant, 201);
	});

	programmeRoutes(api, { ...options, trustProxy });
	inviteRoutes(api, { auth, programmes, logger, now });
	surveyRoutes(api, { auth, programmes, now });
	groupRoutes(api, options);
	registrationRoutes(api, options);
	pairRoutes(api, options);
	sharingRoutes(api, { ...options, trustProxy });

	api.notFound((c) => fail(c, 404, 'Not found'));
	api.onError((error, c) => {
		logger.error('api error', { method: c.req.method, path: c.req.path, error });
		return fail(c, 500, 'Internal error');
	});
	return api;
}
