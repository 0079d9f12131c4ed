import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ChangeTaskSchema, type TaskSummary } from '$domain/change-task';
import { EventSchema, RequirementSchema, type ProgrammeEvent, type Requirement } from '$domain/programme';
import { isEmpty, whatsNext, type ProgrammeNext } from '$domain/whats-next';

const event = (id: string, start: string): ProgrammeEvent =>
	v.parse(EventSchema, {
		id,
		title: `Samling ${id}`,
		kind: 'seminar',
		start,
		end: start.replace(/T\d\d/, 'T23'),
		timeZone: 'Europe/Oslo'
	});
const requirement = (id: string, due: string): Requirement =>
	v.parse(RequirementSchema, { id, title: `Krav ${id}`, kind: 'blog-post', due });
const summary = (id: string, next: string | null, status: 'active' | 'done' = 'active'): TaskSummary => ({
	task: v.parse(ChangeTaskSchema, {
		id,
		what: `Oppgave ${id}`,
		status,
		reflection: status === 'done' ? 'ferdig' : '',
		createdAt: 0,
		updatedAt: 0
	}),
	checkIns: [],
	next
});
const programme = (id: string, over: Partial<ProgrammeNext> = {}): ProgrammeNext => ({
	programmeId: id,
	programmeName: `Program ${id}`,
	next: null,
	due: [],
	...over
});

describe("what's next", () => {
	it('is empty with no programmes and no tasks (device-only use)', () => {
		const next = whatsNext([], []);
		expect(next).toEqual({ event: null, due: [], checkIn: null });
		expect(isEmpty(next)).toBe(true);
	});

	it('picks the soonest event across programmes', () => {
		const a = event('a', '2026-05-04T09:00');
		const b = event('b', '2026-04-20T09:00');
		const next = whatsNext(
			[
				programme('p1', { next: { event: a, startsAt: 2000 } }),
				programme('p2', { next: { event: b, startsAt: 1000 } }),
				programme('p3')
			],
			[]
		);
		expect(next.event).toEqual({ programmeId: 'p2', programmeName: 'Program p2', event: b, startsAt: 1000 });
		expect(isEmpty(next)).toBe(false);
	});

	it('lists the three requirements due soonest across programmes', () => {
		const next = whatsNext(
			[
				programme('p1', { due: [requirement('r1', '2026-04-10'), requirement('r2', '2026-06-01')] }),
				programme('p2', {
					due: [requirement('r3', '2026-04-01'), requirement('r4', '2026-05-01'), requirement('r5', '')]
				})
			],
			[]
		);
		expect(next.due.map((d) => [d.programmeId, d.requirement.id])).toEqual([
			['p2', 'r3'],
			['p1', 'r1'],
			['p2', 'r4']
		]);
	});

	it('takes the earliest check-in of an active task', () => {
		const next = whatsNext(
			[],
			[
				summary('t1', '2026-04-01'),
				summary('t2', '2026-03-20'),
				summary('t3', null),
				summary('t4', '2026-03-01', 'done')
			]
		);
		expect(next.checkIn).toEqual({ taskId: 't2', what: 'Oppgave t2', date: '2026-03-20' });
	});
});
