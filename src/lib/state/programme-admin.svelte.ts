/**
 * A coordinator's view of a programme's people: members with their roles, invitations with their
 * status, inviting someone new and withdrawing an invitation. These talk to the server directly
 * (membership lives there, not in a document), so they need a connection.
 */
import * as v from 'valibot';
import { api, type ApiResult } from '$lib/api/client';
import { NewInviteSchema, NewMemberSchema, type Invite, type Member, type MemberRole } from '$domain/session';
import { app } from './app.svelte';

export type AdminProblem = 'offline' | 'forbidden' | 'failed';
/** Adding an existing account: no account has that e-mail, or it is already a member. */
export type AddProblem = AdminProblem | 'invalid' | 'no-account' | 'already-member';
/** Removing a member: the last coordinator cannot go. */
export type RemoveProblem = AdminProblem | 'last-coordinator';

export class ProgrammeAdmin {
	#members = $state<Member[]>([]);
	#invites = $state<Invite[]>([]);
	#problem = $state<AdminProblem | null>(null);
	#loaded = $state(false);

	constructor(readonly programmeId: string) {}

	get members() {
		return this.#members;
	}
	get invites() {
		return this.#invites;
	}
	get problem() {
		return this.#problem;
	}
	get loaded() {
		return this.#loaded;
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token) return void (this.#problem = 'forbidden');
		const [members, invites] = await Promise.all([
			api.members(this.programmeId, token),
			api.invites(this.programmeId, token)
		]);
		this.#problem = problemOf(members);
		if (members.ok) this.#members = members.value.members;
		if (invites.ok) this.#invites = invites.value.invites;
		this.#loaded = true;
	}

	/** Invites someone; answers the join link and code to send them, or what was wrong. */
	async invite(input: {
		name: string;
		email: string;
		role: MemberRole;
	}): Promise<{ ok: true; code: string; url: string } | { ok: false; problem: AdminProblem | 'invalid' }> {
		const parsed = v.safeParse(NewInviteSchema, input);
		if (!parsed.success) return { ok: false, problem: 'invalid' };
		const token = app.token;
		if (!token) return { ok: false, problem: 'forbidden' };
		const result = await api.createInvite(this.programmeId, parsed.output, token);
		if (!result.ok) return { ok: false, problem: problemOf(result) ?? 'failed' };
		await this.load();
		return { ok: true, ...result.value };
	}

	/** Adds someone who already has an account on this server, by e-mail, with a role. */
	async addExisting(input: { email: string; role: MemberRole }): Promise<AddProblem | null> {
		const parsed = v.safeParse(NewMemberSchema, input);
		if (!parsed.success) return 'invalid';
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.addMember(this.programmeId, parsed.output, token);
		if (!result.ok && result.kind === 'http' && result.status === 404) return 'no-account';
		if (!result.ok && result.kind === 'http' && result.status === 409) return 'already-member';
		if (result.ok) await this.load();
		return problemOf(result);
	}

	/** Removes a member: the server closes their open connections to the programme at once. */
	async removeMember(userId: string): Promise<RemoveProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.removeMember(this.programmeId, userId, token);
		if (!result.ok && result.kind === 'http' && result.status === 409) return 'last-coordinator';
		if (result.ok) await this.load();
		return problemOf(result);
	}

	async revoke(code: string): Promise<AdminProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.revokeInvite(this.programmeId, code, token);
		await this.load();
		return problemOf(result);
	}
}

export function problemOf(result: ApiResult<unknown>): AdminProblem | null {
	if (result.ok) return null;
	if (result.kind === 'offline') return 'offline';
	return result.status === 403 || result.status === 401 ? 'forbidden' : 'failed';
}
