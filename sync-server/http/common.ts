/** What every API route shares: the one error shape, body parsing, the Bearer identity, the request origin. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { Auth, Identity } from '../auth/auth.ts';
import { inviteStatus, type SingleUseInvite } from '../invite-table.ts';

export type ApiEnv = { Variables: { identity: Identity } };

export const fail = (c: Context, status: ContentfulStatusCode, error: string) => c.json({ error }, status);

/** The Bearer token of the request, if it has one. */
export function bearerToken(c: Context): string | null {
	const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
	return match?.[1] ?? null;
}

/** Answers 401 unless the request carries a valid token; the identity is then `c.get('identity')`. */
export function requireIdentity(auth: Auth): MiddlewareHandler<ApiEnv> {
	return async (c, next) => {
		const identity = await auth.authenticate(bearerToken(c));
		if (!identity) return fail(c, 401, 'Sign in again');
		c.set('identity', identity);
		await next();
	};
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export async function parseBody<S extends v.GenericSchema>(
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

export function clientAddress(c: Context, trustProxy: boolean): string {
	const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
	if (forwarded) return forwarded;
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

/** The origin the client used: behind a trusted proxy from X-Forwarded-Proto/-Host, else the request URL. */
export function requestOrigin(c: Context, trustProxy: boolean): string {
	const url = new URL(c.req.url);
	if (!trustProxy) return url.origin;
	const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.slice(0, -1);
	const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || c.req.header('host') || url.host;
	return `${proto}://${host}`;
}

export const isoDate = (ms: number) => new Date(ms).toISOString();

const INVITE_GONE = 'This invite has been used, withdrawn or has expired; ask for a new one';

/** An invite found by its code while it is pending, or the answer: unknown → 404, used, revoked or expired → 410. */
export function pendingInvite<I extends SingleUseInvite>(
	c: Context,
	invite: I | null,
	now: number
): { ok: true; invite: I } | { ok: false; response: Response } {
	if (!invite) return { ok: false, response: fail(c, 404, 'No such invite') };
	if (inviteStatus(invite, now) !== 'pending') return { ok: false, response: fail(c, 410, INVITE_GONE) };
	return { ok: true, invite };
}

/** The answer to an invite that could not be accepted, for the reasons both kinds share. */
export function inviteRefusal(
	c: Context,
	reason: 'unknown' | 'gone' | 'accountExists' | 'wrongAccount'
): Response {
	switch (reason) {
		case 'unknown':
			return fail(c, 404, 'No such invite');
		case 'gone':
			return fail(c, 410, INVITE_GONE);
		case 'accountExists':
			return fail(c, 409, 'An account with this email exists: sign in, then accept the invite');
		case 'wrongAccount':
			return fail(c, 403, 'This invite is for another email address');
	}
}
