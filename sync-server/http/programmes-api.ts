/**
 * /api/programmes: create and list programmes, their members and their invites. Coordinators of a
 * programme manage it; members may see who else is in it. Unknown programme → 404, not allowed → 403.
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { Logger } from '../log.ts';
import type { Programmes } from '../programmes/index.ts';
import { inviteStatus, type Invite } from '../programmes/invites.ts';
import type { Member, MemberRole } from '../programmes/memberships.ts';
import type { Programme } from '../programmes/programmes.ts';
import { fail, isoDate, parseBody, requestOrigin, requireIdentity, type ApiEnv } from './common.ts';
import { InviteBody, MemberBody, ProgrammeBody } from './schemas.ts';

export interface ProgrammeRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	logger: Logger;
	now: () => number;
	inviteTtlMs: number;
	trustProxy: boolean;
	/** Called after a member is removed, to close their sockets to the programme's rooms (and their ended pairs'). */
	onMemberRemoved: (programmeId: string, userId: string) => void;
	/** The accounts with a socket open to the programme's rooms right now. */
	connectedMembers: (programmeId: string) => ReadonlySet<string>;
}

type Access = { ok: true; programme: Programme; role: MemberRole } | { ok: false; response: Response };

export function programmeRoutes(api: Hono<ApiEnv>, options: ProgrammeRoutesOptions): void {
	const { auth, programmes: p, logger, now } = options;
	const signedIn = requireIdentity(auth);

	/** The programme of `:id` if the caller is a member (and a coordinator, if `coordinatorOnly`). */
	const access = (c: Context<ApiEnv>, coordinatorOnly: boolean): Access => {
		const programme = p.programmes.find(c.req.param('id') ?? '');
		if (!programme) return { ok: false, response: fail(c, 404, 'No such programme') };
		const role = p.members.role(programme.id, c.get('identity').account.id);
		if (!role || (coordinatorOnly && role !== 'coordinator')) {
			return { ok: false, response: fail(c, 403, 'Only its coordinators may do this') };
		}
		return { ok: true, programme, role };
	};

	api.get('/programmes', signedIn, (c) =>
		c.json({ programmes: p.programmes.listForUser(c.get('identity').account.id) })
	);

	api.post('/programmes', signedIn, async (c) => {
		const { account } = c.get('identity');
		if (account.role !== 'coordinator') return fail(c, 403, 'Only coordinators may create programmes');
		const body = await parseBody(c, ProgrammeBody);
		if (!body.ok) return fail(c, 400, body.error);
		const programme = p.programmes.create({ ...body.value, createdBy: account.id }, now());
		logger.info('programme created', { programmeId: programme.id, userId: account.id });
		return c.json({ id: programme.id }, 201);
	});

	api.get('/programmes/:id/members', signedIn, (c) => {
		const found = access(c, false);
		if (!found.ok) return found.response;
		const members = p.members.list(found.programme.id);
		// When each member last synced is for the coordinators' overview only.
		if (found.role !== 'coordinator') {
			return c.json({
				members: members.map(({ lastSyncedAt: _, ...m }) => ({ ...m, addedAt: isoDate(m.addedAt) }))
			});
		}
		const connected = options.connectedMembers(found.programme.id);
		return c.json({ members: members.map((m) => publicMember(m, connected.has(m.userId))) });
	});

	api.post('/programmes/:id/members', signedIn, async (c) => {
		const found = access(c, true);
		if (!found.ok) return found.response;
		const body = await parseBody(c, MemberBody);
		if (!body.ok) return fail(c, 400, body.error);
		const account = auth.accounts.findForLogin(body.value.email)?.account;
		if (!account) return fail(c, 404, 'No account has this email; send an invite instead');
		const addedAt = now();
		if (!p.members.add(found.programme.id, account.id, body.value.role, addedAt)) {
			return fail(c, 409, 'Already a member');
		}
		const { id: userId, name, email } = account;
		const member = { userId, name, email, role: body.value.role, addedAt, lastSyncedAt: null };
		return c.json({ member: publicMember(member, false) }, 201);
	});

	api.delete('/programmes/:id/members/:userId', signedIn, (c) => {
		const found = access(c, true);
		if (!found.ok) return found.response;
		const userId = c.req.param('userId');
		const result = p.members.remove(found.programme.id, userId, c.get('identity').account.id, now());
		if (result === 'notMember') return fail(c, 404, 'Not a member');
		if (result === 'lastCoordinator') return fail(c, 409, 'A programme needs at least one coordinator');
		options.onMemberRemoved(found.programme.id, userId);
		logger.info('member removed', { programmeId: found.programme.id, userId });
		return c.body(null, 204);
	});

	api.get('/programmes/:id/invites', signedIn, (c) => {
		const found = access(c, true);
		if (!found.ok) return found.response;
		const at = now();
		return c.json({
			invites: p.invites.listForProgramme(found.programme.id).map((i) => listedInvite(i, at))
		});
	});

	api.post('/programmes/:id/invites', signedIn, async (c) => {
		const found = access(c, true);
		if (!found.ok) return found.response;
		const body = await parseBody(c, InviteBody);
		if (!body.ok) return fail(c, 400, body.error);
		const createdBy = c.get('identity').account.id;
		const invite = p.invites.create(
			{ ...body.value, programmeId: found.programme.id, createdBy },
			options.inviteTtlMs,
			now()
		);
		logger.info('invite created', { programmeId: found.programme.id, role: invite.role });
		const url = `${requestOrigin(c, options.trustProxy)}/join/${invite.code}`;
		return c.json({ code: invite.code, url, expiresAt: isoDate(invite.expiresAt) }, 201);
	});

	api.delete('/programmes/:id/invites/:code', signedIn, (c) => {
		const found = access(c, true);
		if (!found.ok) return found.response;
		const invite = p.invites.find(c.req.param('code'));
		if (!invite || invite.programmeId !== found.programme.id) return fail(c, 404, 'No such invite');
		if (!p.invites.revoke(found.programme.id, invite.code, now())) {
			return fail(c, 409, 'The invite has already been used');
		}
		return c.body(null, 204);
	});
}

/** `lastSyncedAt` stays ms (null: never); `connected`: a socket to the programme's rooms is open now. */
function publicMember(member: Member, connected: boolean) {
	return { ...member, addedAt: isoDate(member.addedAt), connected };
}

function listedInvite(invite: Invite, now: number) {
	const { code, email, name, role, createdAt, expiresAt, usedAt } = invite;
	return {
		code,
		email,
		name,
		role,
		status: inviteStatus(invite, now),
		createdAt: isoDate(createdAt),
		expiresAt: isoDate(expiresAt),
		usedAt: usedAt === null ? null : isoDate(usedAt)
	};
}
