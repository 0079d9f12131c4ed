import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { invalidFields } from '$domain/form';
import {
	actionsOf,
	CoachNoteSchema,
	coachNotesByDate,
	GoalActionSchema,
	goalProgress,
	GoalSchema,
	goalsInOrder,
	MilestoneSchema,
	milestonesByDate,
	planDocument,
	PlanDocumentSchema,
	type GoalAction
} from '$domain/plan';

const action = (id: string, over: Partial<GoalAction> = {}): GoalAction => ({
	id,
	goalId: 'g1',
	text: `Tiltak ${id}`,
	due: '',
	done: false,
	createdAt: 0,
	...over
});

describe('training plan schemas', () => {
	it('round-trips a goal, filling the defaults and trimming', () => {
		const goal = v.parse(GoalSchema, { id: 'g1', title: '  Lede endring  ' });
		expect(goal).toEqual({
			id: 'g1',
			title: 'Lede endring',
			why: '',
			measure: '',
			targetDate: '',
			status: 'not-started',
			createdAt: 0
		});
		expect(v.parse(GoalSchema, JSON.parse(JSON.stringify(goal)))).toEqual(goal);
	});

	it('refuses an empty title, a bad date and an unknown status, field by field', () => {
		expect(
			invalidFields(GoalSchema, { id: 'g1', title: ' ', targetDate: '2026-02-30', status: 'done', why: '' })
		).toEqual(new Set(['title', 'targetDate', 'status']));
		expect(invalidFields(GoalSchema, { id: 'g1', title: 'Mål', targetDate: '2026-06-30' }).size).toBe(0);
		expect(invalidFields(GoalSchema, { id: 'g1', title: 'Mål', why: 'x'.repeat(5001) })).toEqual(
			new Set(['why'])
		);
	});

	it('validates actions, milestones and follow-ups', () => {
		expect(v.parse(GoalActionSchema, { id: 'a1', goalId: 'g1', text: 'Les Kotter' })).toEqual({
			id: 'a1',
			goalId: 'g1',
			text: 'Les Kotter',
			due: '',
			done: false,
			createdAt: 0
		});
		expect(invalidFields(GoalActionSchema, { id: 'a1', goalId: 'g1', text: '', due: 'i morgen' })).toEqual(
			new Set(['text', 'due'])
		);
		expect(invalidFields(MilestoneSchema, { id: 'm1', title: 'Halvveis', date: '' })).toEqual(
			new Set(['date'])
		);
		expect(v.parse(MilestoneSchema, { id: 'm1', title: 'Halvveis', date: '2026-12-01' }).reached).toBe(false);
		expect(invalidFields(CoachNoteSchema, { id: 'c1', date: '2026-03-01', discussed: '  ' })).toEqual(
			new Set(['discussed'])
		);
		expect(
			v.parse(CoachNoteSchema, {
				id: 'c1',
				date: '2026-03-01',
				discussed: 'Budsjett',
				nextSteps: 'Møte rådmann'
			}).nextSteps
		).toBe('Møte rådmann');
	});
});

describe('goal progress', () => {
	it('counts the actions done, in whole percent', () => {
		expect(goalProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
		expect(goalProgress([action('a'), action('b', { done: true })])).toEqual({
			done: 1,
			total: 2,
			percent: 50
		});
		expect(goalProgress([action('a', { done: true }), action('b'), action('c')])).toEqual({
			done: 1,
			total: 3,
			percent: 33
		});
		expect(goalProgress([action('a', { done: true })]).percent).toBe(100);
	});

	it("lists a goal's own actions: open first, then by due date (none last), then as made", () => {
		const list = [
			action('done', { done: true, due: '2026-01-01' }),
			action('nodue', { createdAt: 1 }),
			action('late', { due: '2026-05-01' }),
			action('other', { goalId: 'g2' }),
			action('early', { due: '2026-02-01' }),
			action('nodue0', { createdAt: 0 })
		];
		expect(actionsOf('g1', list).map((a) => a.id)).toEqual(['early', 'late', 'nodue0', 'nodue', 'done']);
	});
});

describe('the plan in order and as one document', () => {
	const goals = [
		v.parse(GoalSchema, { id: 'reached', title: 'Nådd', status: 'reached', createdAt: 1 }),
		v.parse(GoalSchema, { id: 'b', title: 'Andre', createdAt: 3 }),
		v.parse(GoalSchema, { id: 'a', title: 'Første', status: 'in-progress', createdAt: 2 })
	];

	it('orders goals, the timeline and the log', () => {
		expect(goalsInOrder(goals).map((g) => g.id)).toEqual(['a', 'b', 'reached']);
		expect(
			milestonesByDate([
				{ title: 'B', date: '2026-09-01' },
				{ title: 'A', date: '2026-02-01' }
			]).map((m) => m.title)
		).toEqual(['A', 'B']);
		expect(
			coachNotesByDate([
				{ date: '2026-02-01', createdAt: 5 },
				{ date: '2026-03-01', createdAt: 1 },
				{ date: '2026-03-01', createdAt: 2 }
			]).map((n) => n.createdAt)
		).toEqual([2, 1, 5]);
	});

	it('puts each goal with its actions, drops orphaned actions, and parses as a document', () => {
		const doc = planDocument({
			goals,
			goalActions: [action('x', { goalId: 'a' }), action('y', { goalId: 'gone' })],
			milestones: [v.parse(MilestoneSchema, { id: 'm', title: 'Eksamen', date: '2027-05-01' })],
			coachNotes: []
		});
		expect(doc.goals.map((g) => [g.id, g.actions.map((a) => a.id)])).toEqual([
			['a', ['x']],
			['b', []],
			['reached', []]
		]);
		expect(v.parse(PlanDocumentSchema, JSON.parse(JSON.stringify(doc)))).toEqual(doc);
	});
});
