/**
 * The coaches of my programmes, asked from the server (members come from there, so this needs a
 * connection): whom a plan or a conversation can be shared with.
 */
import { api } from '$lib/api/client';
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

/** The coaches of these programmes (of all of mine when none are named), by name. */
export async function loadCoaches(
	programmeIds?: readonly string[]
): Promise<{ ok: true; coaches: Coach[] } | { ok: false; problem: SharingProblem }> {
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
	const coaches = new Map<string, Coach>();
	for (const { p, members } of answers) {
		if (!members.ok) continue;
		for (const m of members.value.members) {
			if (m.role !== 'coach' || m.userId === me) continue;
			const coach = coaches.get(m.userId) ?? {
				userId: m.userId,
				name: m.name,
				email: m.email,
				programmes: []
			};
			coach.programmes.push(p.name);
			coaches.set(m.userId, coach);
		}
	}
	return { ok: true, coaches: [...coaches.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')) };
}
