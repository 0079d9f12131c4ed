/**
 * The training plan as its pages use it: live goals, actions, milestones and coach follow-ups
 * from the personal workspace, and the verbs that change them. Everything is written to the
 * device at once and synced to the account's other devices later; works offline and without an
 * account. Each page makes its own `Plan` and opens it for as long as it shows.
 */
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
	type CoachNote,
	type Goal,
	type GoalAction,
	type GoalProgress,
	type Milestone,
	type PlanDocument
} from '$domain/plan';
import { newRecordId, Records } from './records.svelte';

/** What a removed goal took with it, to put back on undo. */
export interface RemovedGoal {
	goal: Goal;
	actions: GoalAction[];
}

export class Plan {
	readonly goals = new Records('goals', GoalSchema);
	readonly actions = new Records('goalActions', GoalActionSchema);
	readonly milestones = new Records('milestones', MilestoneSchema);
	readonly coachNotes = new Records('coachNotes', CoachNoteSchema);

	/** True once every part of the plan has been read from the device. */
	get loaded(): boolean {
		return this.goals.loaded && this.actions.loaded && this.milestones.loaded && this.coachNotes.loaded;
	}

	/** Starts following the plan; returns the function that stops. */
	open(): () => void {
		const stops = [this.goals, this.actions, this.milestones, this.coachNotes].map((r) => r.open());
		return () => stops.forEach((stop) => stop());
	}

	get goalList(): Goal[] {
		return goalsInOrder(this.goals.items);
	}
	get timeline(): Milestone[] {
		return milestonesByDate(this.milestones.items);
	}
	get log(): CoachNote[] {
		return coachNotesByDate(this.coachNotes.items);
	}
	/** The whole plan as one self-contained document (what sharing with the coach will send). */
	get document(): PlanDocument {
		return planDocument({
			goals: this.goals.items,
			goalActions: this.actions.items,
			milestones: this.milestones.items,
			coachNotes: this.coachNotes.items
		});
	}

	goal(id: string): Goal | undefined {
		return this.goals.get(id);
	}
	actionsOf(goalId: string): GoalAction[] {
		return actionsOf(goalId, this.actions.items);
	}
	progress(goalId: string): GoalProgress {
		return goalProgress(this.actionsOf(goalId));
	}

	/** Saves a goal (new or edited); throws a ValiError for one the schema refuses. */
	saveGoal(goal: unknown): Goal {
		return this.goals.put(goal);
	}

	/** Removes a goal and its actions; returns them for undo. */
	removeGoal(id: string): RemovedGoal | null {
		const goal = this.goals.get(id);
		if (!goal) return null;
		const actions = this.actionsOf(id);
		for (const action of actions) this.actions.remove(action.id);
		this.goals.remove(id);
		return { goal, actions };
	}

	restoreGoal({ goal, actions }: RemovedGoal): void {
		this.goals.put(goal);
		for (const action of actions) this.actions.put(action);
	}

	addAction(goalId: string, input: { text: string; due: string }, now = Date.now()): GoalAction {
		return this.actions.put({ id: newRecordId(), goalId, ...input, done: false, createdAt: now });
	}

	saveAction(action: GoalAction): GoalAction {
		return this.actions.put(action);
	}

	setActionDone(id: string, done: boolean): void {
		const action = this.actions.get(id);
		if (action && action.done !== done) this.actions.put({ ...action, done });
	}

	removeAction(id: string): GoalAction | null {
		const action = this.actions.get(id) ?? null;
		this.actions.remove(id);
		return action;
	}

	addMilestone(input: { title: string; date: string }): Milestone {
		return this.milestones.put({ id: newRecordId(), ...input, reached: false });
	}

	setMilestoneReached(id: string, reached: boolean): void {
		const milestone = this.milestones.get(id);
		if (milestone && milestone.reached !== reached) this.milestones.put({ ...milestone, reached });
	}

	removeMilestone(id: string): Milestone | null {
		const milestone = this.milestones.get(id) ?? null;
		this.milestones.remove(id);
		return milestone;
	}

	addCoachNote(input: { date: string; discussed: string; nextSteps: string }, now = Date.now()): CoachNote {
		return this.coachNotes.put({ id: newRecordId(), ...input, createdAt: now });
	}

	removeCoachNote(id: string): CoachNote | null {
		const note = this.coachNotes.get(id) ?? null;
		this.coachNotes.remove(id);
		return note;
	}

	/** Puts back a removed milestone, action or follow-up (undo). */
	restore(
		collection: 'milestones' | 'goalActions' | 'coachNotes',
		record: Milestone | GoalAction | CoachNote
	) {
		const records = { milestones: this.milestones, goalActions: this.actions, coachNotes: this.coachNotes };
		records[collection].put(record);
	}
}
