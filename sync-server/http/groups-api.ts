/**
 * Colloquium groups of a programme (programmes/groups.ts). Its coordinators make and change them;
 * members see the groups they belong to. Members are accounts that are members of the programme.
 *   POST   /api/programmes/:id/groups   (coordinators) { name, memberIds } → 201 { id }
 *   GET    /api/programmes/:id/groups   (members) → { groups }: coordinators all, others their own
 *   GET    /api/groups                  → { groups }: mine, across programmes
 *   GET    /api/groups/:id              (its members and its programme's coordinators) → { group }
 *   PUT    /api/groups/:id/members      (coordinators) { memberIds } → { group }; removed members' sockets close
 *   PATCH  /api/groups/:id              (coordinators) { name } → { group }
 *   DELETE /api/groups/:id              (coordinators) → 204; every socket of `group:<id>` closes
 * Unknown programme or group → 404, not allowed → 403, a bad body or an account outside the programme → 400.
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { Logger } from '../log.ts';
import type { Group, GroupRef } from '../programmes/groups.ts';
import type { Programmes } from '../programmes/index.ts';
import { fail, isoDate, parseBody, requireIdentity, type ApiEnv } from './common.ts';
import { GroupBody, GroupMembersBody, GroupNameBody } from './schemas.ts';

export interface GroupRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	logger: Logger;
	now: () => number;
	/** Called after accounts were taken out of a group, to close their sockets to its room. */
	onGroupMembersRemoved: (groupId: string, userIds: readonly string[]) => void;
	/** Called after a group was deleted, to close every socket to its room. */
	onGroupDeleted: (groupId: string) => void;
}

type Found = { ok: true; group: GroupRef } | { ok: false; response: Response };

const COORDINATORS_ONLY = 'Only its coordinators may do this';

export function groupRoutes(api: Hono<ApiEnv>, options: GroupRoutesOptions): void {
	const { auth, programmes: p, logger, now } = options;
	const signedIn = requireIdentity(auth);
	const me = (c: Context<ApiEnv>) => c.get('identity').account.id;

	/** The group of `:id` if the caller is a coordinator of its programme (or, unless `coordinatorOnly`, a member of it). */
	const group = (c: Context<ApiEnv>, coordinatorOnly: boolean): Found => {
		const found = p.groups.ref(c.req.param('id') ?? '');
		if (!found) return { ok: false, response: fail(c, 404, 'No such group') };
		const role = p.members.role(found.programmeId, me(c));
		const allowed =
			role === 'coordinator' || (!coordinatorOnly && role !== null && p.groups.isMember(found.id, me(c)));
		if (!allowed) {
			return { ok: false, response: fail(c, 403, coordinatorOnly ? COORDINATORS_ONLY : 'Not your group') };
		}
		return { ok: true, group: found };
	};

	const notMembers = (c: Context, ids: string[]) =>
		fail(c, 400, `Not members of the programme: ${ids.join(', ')}`);

	api.post('/programmes/:id/groups', signedIn, async (c) => {
		const programme = p.programmes.find(c.req.param('id'));
		if (!programme) return fail(c, 404, 'No such programme');
		if (p.members.role(programme.id, me(c)) !== 'coordinator') return fail(c, 403, COORDINATORS_ONLY);
		const body = await parseBody(c, GroupBody);
		if (!body.ok) return fail(c, 400, body.error);
		const created = p.groups.create({ ...body.value, programmeId: programme.id, createdBy: me(c) }, now());
		if (!created.ok) return notMembers(c, created.notMembers);
		logger.info('group created', { programmeId: programme.id, groupId: created.value.id });
		return c.json({ id: created.value.id }, 201);
	});

	api.get('/programmes/:id/groups', signedIn, (c) => {
		const programme = p.programmes.find(c.req.param('id'));
		if (!programme) return fail(c, 404, 'No such programme');
		const role = p.members.role(programme.id, me(c));
		if (!role) return fail(c, 403, 'Only its members may see its groups');
		const groups =
			role === 'coordinator'
				? p.groups.listForProgramme(programme.id)
				: p.groups.listForMember(me(c), programme.id);
		return c.json({ groups: groups.map(publicGroup) });
	});

	api.get('/groups', signedIn, (c) => c.json({ groups: p.groups.listForMember(me(c)).map(publicGroup) }));

	api.get('/groups/:id', signedIn, (c) => {
		const found = group(c, false);
		if (!found.ok) return found.response;
		return c.json({ group: publicGroup(p.groups.find(found.group.id)!) });
	});

	api.put('/groups/:id/members', signedIn, async (c) => {
		const found = group(c, true);
		if (!found.ok) return found.response;
		const body = await parseBody(c, GroupMembersBody);
		if (!body.ok) return fail(c, 400, body.error);
		const result = p.groups.setMembers(found.group.id, body.value.memberIds, now());
		if (!result) return fail(c, 404, 'No such group');
		if (!result.ok) return notMembers(c, result.notMembers);
		const { group: changed, removed } = result.value;
		if (removed.length > 0) options.onGroupMembersRemoved(changed.id, removed);
		logger.info('group members set', { groupId: changed.id, members: changed.members.length, removed });
		return c.json({ group: publicGroup(changed) });
	});

	api.patch('/groups/:id', signedIn, async (c) => {
		const found = group(c, true);
		if (!found.ok) return found.response;
		const body = await parseBody(c, GroupNameBody);
		if (!body.ok) return fail(c, 400, body.error);
		const renamed = p.groups.rename(found.group.id, body.value.name);
		if (!renamed) return fail(c, 404, 'No such group');
		return c.json({ group: publicGroup(renamed) });
	});

	api.delete('/groups/:id', signedIn, (c) => {
		const found = group(c, true);
		if (!found.ok) return found.response;
		if (!p.groups.delete(found.group.id)) return fail(c, 404, 'No such group');
		options.onGroupDeleted(found.group.id);
		logger.info('group deleted', { programmeId: found.group.programmeId, groupId: found.group.id });
		return c.body(null, 204);
	});
}

/** What the API shows of a group: names of its members, never their e-mails. */
function publicGroup(group: Group) {
	return { ...group, createdAt: isoDate(group.createdAt) };
}
