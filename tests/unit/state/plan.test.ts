import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Workspace } from '$sync/workspace';

// The plan uses the app's open workspace; here it is a real one, without the rest of the app.
const holder = vi.hoisted(() => ({ workspace: null as unknown }));
vi.mock('$state/app.svelte', () => ({
	app: {
		boot: async () => {},
		get workspace() {
			return holder.workspace;
		}
	}
}));
const { Plan } = await import('$state/plan.svelte');
const { SelfAssessments } = await import('$state/competence.svelte');

describe('training plan and self-assessments (state)', () => {
	let ws: Workspace;
	beforeAll(async () => {
		ws = new Workspace('ws-state-plan');
		await ws.ready();
		holder.workspace = ws;
	});
	afterAll(async () => {
		await ws.wipe();
	});

	it('keeps a goal with its actions live, counts progress, and removes the goal with its actions (undoable)', async () => {
		const plan = new Plan();
		const stop = plan.open();
		await vi.waitFor(() => expect(plan.loaded).toBe(true));
		const goal = plan.saveGoal({ id: 'g1', title: 'Lede endring', createdAt: 1 });
		const first = plan.addAction(goal.id, { text: 'Les Kotter', due: '' }, 1);
		plan.addAction(goal.id, { text: 'Snakk med rådmannen', due: '2026-03-01' }, 2);
		plan.setActionDone(first.id, true);
		expect(plan.progress('g1')).toEqual({ done: 1, total: 2, percent: 50 });
		expect(plan.document.goals[0].actions.map((a) => a.text)).toEqual(['Snakk med rådmannen', 'Les Kotter']);

		const removed = plan.removeGoal('g1');
		expect(plan.goals.items).toEqual([]);
		expect(ws.records('goalActions', plan.actions.schema)).toEqual([]);
		plan.restoreGoal(removed!);
		expect(plan.progress('g1')).toEqual({ done: 1, total: 2, percent: 50 });
		stop();
	});

	it('adds milestones and follow-ups; refuses what the schema refuses', async () => {
		const plan = new Plan();
		const stop = plan.open();
		await vi.waitFor(() => expect(plan.loaded).toBe(true));
		const milestone = plan.addMilestone({ title: 'Midtveis-samling', date: '2026-10-01' });
		plan.setMilestoneReached(milestone.id, true);
		plan.addCoachNote({ date: '2026-02-01', discussed: 'Mål for våren', nextSteps: '' });
		expect(plan.timeline).toMatchObject([{ title: 'Midtveis-samling', reached: true }]);
		expect(plan.log).toHaveLength(1);
		expect(() => plan.addMilestone({ title: '', date: '2026-10-01' })).toThrow();
		expect(plan.timeline).toHaveLength(1);
		stop();
	});

	it('adds self-assessments and shows the change between the first and the latest', async () => {
		const assessments = new SelfAssessments();
		const stop = assessments.open();
		await vi.waitFor(() => expect(assessments.loaded).toBe(true));
		assessments.add({ date: '2026-01-10', ratings: { facilitation: 2, rhetoric: 4 }, note: '' }, 1);
		assessments.add(
			{
				date: '2026-06-10',
				ratings: { facilitation: 4, rhetoric: 3, coaching: 5 },
				note: 'Etter våren',
				names: { coaching: 'Coaching' }
			},
			2
		);
		expect(assessments.changesOf(['facilitation', 'rhetoric']).map((c) => c.change)).toEqual([2, -1]);
		expect(assessments.list[1].names).toEqual({ coaching: 'Coaching' });
		expect(() => assessments.add({ date: '2026-06-11', ratings: {}, note: '' })).toThrow();
		expect(assessments.list).toHaveLength(2);
		stop();
	});
});
