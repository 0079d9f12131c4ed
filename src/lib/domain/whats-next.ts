/**
 * "Hva nå?": what is next across everything — the next event of my programmes, the work
 * requirements due soonest, the next change-task check-in. Pure: the home screen's state hands
 * in what each programme and the workspace say, and shows what this picks.
 */
import type { ProgrammeEvent, Requirement } from './programme';
import type { TaskSummary } from './change-task';

export interface ProgrammeNext {
	programmeId: string;
	programmeName: string;
	/** `ProgrammeView.next(now)`: the programme's next event that has not ended. */
	next: { event: ProgrammeEvent; startsAt: number } | null;
	/** `ProgrammeView.due(now)`: requirements not yet due. */
	due: readonly Requirement[];
}

export interface NextEvent {
	programmeId: string;
	programmeName: string;
	event: ProgrammeEvent;
	startsAt: number;
}
export interface NextDue {
	programmeId: string;
	programmeName: string;
	requirement: Requirement;
}
export interface NextCheckIn {
	taskId: string;
	what: string;
	date: string;
}

export interface WhatsNext {
	event: NextEvent | null;
	due: NextDue[];
	checkIn: NextCheckIn | null;
}

/** How many requirements the home screen lists. */
export const DUE_SHOWN = 3;

export function whatsNext(
	programmes: readonly ProgrammeNext[],
	activeTasks: readonly TaskSummary[]
): WhatsNext {
	let event: NextEvent | null = null;
	for (const p of programmes) {
		if (p.next && (!event || p.next.startsAt < event.startsAt)) {
			event = { programmeId: p.programmeId, programmeName: p.programmeName, ...p.next };
		}
	}
	const due = programmes
		.flatMap((p) =>
			p.due
				.filter((requirement) => requirement.due)
				.map((requirement) => ({ programmeId: p.programmeId, programmeName: p.programmeName, requirement }))
		)
		.sort(
			(a, b) =>
				a.requirement.due.localeCompare(b.requirement.due) ||
				a.requirement.title.localeCompare(b.requirement.title, 'nb')
		)
		.slice(0, DUE_SHOWN);
	let checkIn: NextCheckIn | null = null;
	for (const { task, next } of activeTasks) {
		if (task.status === 'active' && next && (!checkIn || next < checkIn.date)) {
			checkIn = { taskId: task.id, what: task.what, date: next };
		}
	}
	return { event, due, checkIn };
}

/** True when there is nothing to show (the home screen then shows no section at all). */
export function isEmpty(next: WhatsNext): boolean {
	return !next.event && next.due.length === 0 && !next.checkIn;
}
