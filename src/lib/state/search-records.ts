/**
 * The workspace records search reads (plan, change tasks, reading log), read through their
 * schemas; also used by bench/search.ts, so it imports nothing but the domain and the workspace type.
 */
import { CHANGE_CHECK_INS, CHANGE_TASKS, ChangeTaskSchema, CheckInSchema } from '$domain/change-task';
import {
	CoachNoteSchema,
	GoalActionSchema,
	GoalSchema,
	MilestoneSchema,
	PLAN_COLLECTIONS
} from '$domain/plan';
import type { Programme } from '$domain/programme';
import {
	OwnTextSchema,
	READING_COLLECTIONS,
	ReadingNoteSchema,
	ReadingSessionSchema,
	readingTexts
} from '$domain/reading';
import type { SearchSources } from '$domain/search-documents';
import type { Workspace } from '$sync/workspace';

type Records = Pick<Workspace, 'records'>;

/** The collections behind each kind of search document read from the workspace. */
export const SEARCH_COLLECTIONS = {
	plan: Object.keys(PLAN_COLLECTIONS),
	task: [CHANGE_TASKS, CHANGE_CHECK_INS],
	reading: Object.values(READING_COLLECTIONS)
};

export function planSource(ws: Records): SearchSources['plan'] {
	return {
		goals: ws.records('goals', GoalSchema),
		goalActions: ws.records('goalActions', GoalActionSchema),
		milestones: ws.records('milestones', MilestoneSchema),
		coachNotes: ws.records('coachNotes', CoachNoteSchema)
	};
}

export function taskSource(ws: Records): SearchSources['tasks'] {
	return {
		tasks: ws.records(CHANGE_TASKS, ChangeTaskSchema),
		checkIns: ws.records(CHANGE_CHECK_INS, CheckInSchema)
	};
}

/** Reading notes and sessions, with the titles of own texts and of the programmes' syllabus texts. */
export function readingSource(
	ws: Records,
	programmes: readonly { id: string; programme: Pick<Programme, 'syllabus'> }[]
): SearchSources['reading'] {
	return {
		notes: ws.records(READING_COLLECTIONS.notes, ReadingNoteSchema),
		sessions: ws.records(READING_COLLECTIONS.sessions, ReadingSessionSchema),
		texts: readingTexts(programmes, ws.records(READING_COLLECTIONS.texts, OwnTextSchema))
	};
}
