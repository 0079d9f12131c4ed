/**
 * What search finds: one `SearchDocument` per thing I wrote — a note, a draft, a reading note or
 * quote, a reading session's note, a goal, an action, a milestone, a follow-up with the coach, a
 * change task, a check-in — built by pure functions from each source's records. Each document
 * names the page that shows it and the element on that page to open at, so a result lands on
 * the match, not just on the page.
 */
import type { ChangeTask, CheckIn } from './change-task';
import type { DraftTextRow } from './draft';
import type { NoteIndexRow } from './note';
import type { CoachNote, Goal, GoalAction, Milestone } from './plan';
import { textKey, type ReadingNote, type ReadingSession } from './reading';

export const SEARCH_KINDS = ['note', 'draft', 'reading', 'plan', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What the document is within its kind (the result list names it). */
export type SearchPart =
	| 'seminar'
	| 'reflection'
	| 'draft'
	| 'reading-note'
	| 'quote'
	| 'reading-session'
	| 'goal'
	| 'action'
	| 'milestone'
	| 'follow-up'
	| 'task'
	| 'check-in';

/** The page a result opens (a route and its parameters; the page resolves it). */
export type SearchTarget =
	| { route: '/notes/[id]'; id: string }
	| { route: '/drafts/[id]'; id: string }
	| { route: '/reading/[textKey]'; textKey: string }
	| { route: '/plan' }
	| { route: '/plan/goals/[id]'; id: string }
	| { route: '/tasks/[id]'; id: string };

export interface SearchDocument {
	/** Unique across kinds: `note:<id>`, `draft:<id>`, `reading-note:<id>`, `goal:<id>` … */
	id: string;
	kind: SearchKind;
	part: SearchPart;
	/** Searched first; '' when the thing has none (the list then shows its context, or its date). */
	title: string;
	text: string;
	/** Searched, weighted between title and text: a note's tags and session, a task's gathering. */
	keywords: string;
	/**
	 * What the thing belongs to, shown but not searched (else every check-in would match its task's
	 * title): the goal of an action, the task of a check-in, the text of a reading note, a note's
	 * session.
	 */
	context: string;
	/** Tags folded like search words, for `#tag` in a query. */
	tags: string[];
	target: SearchTarget;
	/** The id of the element on the target page that shows the match ('' = the page itself). */
	anchor: string;
	/** Last change (ms): newer first among equally good matches. */
	updatedAt: number;
	/** The calendar date to show ("2026-03-01") when the thing has one; '' = show `updatedAt`. */
	date: string;
}

/** Element ids the target pages give their items (the documents' anchors point at them). */
export const searchAnchor = {
	readingNote: (id: string) => `reading-note-${id}`,
	readingSession: (id: string) => `reading-session-${id}`,
	action: (id: string) => `plan-action-${id}`,
	milestone: (id: string) => `plan-milestone-${id}`,
	followUp: (id: string) => `plan-follow-up-${id}`,
	checkIn: (id: string) => `check-in-${id}`
};

const base = (doc: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'kind' | 'part' | 'target'>) => ({
	title: '',
	text: '',
	keywords: '',
	context: '',
	tags: [],
	anchor: '',
	updatedAt: 0,
	date: '',
	...doc
});
const join = (...parts: string[]) =>
	parts
		.map((p) => p.trim())
		.filter(Boolean)
		.join('\n\n');
const dayMs = (date: string) => Date.parse(`${date}T12:00:00Z`) || 0;

/** My notes (the device's note index); deleted ones are left out. */
export function noteDocuments(rows: readonly NoteIndexRow[]): SearchDocument[] {
	return rows
		.filter((row) => row.deleted === 0)
		.map((row) => {
			const session = row.session
				? [row.session.eventTitle, row.session.agendaItemTitle].filter(Boolean).join(' · ')
				: '';
			const context = session || row.seminar;
			return base({
				id: `note:${row.id}`,
				kind: 'note',
				part: row.kind,
				title: row.title.trim(),
				text: row.text,
				keywords: [...row.tags, row.seminar, session].filter(Boolean).join(' '),
				context,
				tags: row.tagKeys,
				target: { route: '/notes/[id]', id: row.id },
				updatedAt: row.updatedAt
			});
		});
}

/** My drafts (their text as the device keeps it for search). */
export function draftDocuments(rows: readonly DraftTextRow[]): SearchDocument[] {
	return rows.map((row) =>
		base({
			id: `draft:${row.id}`,
			kind: 'draft',
			part: 'draft',
			title: row.title.trim(),
			text: row.text,
			target: { route: '/drafts/[id]', id: row.id },
			updatedAt: row.updatedAt
		})
	);
}

/** A text of the reading log, by its key: what a reading note or session is about. */
export interface ReadingTitle {
	key: string;
	title: string;
}

/** Reading notes and quotes, and the notes of reading sessions (sessions without one are left out). */
export function readingDocuments(reading: {
	notes: readonly ReadingNote[];
	sessions: readonly ReadingSession[];
	texts: readonly ReadingTitle[];
}): SearchDocument[] {
	// The text's title is shown, not searched: a note is found by what it says, else every note
	// on a text would match the text's title.
	const titles = new Map(reading.texts.map((text) => [text.key, text.title]));
	const about = (key: string) => titles.get(key) ?? '';
	const notes = reading.notes.map((note) => {
		const key = textKey(note.textRef);
		return base({
			id: `reading-note:${note.id}`,
			kind: 'reading',
			part: note.kind === 'quote' ? 'quote' : 'reading-note',
			context: about(key),
			text: note.text,
			target: { route: '/reading/[textKey]', textKey: key },
			anchor: searchAnchor.readingNote(note.id),
			updatedAt: note.createdAt
		});
	});
	const sessions = reading.sessions
		.filter((session) => session.note.trim())
		.map((session) => {
			const key = textKey(session.textRef);
			return base({
				id: `reading-session:${session.id}`,
				kind: 'reading',
				part: 'reading-session',
				context: about(key),
				text: session.note,
				target: { route: '/reading/[textKey]', textKey: key },
				anchor: searchAnchor.readingSession(session.id),
				updatedAt: session.createdAt,
				date: session.date
			});
		});
	return [...notes, ...sessions];
}

/** The training plan: goals (why, how measured), actions, milestones, follow-ups with the coach. */
export function planDocuments(plan: {
	goals: readonly Goal[];
	goalActions: readonly GoalAction[];
	milestones: readonly Milestone[];
	coachNotes: readonly CoachNote[];
}): SearchDocument[] {
	const goals = new Map(plan.goals.map((goal) => [goal.id, goal]));
	return [
		...plan.goals.map((goal) =>
			base({
				id: `goal:${goal.id}`,
				kind: 'plan',
				part: 'goal',
				title: goal.title,
				text: join(goal.why, goal.measure),
				target: { route: '/plan/goals/[id]', id: goal.id },
				updatedAt: goal.createdAt
			})
		),
		...plan.goalActions.map((action) => {
			const goal = goals.get(action.goalId)?.title ?? '';
			return base({
				id: `action:${action.id}`,
				kind: 'plan',
				part: 'action',
				title: action.text,
				context: goal,
				target: { route: '/plan' },
				anchor: searchAnchor.action(action.id),
				updatedAt: action.createdAt
			});
		}),
		...plan.milestones.map((milestone) =>
			base({
				id: `milestone:${milestone.id}`,
				kind: 'plan',
				part: 'milestone',
				title: milestone.title,
				target: { route: '/plan' },
				anchor: searchAnchor.milestone(milestone.id),
				updatedAt: dayMs(milestone.date),
				date: milestone.date
			})
		),
		...plan.coachNotes.map((note) =>
			base({
				id: `follow-up:${note.id}`,
				kind: 'plan',
				part: 'follow-up',
				text: join(note.discussed, note.nextSteps),
				target: { route: '/plan' },
				anchor: searchAnchor.followUp(note.id),
				updatedAt: note.createdAt || dayMs(note.date),
				date: note.date
			})
		)
	];
}

/** Change tasks (what, why, first step, who, the closing reflection) and their check-ins. */
export function taskDocuments(changes: {
	tasks: readonly ChangeTask[];
	checkIns: readonly CheckIn[];
}): SearchDocument[] {
	const tasks = new Map(changes.tasks.map((task) => [task.id, task]));
	return [
		...changes.tasks.map((task) =>
			base({
				id: `task:${task.id}`,
				kind: 'task',
				part: 'task',
				title: task.what,
				text: join(task.why, task.firstStep, task.involve, task.reflection),
				keywords: task.session?.eventTitle ?? '',
				context: task.session?.eventTitle ?? '',
				target: { route: '/tasks/[id]', id: task.id },
				updatedAt: task.updatedAt
			})
		),
		// A check-in whose task is gone (deleted on another device) has nowhere to open.
		...changes.checkIns.flatMap((checkIn) => {
			const task = tasks.get(checkIn.taskId);
			if (!task) return [];
			return [
				base({
					id: `check-in:${checkIn.id}`,
					kind: 'task',
					part: 'check-in',
					text: join(checkIn.progress, checkIn.obstacles),
					context: task.what,
					target: { route: '/tasks/[id]', id: task.id },
					anchor: searchAnchor.checkIn(checkIn.id),
					updatedAt: checkIn.updatedAt,
					date: checkIn.date
				})
			];
		})
	];
}

/** Everything search reads, by source. */
export interface SearchSources {
	notes: readonly NoteIndexRow[];
	drafts: readonly DraftTextRow[];
	reading: Parameters<typeof readingDocuments>[0];
	plan: Parameters<typeof planDocuments>[0];
	tasks: Parameters<typeof taskDocuments>[0];
}

/** Every document from every source. */
export function searchDocuments(sources: SearchSources): SearchDocument[] {
	return [
		...noteDocuments(sources.notes),
		...draftDocuments(sources.drafts),
		...readingDocuments(sources.reading),
		...planDocuments(sources.plan),
		...taskDocuments(sources.tasks)
	];
}

/** `?q=…#anchor` for a result's link, so the page it opens can show the match. */
export function searchLinkSuffix(doc: Pick<SearchDocument, 'anchor'>, query: string): string {
	const q = query.trim();
	return (q ? `?q=${encodeURIComponent(q)}` : '') + (doc.anchor ? `#${doc.anchor}` : '');
}
