/** What every API route shares: the one error shape, body parsing, the Bearer identity, the request origin. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { Auth, Identity } from '../auth/auth.ts';
import { inviteStatus, type SingleUseInvite } from '../invite-table.ts';
import type { Programmes } from '../programmes/index.ts';
import type { MemberRole } from '../programmes/memberships.ts';
import type { Programme } from '../programmes/programmes.ts';

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

/** `fieldNamed`: the error starts with the field's path (`library: required`), for schemas whose messages are keys. */
export async function parseBody<S extends v.GenericSchema>(
	c: Context,
	schema: S,
	fieldNamed = false
): Promise<Parsed<v.InferOutput<S>>> {
	let raw: unknown;
	try {
		raw = await c.req.json();
	} catch {
		return { ok: false, error: 'The body must be JSON' };
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, value: result.output };
	const [issue] = result.issues;
	const path = fieldNamed ? v.getDotPath(issue) : null;
	return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
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

export const COORDINATORS_ONLY = 'Only its coordinators may do this';

export type ProgrammeAccess =
	{ ok: true; programme: Programme; role: MemberRole; userId: string } | { ok: false; response: Response };

/** The programme of `:id` if the caller is a member (a coordinator, if `coordinatorOnly`); else 404 or 403. */
export function programmeAccess(
	c: Context<ApiEnv>,
	programmes: Programmes,
	coordinatorOnly: boolean
): ProgrammeAccess {
	const programme = programmes.programmes.find(c.req.param('id') ?? '');
	if (!programme) return { ok: false, response: fail(c, 404, 'No such programme') };
	const userId = c.get('identity').account.id;
	const role = programmes.members.role(programme.id, userId);
	if (!role) return { ok: false, response: fail(c, 403, 'Only its members may do this') };
	if (coordinatorOnly && role !== 'coordinator')
		return { ok: false, response: fail(c, 403, COORDINATORS_ONLY) };
	return { ok: true, programme, role, userId };
}
