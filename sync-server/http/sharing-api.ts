/**
 * Sharing a room the caller owns (`user:<id>:<name>`, see rooms/authorize.ts) with other accounts.
 * The room is one URL-encoded path segment.
 *   GET    /api/shared                           the rooms shared with me
 *   GET    /api/rooms/:room/grants               (owner) who has access, and the invites
 *   PUT    /api/rooms/:room/grants/:userId       (owner) { access } to a member of one of my programmes
 *   DELETE /api/rooms/:room/grants/:userId       (owner, or the grantee leaving) → 204, closes their sockets
 *   POST   /api/rooms/:room/invites              (owner) { name, email, access } → 201 { code, url, expiresAt }
 *   DELETE /api/rooms/:room/invites/:code        (owner) → 204
 *   GET    /api/room-invites/:code               what the guest page shows (no token needed)
 *   POST   /api/room-invites/:code/accept        signed in: grant to me; else { name, password } makes a guest account
 * Not a shareable room → 404; not its owner → 403; unknown code → 404; used, revoked or expired → 410.
 */
import type { Context, Hono } from 'hono';
import type { Account } from '../auth/accounts.ts';
import type { Auth } from '../auth/auth.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Logger } from '../log.ts';
import type { Programmes } from '../programmes/index.ts';
import { inviteStatus } from '../invite-table.ts';
import { ownerOfRoom, type Access } from '../rooms/authorize.ts';
import type { Sharing } from '../sharing/index.ts';
import type { RoomJoinResult } from '../sharing/join.ts';
import type { RoomInvite } from '../sharing/room-invites.ts';
import {
	bearerToken,
	inviteRefusal,
	pendingInvite,
	fail,
	isoDate,
	parseBody,
	requestOrigin,
	requireIdentity,
	type ApiEnv
} from './common.ts';
import { AcceptBody, GrantBody, RoomInviteBody } from './schemas.ts';

export interface SharingRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	sharing: Sharing;
	logger: Logger;
	now: () => number;
	inviteTtlMs: number;
	trustProxy: boolean;
	/**
	 * Called after an account's access to a room was taken away (`removed`) or lowered to read, to
	 * close its open sockets there (lowered: they reconnect with the new access).
	 */
	onGrantChanged: (room: string, userId: string, change: 'removed' | 'lowered') => void;
}

type Owned = { ok: true; room: string; owner: Account } | { ok: false; response: Response };

