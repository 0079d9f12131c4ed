/**
 * The competence self-assessments as the page uses them: live from the personal workspace (one
 * record per assessment), the change per competence, and adding or removing an assessment.
 * Private to the account; works offline and without an account.
 */
import {
	ASSESSMENTS_COLLECTION,
	AssessmentSchema,
	assessmentsInOrder,
	competenceChanges,
	type Assessment,
	type CompetenceChange
} from '$domain/competence';
import { newRecordId, Records } from './records.svelte';

export class SelfAssessments {
	readonly records = new Records(ASSESSMENTS_COLLECTION, AssessmentSchema);

	get loaded(): boolean {
		return this.records.loaded;
	}

	open(): () => void {
		return this.records.open();
	}

	/** Oldest first. */
	get list(): Assessment[] {
		return assessmentsInOrder(this.records.items);
	}

	/**
	 * The change for these competences: the list in use (a programme's, or the defaults) and
	 * whatever else has been rated.
	 */
	changesOf(competences: readonly string[]): CompetenceChange[] {
		return competenceChanges(this.records.items, competences);
	}

	/**
	 * Saves a new assessment (`names`: the coordinators' names of the competences rated); throws a
	 * ValiError for one the schema refuses (validate first).
	 */
	add(
		input: { date: string; ratings: Record<string, number>; note: string; names?: Record<string, string> },
		now = Date.now()
	): Assessment {
		return this.records.put({ id: newRecordId(), ...input, createdAt: now });
	}

	remove(id: string): Assessment | null {
		const assessment = this.records.get(id) ?? null;
		this.records.remove(id);
		return assessment;
	}

	restore(assessment: Assessment): void {
		this.records.put(assessment);
	}
}
