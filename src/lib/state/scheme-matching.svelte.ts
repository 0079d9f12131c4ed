/**
 * Matching a mentor scheme, as its coordinators do it: both lists (registrations), the pairs with
 * their meeting reports, the ranked suggestions with reasons (domain/matching.ts), and the verbs —
 * confirm a suggestion or any other mentor (the server does not enforce capacity: the page warns),
 * end a pair. Pairs live on the server (who may open `pair:<id>`), so this needs a connection.
 */
import { schemeApi } from '$lib/api/scheme';
import { api, type ApiResult } from '$lib/api/client';
import { matchScheme, type SchemeMatch } from '$domain/matching';
import type { Registration } from '$domain/mentor-registration';
import type { CoordinatorPair } from '$domain/pair';
import type { Member } from '$domain/session';
import { app } from './app.svelte';

export type MatchingProblem = 'offline' | 'forbidden' | 'failed' | 'conflict' | 'invalid';

/** A mentor the coordinator can choose for a mentee: registered or not. */
export interface MentorChoice {
	userId: string;
	name: string;
	active: number;
	/** Null when the mentor has not registered (capacity unknown). */
	capacity: number | null;
}

const byCreated = (a: CoordinatorPair, b: CoordinatorPair) =>
	b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

export class SchemeMatching {
	#registrations = $state.raw<Registration[]>([]);
	#pairs = $state.raw<CoordinatorPair[]>([]);
	#members = $state.raw<Member[]>([]);
	#problem = $state<MatchingProblem | null>(null);
	#loaded = $state(false);
	#match = $derived<SchemeMatch>(matchScheme(this.#registrations, this.#pairs));

	constructor(readonly programmeId: string) {}

	get loaded() {
		return this.#loaded;
	}
	get problem() {
		return this.#problem;
	}
	get registrations() {
		return this.#registrations;
	}
	/** Unmatched mentees with ranked mentors, the mentors' loads, and the suggested pairs. */
	get match(): SchemeMatch {
		return this.#match;
	}
	get activePairs(): CoordinatorPair[] {
		return this.#pairs.filter((p) => !p.endedAt).sort(byCreated);
	}
	get endedPairs(): CoordinatorPair[] {
		return this.#pairs.filter((p) => p.endedAt).sort(byCreated);
	}

	/**
	 * Every mentor the coordinator may pick: the registered ones with their capacity, then members
	 * with the role mentor who have not registered; by name.
	 */
	get mentorChoices(): MentorChoice[] {
		const registered: MentorChoice[] = this.#match.mentors.map((l) => ({
			userId: l.mentor.userId,
			name: l.mentor.name,
			active: l.active,
			capacity: l.capacity
		}));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const known = new Set(registered.map((m) => m.userId));
		const others: MentorChoice[] = this.#members
			.filter((m) => m.role === 'mentor' && !known.has(m.userId))
			.map((m) => ({
				userId: m.userId,
				name: m.name,
				active: this.#pairs.filter((p) => !p.endedAt && p.mentor.userId === m.userId).length,
				capacity: null
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
		return [...registered, ...others];
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token) return void (this.#problem = 'forbidden');
		const [registrations, pairs, members] = await Promise.all([
			schemeApi.registrations(this.programmeId, token),
			schemeApi.programmePairs(this.programmeId, token),
			api.members(this.programmeId, token)
		]);
		this.#problem = problemOf(registrations) ?? problemOf(pairs);
		if (registrations.ok) this.#registrations = registrations.value.registrations;
		if (pairs.ok) this.#pairs = pairs.value.pairs;
		if (members.ok) this.#members = members.value.members;
		this.#loaded = true;
	}

	/** Makes the pair (a suggestion confirmed, or the coordinator's own choice). */
	async confirm(menteeId: string, mentorId: string): Promise<MatchingProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await schemeApi.createPair(this.programmeId, { mentorId, menteeId }, token);
		if (result.ok) await this.load();
		return problemOf(result);
	}

	/** Ends the pair: the two can no longer open its room; its meetings stay counted. */
	async end(pairId: string): Promise<MatchingProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const result = await schemeApi.endPair(pairId, token);
		if (result.ok) await this.load();
		return problemOf(result);
	}
}

function problemOf(result: ApiResult<unknown>): MatchingProblem | null {
	if (result.ok) return null;
	if (result.kind === 'offline') return 'offline';
	if (result.status === 401 || result.status === 403) return 'forbidden';
	if (result.status === 409) return 'conflict';
	return result.status === 400 ? 'invalid' : 'failed';
}