export function sharingRoutes(api: Hono<ApiEnv>, options: SharingRoutesOptions): void {
	const { auth, programmes: p, sharing: s, logger, now } = options;
	const signedIn = requireIdentity(auth);

	/** The room of `:room` if the caller owns it. */
	const owned = (c: Context<ApiEnv>): Owned => {
		const room = c.req.param('room') ?? '';
		const owner = ownerOfRoom(room);
		if (!owner) return { ok: false, response: fail(c, 404, 'Not a room that can be shared') };
		const { account } = c.get('identity');
		if (owner !== account.id || account.guest) {
			return { ok: false, response: fail(c, 403, 'Only its owner may share this room') };
		}
		return { ok: true, room, owner: account };
	};

	const ownerName = (room: string) => {
		const owner = ownerOfRoom(room);
		return owner ? (auth.accounts.findById(owner)?.name ?? null) : null;
	};

	api.get('/shared', signedIn, (c) => {
		const rooms = s.grants.listForUser(c.get('identity').account.id, ownerName);
		return c.json({
			rooms: rooms.map((r) => ({
				room: r.room,
				owner: { id: ownerOfRoom(r.room), name: r.ownerName },
				access: r.access,
				grantedAt: isoDate(r.grantedAt)
			}))
		});
	});

	api.get('/rooms/:room/grants', signedIn, (c) => {
		const found = owned(c);
		if (!found.ok) return found.response;
		const at = now();
		return c.json({
			grants: s.grants.listForRoom(found.room).map((g) => ({
				userId: g.userId,
				name: g.name,
				email: g.email,
				guest: g.guest,
				access: g.access,
				grantedAt: isoDate(g.grantedAt)
			})),
			invites: s.invites.listForRoom(found.room).map((i) => listedInvite(i, at))
		});
	});

	api.put('/rooms/:room/grants/:userId', signedIn, async (c) => {
		const found = owned(c);
		if (!found.ok) return found.response;
		const body = await parseBody(c, GrantBody);
		if (!body.ok) return fail(c, 400, body.error);
		const userId = c.req.param('userId');
		if (userId === found.owner.id) return fail(c, 409, 'You own this room already');
		const had = s.grants.access(found.room, userId);
		// Anyone already granted, or a member of one of the owner's programmes (never a stranger).
		if (had === null && !p.members.shareAProgramme(found.owner.id, userId)) {
			return fail(c, 404, 'No such person in your programmes');
		}
		const grant = s.grants.put(found.room, userId, body.value.access, now());
		if (had === 'write' && grant.access === 'read') options.onGrantChanged(found.room, userId, 'lowered');
		logger.info('room shared', { room: found.room, userId, access: grant.access });
		return c.json({ grant: { userId, access: grant.access, grantedAt: isoDate(grant.grantedAt) } });
	});

	api.delete('/rooms/:room/grants/:userId', signedIn, (c) => {
		const room = c.req.param('room');
		const userId = c.req.param('userId');
		const leaving = userId === c.get('identity').account.id && ownerOfRoom(room) !== null;
		if (!leaving) {
			const found = owned(c);
			if (!found.ok) return found.response;
		}
		if (!s.grants.remove(room, userId)) return fail(c, 404, 'The room is not shared with this person');
		options.onGrantChanged(room, userId, 'removed');
		logger.info('room unshared', { room, userId });
		return c.body(null, 204);
	});

	api.post('/rooms/:room/invites', signedIn, async (c) => {
		const found = owned(c);
		if (!found.ok) return found.response;
		const body = await parseBody(c, RoomInviteBody);
		if (!body.ok) return fail(c, 400, body.error);
		if (body.value.email === found.owner.email) return fail(c, 409, 'You own this room already');
		const invite = s.invites.create(
			{ ...body.value, room: found.room, createdBy: found.owner.id },
			options.inviteTtlMs,
			now()
		);
		logger.info('room invite created', { room: found.room, access: invite.access });
		const url = `${requestOrigin(c, options.trustProxy)}/guest/${invite.code}`;
		return c.json({ code: invite.code, url, expiresAt: isoDate(invite.expiresAt) }, 201);
	});

	api.delete('/rooms/:room/invites/:code', signedIn, (c) => {
		const found = owned(c);
		if (!found.ok) return found.response;
		const invite = s.invites.find(c.req.param('code'));
		if (!invite || invite.room !== found.room) return fail(c, 404, 'No such invite');
		if (!s.invites.revoke(found.room, invite.code, now())) {
			return fail(c, 409, 'The invite has already been used');
		}
		return c.body(null, 204);
	});

	const pending = (c: Context<ApiEnv>) => pendingInvite(c, s.invites.find(c.req.param('code') ?? ''), now());

	const refusal = (c: Context<ApiEnv>, result: Extract<RoomJoinResult, { ok: false }>) =>
		result.reason === 'ownRoom' ? fail(c, 409, 'You own this room already') : inviteRefusal(c, result.reason);

	api.get('/room-invites/:code', (c) => {
		const found = pending(c);
		if (!found.ok) return found.response;
		const { room, email, name, access, expiresAt } = found.invite;
		return c.json({
			room,
			owner: { name: ownerName(room) ?? '' },
			email,
			name,
			access,
			expiresAt: isoDate(expiresAt)
		});
	});

	api.post('/room-invites/:code/accept', async (c) => {
		const found = pending(c);
		if (!found.ok) return found.response;
		const { code, room } = found.invite;
		const token = bearerToken(c);
		if (token) {
			const identity = await auth.authenticate(token);
			if (!identity) return fail(c, 401, 'Sign in again');
			const result = s.joining.addAccount(code, identity.account, now());
			if (!result.ok) return refusal(c, result);
			logger.info('room invite accepted', { room, userId: identity.account.id });
			return c.json({ ...(await auth.refresh(identity)), room });
		}
		const body = await parseBody(c, AcceptBody);
		if (!body.ok) return fail(c, 400, body.error);
		if (auth.accounts.findForLogin(found.invite.email))
			return refusal(c, { ok: false, reason: 'accountExists' });
		const passwordHash = await hashPassword(body.value.password);
		const result = s.joining.createGuest(code, { name: body.value.name, passwordHash }, now());
		if (!result.ok) return refusal(c, result);
		logger.info('room invite accepted by a guest', { room, userId: result.account.id });
		return c.json({ ...(await auth.signIn(result.account)), room });
	});
}

function listedInvite(invite: RoomInvite, now: number) {
	return {
		code: invite.code,
		name: invite.name,
		email: invite.email,
		access: invite.access satisfies Access,
		createdAt: isoDate(invite.createdAt),
		expiresAt: isoDate(invite.expiresAt),
		status: inviteStatus(invite, now)
	};
}
