/**
 * A programme's colloquium groups as its coordinators set them up: every group with its members,
 * the programme's people to choose from, and creating, renaming, re-staffing and removing groups.
 * Groups live on the server (who may open `group:<id>`), so these need a connection; members
 * taken out of a group lose its document at once (the server closes their sockets).
 */
import * as v from 'valibot';
import { api } from '$lib/api/client';
import { GroupNameSchema, groupsOf, type Group } from '$domain/group';
import type { Member } from '$domain/session';
import { app } from './app.svelte';
import { myGroups } from './groups.svelte';
import { problemOf, type AdminProblem } from './programme-admin.svelte';

export type GroupProblem = AdminProblem | 'invalid';

export class ProgrammeGroups {
	#groups = $state.raw<Group[]>([]);
	#members = $state.raw<Member[]>([]);
	#problem = $state<AdminProblem | null>(null);
	#loaded = $state(false);

	constructor(readonly programmeId: string) {}

	get groups() {
		return this.#groups;
	}
	/** The programme's people who can be put in a group, by name. */
	get members() {
		return this.#members;
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
		const [groups, members] = await Promise.all([
			api.programmeGroups(this.programmeId, token),
			api.members(this.programmeId, token)
		]);
		this.#problem = problemOf(groups) ?? problemOf(members);
		if (groups.ok) this.#groups = groupsOf(groups.value.groups, this.programmeId);
		if (members.ok)
			this.#members = [...members.value.members].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
		this.#loaded = true;
	}

	/** Creates a group; answers its id, or what was wrong. */
	async create(
		name: string,
		memberIds: string[]
	): Promise<{ ok: true; id: string } | { ok: false; problem: GroupProblem }> {
		const parsed = v.safeParse(GroupNameSchema, name);
		if (!parsed.success) return { ok: false, problem: 'invalid' };
		const token = app.token;
		if (!token) return { ok: false, problem: 'forbidden' };
		const result = await api.createGroup(this.programmeId, { name: parsed.output, memberIds }, token);
		if (!result.ok) return { ok: false, problem: problemOf(result) ?? 'failed' };
		await Promise.all([this.load(), myGroups.load()]);
		return { ok: true, id: result.value.id };
	}

	/** Sets who is in the group: those taken out lose its document at once. */
	async setMembers(groupId: string, memberIds: string[]): Promise<GroupProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.setGroupMembers(groupId, memberIds, token);
		if (result.ok) await Promise.all([this.load(), myGroups.replace(result.value.group)]);
		return problemOf(result);
	}

	async rename(groupId: string, name: string): Promise<GroupProblem | null> {
		const parsed = v.safeParse(GroupNameSchema, name);
		if (!parsed.success) return 'invalid';
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.renameGroup(groupId, parsed.output, token);
		if (result.ok) await Promise.all([this.load(), myGroups.replace(result.value.group)]);
		return problemOf(result);
	}

	/** Removes the group: nobody opens its document any more (the server closes every socket). */
	async remove(groupId: string): Promise<GroupProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await api.deleteGroup(groupId, token);
		if (result.ok) await Promise.all([this.load(), myGroups.load()]);
		return problemOf(result);
	}
}
