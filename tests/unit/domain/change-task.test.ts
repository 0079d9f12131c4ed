import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	ChangeTaskSchema,
	CheckInSchema,
	checkInsOf,
	checkInStatus,
	localToday,
	nextCheckIn,
	summariseTasks,
	suggestNextCheckIn,
	type ChangeTask,
	type CheckIn
} from '$domain/change-task';

const OSLO = 'Europe/Oslo';
const T0 = Date.UTC(2026, 2, 2, 9); // Monday 2 March 2026, 10:00 in Oslo

function task(over: Partial<ChangeTask> = {}): ChangeTask {
	return v.parse(ChangeTaskSchema, {
		id: over.id ?? 't1',
		what: 'Åpne biblioteket for frivillige',
		status: 'active',
		createdAt: T0,
		updatedAt: T0,
		...over
	});
}
function checkIn(over: Partial<CheckIn> & { date: string }): CheckIn {
	return v.parse(CheckInSchema, {
		id: `c-${over.date}-${over.createdAt ?? 0}`,
		taskId: 't1',
		progress: 'Snakket med kommunen',
		createdAt: 0,
		updatedAt: 0,
		...over
	});
}

describe('change task schema', () => {
	it('round-trips a full task and fills defaults for a minimal one', () => {
		const full = task({
			why: 'Flere åpne timer',
			firstStep: 'Møte med frivilligsentralen',
			involve: 'Rådmannen',
			due: '2026-06-01',
			nextCheckIn: '2026-03-16',
			noteId: 'abcdefgh1234',
			session: {
				programmeId: 'p1',
				eventId: 'oppstart',
				agendaItemId: '',
				eventTitle: 'Oppstartsseminar',
				agendaItemTitle: ''
			}
		});
		expect(v.parse(ChangeTaskSchema, JSON.parse(JSON.stringify(full)))).toEqual(full);
		const minimal = task();
		expect(minimal).toMatchObject({
			why: '',
			due: '',
			nextCheckIn: '',
			noteId: '',
			session: null,
			reflection: ''
		});
	});

	it('refuses a task without what, a bad date, and a done task without a reflection', () => {
		expect(v.safeParse(ChangeTaskSchema, { ...task(), what: '  ' }).success).toBe(false);
		expect(v.safeParse(ChangeTaskSchema, { ...task(), due: '2026-02-30' }).success).toBe(false);
		const closed = v.safeParse(ChangeTaskSchema, { ...task(), status: 'done', reflection: ' ' });
		expect(closed.success).toBe(false);
		expect(closed.issues?.[0].path?.map((p) => p.key)).toEqual(['reflection']);
		expect(v.safeParse(ChangeTaskSchema, { ...task(), status: 'done', reflection: 'Det gikk' }).success).toBe(
			true
		);
	});

	it('requires a date and progress on a check-in', () => {
		expect(v.safeParse(CheckInSchema, { ...checkIn({ date: '2026-03-10' }), progress: '' }).success).toBe(
			false
		);
		expect(v.safeParse(CheckInSchema, { ...checkIn({ date: '2026-03-10' }), date: '' }).success).toBe(false);
	});
});

describe('dates', () => {
	it('takes today in the given zone', () => {
		const lateEvening = Date.UTC(2026, 2, 1, 23, 30); // 00:30 on 2 March in Oslo
		expect(localToday(lateEvening, OSLO)).toBe('2026-03-02');
		expect(localToday(lateEvening, 'UTC')).toBe('2026-03-01');
	});

	it('adds days across months and the spring clock change', () => {
		expect(addDays('2026-03-20', 14)).toBe('2026-04-03');
		expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
	});

	it('suggests two weeks ahead, but not after a due date that comes first', () => {
		expect(suggestNextCheckIn('2026-03-02', '')).toBe('2026-03-16');
		expect(suggestNextCheckIn('2026-03-02', '2026-03-10')).toBe('2026-03-10');
		expect(suggestNextCheckIn('2026-03-02', '2026-05-01')).toBe('2026-03-16');
		// A due date already passed does not pull the check-in back.
		expect(suggestNextCheckIn('2026-03-02', '2026-02-20')).toBe('2026-03-16');
	});

	it('says how far off a check-in is', () => {
		expect(checkInStatus('2026-03-01', '2026-03-02')).toEqual({ kind: 'overdue' });
		expect(checkInStatus('2026-03-02', '2026-03-02')).toEqual({ kind: 'today' });
		expect(checkInStatus('2026-03-05', '2026-03-02')).toEqual({ kind: 'days', days: 3 });
	});
});

describe('next check-in', () => {
	it('uses the chosen date first', () => {
		expect(nextCheckIn(task({ nextCheckIn: '2026-03-04' }), [{ date: '2026-03-20' }], OSLO)).toBe(
			'2026-03-04'
		);
	});

	it('else two weeks after the last check-in, or after the day the task was made', () => {
		expect(nextCheckIn(task(), [], OSLO)).toBe('2026-03-16');
		expect(nextCheckIn(task(), [{ date: '2026-03-20' }, { date: '2026-03-09' }], OSLO)).toBe('2026-04-03');
		expect(nextCheckIn(task({ due: '2026-03-25' }), [{ date: '2026-03-20' }], OSLO)).toBe('2026-03-25');
	});

	it('is none for a done task', () => {
		expect(
			nextCheckIn(task({ status: 'done', reflection: 'Ferdig', nextCheckIn: '2026-03-04' }), [], OSLO)
		).toBe(null);
	});
});

describe('task list', () => {
	it('lists check-ins of one task newest first', () => {
		const list = [
			checkIn({ date: '2026-03-09', createdAt: 1 }),
			checkIn({ date: '2026-03-20', createdAt: 2 }),
			checkIn({ date: '2026-03-09', createdAt: 3 }),
			checkIn({ date: '2026-03-30', taskId: 'other' })
		];
		expect(checkInsOf('t1', list).map((c) => [c.date, c.createdAt])).toEqual([
			['2026-03-20', 2],
			['2026-03-09', 3],
			['2026-03-09', 1]
		]);
	});

	it('sorts active tasks by next check-in, then done tasks newest first', () => {
		const tasks = [
			task({ id: 'late', what: 'B', nextCheckIn: '2026-04-01' }),
			task({ id: 'soon', what: 'C', nextCheckIn: '2026-03-05' }),
			task({ id: 'tie', what: 'A', nextCheckIn: '2026-04-01' }),
			task({ id: 'old', status: 'done', reflection: 'x', doneAt: T0 + 1000 }),
			task({ id: 'new', status: 'done', reflection: 'y', doneAt: T0 + 5000 }),
			// No date chosen: two weeks after its last check-in (20 March → 3 April).
			task({ id: 'computed', what: 'D' })
		];
		const { active, done } = summariseTasks(
			tasks,
			[checkIn({ date: '2026-03-20', taskId: 'computed' })],
			OSLO
		);
		expect(active.map((s) => [s.task.id, s.next])).toEqual([
			['soon', '2026-03-05'],
			['tie', '2026-04-01'],
			['late', '2026-04-01'],
			['computed', '2026-04-03']
		]);
		expect(active.find((s) => s.task.id === 'computed')?.checkIns).toHaveLength(1);
		expect(done.map((s) => [s.task.id, s.next])).toEqual([
			['new', null],
			['old', null]
		]);
	});
});
