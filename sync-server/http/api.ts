/**
 * The HTTP API under /api: health, auth (login, refresh, logout, me) and first-run setup.
 * JSON in and out; every body is parsed with a valibot schema; every error is `{ error }`.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { Auth, Identity } from '../auth/auth.ts';
import { publicUser } from '../auth/accounts.ts';
import type { Logger } from '../log.ts';
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
}

type Env = { Variables: { identity: Identity } };

const WRONG_CREDENTIALS = 'Wrong email or password';

export function createApi({ auth, logger, now, onLogout, trustProxy = false }: ApiOptions): Hono<Env> {
	const api = new Hono<Env>().basePath('/api');
	const throttle = new LoginThrottle();

	const fail = (c: Context, status: ContentfulStatusCode, error: string) => c.json({ error }, status);

	const requireIdentity = async (c: Context<Env>, next: () => Promise<void>) => {
		const header = c.req.header('authorization') ?? '';
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const identity = await auth.authenticate(match?.[1]);
		if (!identity) return fail(c, 401, 'Sign in again');
		c.set('identity', identity);
		await next();
	};

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

	api.notFound((c) => fail(c, 404, 'Not found'));
	api.onError((error, c) => {
		logger.error('api error', { method: c.req.method, path: c.req.path, error });
		return fail(c, 500, 'Internal error');
	});
	return api;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

async function parseBody<S extends v.GenericSchema>(
	c: Context,
	schema: S
): Promise<Parsed<v.InferOutput<S>>> {
	let raw: unknown;
	try {
		raw = await c.req.json();
	} catch {
		return { ok: false, error: 'The body must be JSON' };
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, value: result.output };
	return { ok: false, error: result.issues[0].message };
}

function clientAddress(c: Context, trustProxy: boolean): string {
	const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
	if (forwarded) return forwarded;
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		return 'unknown';
	}
}
