/**
 * Work requirements as the participant plans them: by due date, and how far off each deadline is.
 * A requirement is due at the end of its due day, Oslo time (as in `upcomingRequirements`).
 */
import type { Requirement } from './programme';
import { utcToZoned, zonedToUtc } from './zoned-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export type DueStatus =
	| { kind: 'none' }
	| { kind: 'passed' }
	| { kind: 'today' }
	/** Whole calendar days (Oslo) from today to the due day. */
	| { kind: 'days'; days: number };

/** Soonest due first; those without a due date last; ties by title. */
export function requirementsByDue<R extends Pick<Requirement, 'due' | 'title'>>(
	requirements: readonly R[]
): R[] {
	return [...requirements].sort(
		(a, b) => (a.due || '9').localeCompare(b.due || '9') || a.title.localeCompare(b.title, 'nb')
	);
}

/** "om 5 dager", "i dag" or "frist passert", from now. */
export function dueStatus(due: string, now: number): DueStatus {
	if (!due) return { kind: 'none' };
	if (zonedToUtc(`${due}T23:59`) < now) return { kind: 'passed' };
	const today = utcToZoned(now).slice(0, 10);
	const days = Math.round((Date.parse(due) - Date.parse(today)) / DAY_MS);
	return days <= 0 ? { kind: 'today' } : { kind: 'days', days };
}
