/**
 * The competence self-assessment (egenvurdering): the participant rates competences from 1 to 5,
 * one record per assessment (its date, the ratings by competence id, a note), and repeats it later
 * to see the change. The ids are stable (records keep them when the names are translated or the
 * list changes); the default names are in the catalogues (`competence.name.<id>`), a programme's
 * own list is in its document (domain/competence-list.ts).
 */
import * as v from 'valibot';
import { isLocalDateTime } from './zoned-time';

/** The default competences, from the programme's wishes and the competence survey. */
export const COMPETENCES = [
	'leader-role',
	'strategic-leadership',
	'project-management',
	'personnel',
	'economy-budget',
	'marketing-visibility',
	'networking',
	'municipal-administration',
	'social-mission',
	'facilitation',
	'design-thinking',
	'citizen-involvement',
	'didactics',
	'rhetoric',
	'change-management'
] as const;
export type CompetenceId = (typeof COMPETENCES)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
const Rating = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));

export const AssessmentSchema = v.object({
	id: Id,
	date: LocalDate,
	/**
	 * Rating by competence id. Any id is kept (a list edited later may have others), but at least
	 * one competence must be rated.
	 */
	ratings: v.pipe(
		v.record(Id, Rating),
		v.check((r) => Object.keys(r).length > 0, 'rate at least one competence')
	),
	note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(5000)), ''),
	/**
	 * The names the coordinators had given the competences rated (by id; not the catalogue's), as
	 * they were when rated: a competence later taken off the list still shows under its name.
	 */
	names: v.optional(v.record(Id, v.pipe(v.string(), v.maxLength(200))), {}),
	/** Orders two assessments of the same day. */
	createdAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0)
});
export type Assessment = v.InferOutput<typeof AssessmentSchema>;

/** The collection of the workspace that holds the assessments. */
export const ASSESSMENTS_COLLECTION = 'assessments';

/** Assessments oldest first. */
export function assessmentsInOrder<A extends Pick<Assessment, 'date' | 'createdAt' | 'id'>>(
	assessments: readonly A[]
): A[] {
	return [...assessments].sort(
		(a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt || a.id.localeCompare(b.id)
	);
}

export interface RatingAt {
	rating: number;
	date: string;
}

export interface CompetenceChange {
	id: string;
	/** The earliest rating of this competence, null if never rated. */
	first: RatingAt | null;
	/** The latest rating (the same as `first` when rated once). */
	latest: RatingAt | null;
	/** Latest minus first; null until the competence has been rated twice. */
	change: number | null;
	/** How many assessments rated it. */
	times: number;
}

/**
 * For each competence, its first and latest rating and the change between them. A competence left
 * out of an assessment is compared across the assessments that did rate it.
 */
export function competenceChanges(
	assessments: readonly Assessment[],
	competences: readonly string[] = COMPETENCES
): CompetenceChange[] {
	const ordered = assessmentsInOrder(assessments);
	return competences.map((id) => {
		const rated = ordered.filter((a) => Object.hasOwn(a.ratings, id));
		if (rated.length === 0) return { id, first: null, latest: null, change: null, times: 0 };
		const first = rated[0];
		const latest = rated[rated.length - 1];
		return {
			id,
			first: { rating: first.ratings[id], date: first.date },
			latest: { rating: latest.ratings[id], date: latest.date },
			change: rated.length > 1 ? latest.ratings[id] - first.ratings[id] : null,
			times: rated.length
		};
	});
}
