/**
 * Change tasks: what a participant takes home from a seminar to change in their own library
 * (what, why, first step, who to involve, due date), followed up by check-ins (date, progress,
 * obstacles) until done with a closing reflection. Records of the personal workspace: a task
 * and each check-in are separate records (a check-in points to its task), so two devices adding
 * check-ins offline both keep theirs. Pure functions for the next check-in and the task order.
 */
import * as v from 'valibot';
import { NoteIdSchema, NoteSessionSchema } from './note';
import { isLocalDateTime, utcToZoned } from './zoned-time';

export const CHANGE_TASKS = 'changeTasks';
export const CHANGE_CHECK_INS = 'changeCheckIns';
export const TASK_STATUSES = ['active', 'done'] as const;

/** Days from one check-in to the next suggested one. */
export const CHECK_IN_INTERVAL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const Required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(max));
export const LocalDateSchema = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
const OptionalDate = v.optional(v.union([v.literal(''), LocalDateSchema]), '');

/** What the task form edits. */
export const ChangeTaskFieldsSchema = v.object({
	what: Required(300),
	why: v.optional(Text(5000), ''),
	firstStep: v.optional(Text(2000), ''),
	involve: v.optional(Text(2000), ''),
	due: OptionalDate,
	nextCheckIn: OptionalDate
});
export type ChangeTaskFields = v.InferOutput<typeof ChangeTaskFieldsSchema>;

export const ChangeTaskSchema = v.pipe(
	v.object({
		id: Id,
		...ChangeTaskFieldsSchema.entries,
		status: v.picklist(TASK_STATUSES),
		/** The seminar note the task came from ('' when none). */
		noteId: v.optional(v.union([v.literal(''), NoteIdSchema]), ''),
		/** The note's session when the task was made (a snapshot), so the task names its gathering. */
		session: v.fallback(v.nullable(NoteSessionSchema), null),
		/** Written when the task is marked done; required then. */
		reflection: v.optional(Text(10_000), ''),
		doneAt: v.optional(v.nullable(v.number()), null),
		createdAt: v.number(),
		updatedAt: v.number()
	}),
	v.forward(
		v.partialCheck(
			[['status'], ['reflection']],
			(task) => task.status !== 'done' || task.reflection.length > 0,
			'a reflection is required'
		),
		['reflection']
	)
);
export type ChangeTask = v.InferOutput<typeof ChangeTaskSchema>;

/** Closing a task: the reflection is required. */
export const CloseTaskSchema = v.object({ reflection: Required(10_000) });

export const CheckInFieldsSchema = v.object({
	date: LocalDateSchema,
	progress: Required(5000),
	obstacles: v.optional(Text(5000), '')
});
export type CheckInFields = v.InferOutput<typeof CheckInFieldsSchema>;

export const CheckInSchema = v.object({
	id: Id,
	taskId: Id,
	...CheckInFieldsSchema.entries,
	createdAt: v.number(),
	updatedAt: v.number()
});
export type CheckIn = v.InferOutput<typeof CheckInSchema>;

/** Today's calendar date ("2026-03-02") in a zone (the device's, for personal dates). */
export function localToday(now: number, timeZone: string): string {
	return utcToZoned(now, timeZone).slice(0, 10);
}

/** A calendar date plus whole days. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` to `date` (negative when it has passed). */
export function daysUntil(date: string, today: string): number {
	return Math.round((Date.parse(date) - Date.parse(today)) / DAY_MS);
}

/**
 * The check-in to suggest after one on `from`: two weeks later, but not after the task's due
 * date while that is still ahead (the last check-in is on the due day).
 */
export function suggestNextCheckIn(from: string, due: string): string {
	const next = addDays(from, CHECK_IN_INTERVAL_DAYS);
	return due && due > from && due < next ? due : next;
}

/**
 * When an active task is next followed up: its chosen check-in date, else as suggested after
 * its last check-in (or the day it was made). Null for a done task.
 */
export function nextCheckIn(
	task: Pick<ChangeTask, 'status' | 'nextCheckIn' | 'due' | 'createdAt'>,
	checkIns: readonly Pick<CheckIn, 'date'>[],
	timeZone: string
): string | null {
	if (task.status === 'done') return null;
	if (task.nextCheckIn) return task.nextCheckIn;
	const last = checkIns.reduce((latest, c) => (c.date > latest ? c.date : latest), '');
	return suggestNextCheckIn(last || localToday(task.createdAt, timeZone), task.due);
}

/** One task as the lists show it: with its check-ins (newest first) and next check-in date. */
export interface TaskSummary {
	task: ChangeTask;
	checkIns: CheckIn[];
	next: string | null;
}

/** The check-ins of one task, newest first (by date, then by when written). */
export function checkInsOf(taskId: string, checkIns: readonly CheckIn[]): CheckIn[] {
	return checkIns
		.filter((c) => c.taskId === taskId)
		.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

/**
 * The task list: active tasks by next check-in (soonest first, ties by what), then done tasks,
 * most recently finished first.
 */
export function summariseTasks(
	tasks: readonly ChangeTask[],
	checkIns: readonly CheckIn[],
	timeZone: string
): { active: TaskSummary[]; done: TaskSummary[] } {
	const summaries = tasks.map((task) => {
		const own = checkInsOf(task.id, checkIns);
		return { task, checkIns: own, next: nextCheckIn(task, own, timeZone) };
	});
	const active = summaries
		.filter((s) => s.task.status === 'active')
		.sort(
			(a, b) => (a.next ?? '').localeCompare(b.next ?? '') || a.task.what.localeCompare(b.task.what, 'nb')
		);
	const done = summaries
		.filter((s) => s.task.status === 'done')
		.sort((a, b) => (b.task.doneAt ?? b.task.updatedAt) - (a.task.doneAt ?? a.task.updatedAt));
	return { active, done };
}

export type CheckInStatus = { kind: 'overdue' } | { kind: 'today' } | { kind: 'days'; days: number };

/** How far off a check-in is: passed, today, or in whole days. */
export function checkInStatus(date: string, today: string): CheckInStatus {
	const days = daysUntil(date, today);
	if (days < 0) return { kind: 'overdue' };
	return days === 0 ? { kind: 'today' } : { kind: 'days', days };
}

/** The task form as typed (every field a string); saved only when ChangeTaskFieldsSchema accepts it. */
export type TaskDraft = { [K in keyof ChangeTaskFields]: string };
/** The check-in form as typed, with the next check-in date it sets on the task. */
export type CheckInDraft = { [K in keyof CheckInFields]: string } & { next: string };

export function taskDraft(task?: Partial<ChangeTaskFields>): TaskDraft {
	return {
		what: task?.what ?? '',
		why: task?.why ?? '',
		firstStep: task?.firstStep ?? '',
		involve: task?.involve ?? '',
		due: task?.due ?? '',
		nextCheckIn: task?.nextCheckIn ?? ''
	};
}
