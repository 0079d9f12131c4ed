/**
 * The training plan (treningsplan): development goals, the actions under each goal, milestones and
 * the log of follow-ups with the coach. Private records in the personal workspace, one record per
 * goal, action, milestone and follow-up (two devices editing different ones offline both keep
 * their work). The records point only to each other, never to other data, so the whole plan can be
 * handed on as one document (`planDocument`) when it is shared with the coach.
 */
import * as v from 'valibot';
import { isLocalDateTime } from './zoned-time';

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Title = v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(300));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
const OptionalDate = v.optional(v.union([v.literal(''), LocalDate]), '');
const Instant = v.pipe(v.number(), v.integer(), v.minValue(0));

export const GOAL_STATUSES = ['not-started', 'in-progress', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GoalSchema = v.object({
	id: Id,
	title: Title,
	/** Why this goal matters to me. */
	why: v.optional(Text(5000), ''),
	/** How I will know that I have reached it. */
	measure: v.optional(Text(5000), ''),
	targetDate: OptionalDate,
	status: v.optional(v.picklist(GOAL_STATUSES), 'not-started'),
	/** Keeps the goals in the order they were made. */
	createdAt: v.optional(Instant, 0)
});

export const GoalActionSchema = v.object({
	id: Id,
	goalId: Id,
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(1000)),
	due: OptionalDate,
	done: v.optional(v.boolean(), false),
	createdAt: v.optional(Instant, 0)
});

export const MilestoneSchema = v.object({
	id: Id,
	title: Title,
	date: LocalDate,
	reached: v.optional(v.boolean(), false)
});

/** One follow-up conversation with the coach. */
export const CoachNoteSchema = v.object({
	id: Id,
	date: LocalDate,
	/** What we talked about. */
	discussed: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(10_000)),
	/** The next steps we agreed on. */
	nextSteps: v.optional(Text(10_000), ''),
	createdAt: v.optional(Instant, 0)
});

export type Goal = v.InferOutput<typeof GoalSchema>;
export type GoalAction = v.InferOutput<typeof GoalActionSchema>;
export type Milestone = v.InferOutput<typeof MilestoneSchema>;
export type CoachNote = v.InferOutput<typeof CoachNoteSchema>;

/** The workspace collections of the plan, each a map of records by id. */
export const PLAN_COLLECTIONS = {
	goals: GoalSchema,
	goalActions: GoalActionSchema,
	milestones: MilestoneSchema,
	coachNotes: CoachNoteSchema
} as const;

export interface GoalProgress {
	done: number;
	total: number;
	/** Whole percent of the actions done; 0 when the goal has no actions. */
	percent: number;
}

/** How far a goal has come, counted from its actions. */
export function goalProgress(actions: readonly Pick<GoalAction, 'done'>[]): GoalProgress {
	const done = actions.filter((a) => a.done).length;
	const total = actions.length;
	return { done, total, percent: total ? Math.round((done / total) * 100) : 0 };
}

/** A goal's actions: open ones first, then by due date (none last), then as they were made. */
export function actionsOf<A extends Pick<GoalAction, 'goalId' | 'done' | 'due' | 'createdAt' | 'id'>>(
	goalId: string,
	actions: readonly A[]
): A[] {
	return actions
		.filter((a) => a.goalId === goalId)
		.sort(
			(a, b) =>
				Number(a.done) - Number(b.done) ||
				(a.due || '9999').localeCompare(b.due || '9999') ||
				a.createdAt - b.createdAt ||
				a.id.localeCompare(b.id)
		);
}

/** Goals in the order they were made; reached and dropped ones after the others. */
export function goalsInOrder<G extends Pick<Goal, 'status' | 'createdAt' | 'id'>>(goals: readonly G[]): G[] {
	const closed = (g: G) => Number(g.status === 'reached' || g.status === 'dropped');
	return [...goals].sort(
		(a, b) => closed(a) - closed(b) || a.createdAt - b.createdAt || a.id.localeCompare(b.id)
	);
}

/** Milestones as a timeline: earliest first. */
export function milestonesByDate<M extends Pick<Milestone, 'date' | 'title'>>(milestones: readonly M[]): M[] {
	return [...milestones].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

/** The follow-up log: the latest conversation first. */
export function coachNotesByDate<N extends Pick<CoachNote, 'date' | 'createdAt'>>(notes: readonly N[]): N[] {
	return [...notes].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

export const PlanDocumentSchema = v.object({
	goals: v.array(v.object({ ...GoalSchema.entries, actions: v.array(GoalActionSchema) })),
	milestones: v.array(MilestoneSchema),
	coachNotes: v.array(CoachNoteSchema)
});
export type PlanDocument = v.InferOutput<typeof PlanDocumentSchema>;

/**
 * The whole plan as one self-contained document (goals with their actions, the timeline, the
 * log), in the order the plan page shows it. Actions whose goal is gone are left out.
 */
export function planDocument(plan: {
	goals: readonly Goal[];
	goalActions: readonly GoalAction[];
	milestones: readonly Milestone[];
	coachNotes: readonly CoachNote[];
}): PlanDocument {
	return {
		goals: goalsInOrder(plan.goals).map((goal) => ({
			...goal,
			actions: actionsOf(goal.id, plan.goalActions)
		})),
		milestones: milestonesByDate(plan.milestones),
		coachNotes: coachNotesByDate(plan.coachNotes)
	};
}
