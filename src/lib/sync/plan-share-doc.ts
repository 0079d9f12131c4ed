/**
 * The training plan as its owner shares it with a coach (room `user:<owner>:plan`): a copy of the
 * plan's collections from the owner's private workspace, written only by the owner's devices
 * (state/plan-share.svelte.ts keeps it equal to the workspace), read by the coaches it is shared
 * with. The private workspace stays the one place the plan is edited.
 */
import type * as Y from 'yjs';
import { PLAN_COLLECTIONS, type CoachNote, type Goal, type GoalAction, type Milestone } from '$domain/plan';
import { mirrorMapItems, readMapItems } from './item-maps';

export interface PlanParts {
	goals: Goal[];
	goalActions: GoalAction[];
	milestones: Milestone[];
	coachNotes: CoachNote[];
}

const COLLECTIONS = Object.keys(PLAN_COLLECTIONS) as (keyof typeof PLAN_COLLECTIONS)[];
const META = 'planMeta';

/** Makes the shared copy equal to `plan`; stamps when it last changed. Answers whether it did. */
export function writeSharedPlan(doc: Y.Doc, plan: PlanParts, now: number, origin: unknown): boolean {
	let changed = false;
	doc.transact(() => {
		for (const name of COLLECTIONS) {
			if (mirrorMapItems(doc, name, PLAN_COLLECTIONS[name], plan[name], origin)) changed = true;
		}
		if (changed) doc.getMap(META).set('updatedAt', now);
	}, origin);
	return changed;
}

export function readSharedPlan(doc: Y.Doc): PlanParts & { updatedAt: number | null } {
	const updatedAt = doc.getMap<unknown>(META).get('updatedAt');
	return {
		goals: readMapItems(doc, 'goals', PLAN_COLLECTIONS.goals).items,
		goalActions: readMapItems(doc, 'goalActions', PLAN_COLLECTIONS.goalActions).items,
		milestones: readMapItems(doc, 'milestones', PLAN_COLLECTIONS.milestones).items,
		coachNotes: readMapItems(doc, 'coachNotes', PLAN_COLLECTIONS.coachNotes).items,
		updatedAt: typeof updatedAt === 'number' ? updatedAt : null
	};
}

/** Calls back after any change to the shared copy, except those made with origin `ignore`. */
export function observeSharedPlan(doc: Y.Doc, callback: () => void, ignore?: unknown): () => void {
	const maps = [...COLLECTIONS, META].map((name) => doc.getMap(name));
	const handler = (event: Y.YMapEvent<unknown>) => {
		if (ignore === undefined || event.transaction.origin !== ignore) callback();
	};
	for (const map of maps) map.observe(handler);
	return () => maps.forEach((map) => map.unobserve(handler));
}

/** The plan's collections in the workspace, for following them there. */
export const PLAN_COLLECTION_NAMES: readonly string[] = COLLECTIONS;
