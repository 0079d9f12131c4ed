/**
 * The anonymous cohort view of the competence self-assessment. Participants opt in per programme
 * by sharing their latest assessment (the server keeps each member's latest answer); coordinators
 * see only the aggregate, and only from five answers (sync-server/programmes/surveys.ts). Sharing
 * needs a connection: it is a deliberate act, not a background sync.
 */
import { api, type ApiResult } from '$lib/api/client';
import type { SurveyAggregate, SurveyAnswer } from '$domain/session';
import { app } from './app.svelte';

export const COMPETENCE_SURVEY = 'competence';

export type CohortProblem = 'offline' | 'forbidden' | 'failed';

/** A participant's sharing with one programme's cohort. */
export class CohortSharing {
	#answer = $state<SurveyAnswer | null>(null);
	#known = $state(false);
	#problem = $state<CohortProblem | null>(null);
	#busy = $state(false);

	constructor(readonly programmeId: string) {}

	/** My shared answer, null if none; `known` false until the server has said. */
	get answer() {
		return this.#answer;
	}
	get known() {
		return this.#known;
	}
	get problem() {
		return this.#problem;
	}
	get busy() {
		return this.#busy;
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token) return;
		const result = await api.mySurveyAnswer(this.programmeId, COMPETENCE_SURVEY, token);
		if (result.ok) this.#settle(result.value, null);
		else if (result.kind === 'http' && result.status === 404) this.#settle(null, null);
		else this.#problem = problemOf(result);
	}

	/** Shares these ratings (my latest assessment), replacing what I shared before. */
	async share(ratings: Record<string, number>): Promise<void> {
		await this.#run((token) => api.answerSurvey(this.programmeId, COMPETENCE_SURVEY, ratings, token));
	}

	async withdraw(): Promise<void> {
		await this.#run((token) => api.withdrawSurveyAnswer(this.programmeId, COMPETENCE_SURVEY, token));
	}

	async #run(request: (token: string) => Promise<ApiResult<void>>): Promise<void> {
		const token = app.token;
		if (!token) return void (this.#problem = 'forbidden');
		this.#busy = true;
		try {
			const result = await request(token);
			if (!result.ok) return void (this.#problem = problemOf(result));
			this.#problem = null;
			await this.load();
		} finally {
			this.#busy = false;
		}
	}

	#settle(answer: SurveyAnswer | null, problem: CohortProblem | null): void {
		this.#answer = answer;
		this.#known = true;
		this.#problem = problem;
	}
}

/** What a coordinator sees of the cohort. */
export class CohortAggregate {
	#value = $state<SurveyAggregate | null>(null);
	#problem = $state<CohortProblem | null>(null);

	constructor(readonly programmeId: string) {}

	get value() {
		return this.#value;
	}
	get problem() {
		return this.#problem;
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token) return;
		const result = await api.surveyAggregate(this.programmeId, COMPETENCE_SURVEY, token);
		if (result.ok) {
			this.#value = result.value;
			this.#problem = null;
		} else this.#problem = problemOf(result);
	}
}

function problemOf(result: Exclude<ApiResult<unknown>, { ok: true }>): CohortProblem {
	if (result.kind === 'offline') return 'offline';
	return result.status === 401 || result.status === 403 ? 'forbidden' : 'failed';
}
