/**
 * The coaches and other people of my programmes, asked from the server (members come from there,
 * so this needs a connection): whom a plan, a conversation or a draft can be shared with.
 */
import { api } from '$lib/api/client';
import type { MemberRole } from '$domain/session';
import { app } from './app.svelte';
import { myProgrammes } from './programmes.svelte';
import type { SharingProblem } from './room-sharing.svelte';

export interface Coach {
	userId: string;
	name: string;
	email: string;
	/** The names of the programmes where they coach. */
	programmes: string[];
}

/** Someone in one of my programmes a document can be shared with. */
export interface ProgrammePerson extends Coach {
	/** A coach in at least one of these programmes (listed first). */
	coach: boolean;
}

export type PeopleResult = { ok: true; people: ProgrammePerson[] } | { ok: false; problem: SharingProblem };

/**
 * The people with one of these roles in these programmes (in all of mine when none are named),
 * not me: coaches first, then by name. Each with the programmes where they have such a role.
 */
export async function loadProgrammePeople(
	roles: readonly MemberRole[],
	programmeIds?: readonly string[]
): Promise<PeopleResult> {
	const token = app.token;
	const me = app.user?.id;
	if (!token || !me) return { ok: false, problem: 'forbidden' };
	await myProgrammes.load();
	const programmes = myProgrammes.items.filter((p) => !programmeIds || programmeIds.includes(p.id));
	const answers = await Promise.all(
		programmes.map(async (p) => ({ p, members: await api.members(p.id, token) }))
	);
	if (answers.some(({ members }) => !members.ok && members.kind === 'offline')) {
		return { ok: false, problem: 'offline' };
	}
	const people = new Map<string, ProgrammePerson>();
	for (const { p, members } of answers) {
		if (!members.ok) continue;
		for (const m of members.value.members) {
			if (!roles.includes(m.role) || m.userId === me) continue;
			const person = people.get(m.userId) ?? {
				userId: m.userId,
				name: m.name,
				email: m.email,
				programmes: [],
				coach: false
			};
			if (!person.programmes.includes(p.name)) person.programmes.push(p.name);
			if (m.role === 'coach') person.coach = true;
			people.set(m.userId, person);
		}
	}
	const sorted = [...people.values()].sort(
		(a, b) => Number(b.coach) - Number(a.coach) || a.name.localeCompare(b.name, 'nb')
	);
	return { ok: true, people: sorted };
}

/** The coaches of these programmes (of all of mine when none are named), by name. */
export async function loadCoaches(
	programmeIds?: readonly string[]
): Promise<{ ok: true; coaches: Coach[] } | { ok: false; problem: SharingProblem }> {
	const result = await loadProgrammePeople(['coach'], programmeIds);
	if (!result.ok) return result;
	return { ok: true, coaches: result.people.map(({ coach: _, ...coach }) => coach) };
}
