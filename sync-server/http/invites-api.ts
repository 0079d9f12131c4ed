/**
 * /api/invites/:code: what the join page shows, and accepting. No token needed: the code is the key.
 * Unknown code → 404; used, revoked or expired → 410.
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Logger } from '../log.ts';
import type { Programmes } from '../programmes/index.ts';
import type { JoinResult } from '../programmes/join.ts';
import {
	bearerToken,
	fail,
	inviteRefusal,
	isoDate,
	parseBody,
	pendingInvite,
	type ApiEnv
} from './common.ts';
import { AcceptBody } from './schemas.ts';

export interface InviteRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	logger: Logger;
	now: () => number;
}

export function inviteRoutes(
	api: Hono<ApiEnv>,
	{ auth, programmes: p, logger, now }: InviteRoutesOptions
): void {
	const pending = (c: Context<ApiEnv>) => pendingInvite(c, p.invites.find(c.req.param('code') ?? ''), now());

	const refusal = (c: Context<ApiEnv>, result: Extract<JoinResult, { ok: false }>) =>
		result.reason === 'alreadyMember'
			? fail(c, 409, 'Already a member of this programme')
			: inviteRefusal(c, result.reason);

	api.get('/invites/:code', (c) => {
		const found = pending(c);
		if (!found.ok) return found.response;
		const { programmeId, email, name, role, expiresAt } = found.invite;
		const programme = p.programmes.find(programmeId);
		if (!programme) return fail(c, 404, 'No such invite');
		return c.json({
			programme: { id: programme.id, name: programme.name },
			email,
			name,
			role,
			expiresAt: isoDate(expiresAt)
		});
	});

	api.post('/invites/:code/accept', async (c) => {
		const found = pending(c);
		if (!found.ok) return found.response;
		const { code, programmeId } = found.invite;
		const token = bearerToken(c);
		if (token) {
			// An existing account accepts while signed in as the invited email.
			const identity = await auth.authenticate(token);
			if (!identity) return fail(c, 401, 'Sign in again');
			const result = p.joining.addAccount(code, identity.account, now());
			if (!result.ok) return refusal(c, result);
			logger.info('invite accepted', { programmeId, userId: identity.account.id });
			return c.json(await auth.refresh(identity));
		}
		const body = await parseBody(c, AcceptBody);
		if (!body.ok) return fail(c, 400, body.error);
		if (auth.accounts.findForLogin(found.invite.email))
			return refusal(c, { ok: false, reason: 'accountExists' });
		const passwordHash = await hashPassword(body.value.password);
		const result = p.joining.createAccount(code, { name: body.value.name, passwordHash }, now());
		if (!result.ok) return refusal(c, result);
		logger.info('invite accepted', { programmeId, userId: result.account.id });
		return c.json(await auth.signIn(result.account));
	});
}
