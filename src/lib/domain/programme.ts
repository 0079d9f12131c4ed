/**
 * A leadership programme as its coordinators describe it: modules, events with agendas, lectures
 * with discussion questions, the syllabus, the work requirements and the competences of the
 * self-assessment (competence-list.ts). The shapes of the programme
 * document (`programme:<id>`), parsed whenever it is read; pure functions for what is next and due.
 */
import * as v from 'valibot';
import { CompetenceSchema, defaultCompetences } from './competence-list';
import { isLocalDateTime, PROGRAMME_TIME_ZONE, zonedToUtc } from './zoned-time';

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Title = v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(300));
const Text = v.pipe(v.string(), v.maxLength(20_000));
const Url = v.pipe(
	v.string(),
	v.trim(),
	v.url('not a web address'),
	v.regex(/^https?:\/\//i, 'http or https only')
);
const LocalDateTime = v.pipe(v.string(), v.check(isLocalDateTime, 'not a date and time'));
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
const Count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

export const EVENT_KINDS = ['seminar', 'webinar', 'exam', 'colloquium', 'three-party', 'deadline'] as const;
export const REQUIREMENT_KINDS = ['blog-post', 'written-work', 'comments', 'other'] as const;
export const SYLLABUS_KINDS = ['set', 'self-chosen'] as const;

export const ModuleSchema = v.object({
	id: Id,
	/** Its place in the programme (module 1, 2 …); 0 = not numbered, listed last. */
	number: v.optional(Count(99), 0),
	title: Title,
	credits: Count(120),
	/** Free text such as "Høsten 2019". */
	period: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)), ''),
	description: v.optional(Text, '')
});

export const AgendaItemSchema = v.object({
	id: Id,
	/** Wall time in the programme's zone. */
	start: LocalDateTime,
	title: Title,
	speaker: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
	room: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), '')
});

export const EventSchema = v.pipe(
	v.object({
		id: Id,
		kind: v.picklist(EVENT_KINDS),
		title: Title,
		start: LocalDateTime,
		end: LocalDateTime,
		timeZone: v.optional(v.literal(PROGRAMME_TIME_ZONE), PROGRAMME_TIME_ZONE),
		place: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), ''),
		videoLink: v.optional(v.union([v.literal(''), Url]), ''),
		description: v.optional(Text, ''),
		moduleId: v.optional(v.union([v.literal(''), Id]), ''),
		agenda: v.optional(v.array(AgendaItemSchema), [])
	}),
	// On the end field, and checked even while other fields are still invalid (forms show it at
	// once); a start or end that is no date-time is refused above (valibot still runs this check).
	v.forward(
		v.partialCheck(
			[['start'], ['end'], ['timeZone']],
			(e) =>
				!isLocalDateTime(e.start) ||
				!isLocalDateTime(e.end) ||
				zonedToUtc(e.end, e.timeZone) >= zonedToUtc(e.start, e.timeZone),
			'the end is before the start'
		),
		['end']
	)
);

export const QuestionSchema = v.object({
	id: Id,
	text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000))
});

export const LectureSchema = v.object({
	id: Id,
	title: Title,
	videoLink: v.optional(v.union([v.literal(''), Url]), ''),
	durationMinutes: v.optional(Count(600), 0),
	moduleId: v.optional(v.union([v.literal(''), Id]), ''),
	questions: v.optional(v.array(QuestionSchema), [])
});

export const SyllabusItemSchema = v.object({
	id: Id,
	title: Title,
	author: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), ''),
	pages: Count(10_000),
	kind: v.picklist(SYLLABUS_KINDS),
	moduleIds: v.optional(v.array(Id), []),
	lectureIds: v.optional(v.array(Id), []),
	link: v.optional(v.union([v.literal(''), Url]), '')
});

export const RequirementSchema = v.object({
	id: Id,
	title: Title,
	kind: v.picklist(REQUIREMENT_KINDS),
	/** About how long the text should be, in characters (e.g. 2000 for a blog post). */
	targetCharacters: v.optional(Count(1_000_000), 0),
	/** How many discussion comments are required (for kind "comments"). */
	requiredComments: v.optional(Count(1000), 0),
	due: v.optional(v.union([v.literal(''), LocalDate]), ''),
	moduleId: v.optional(v.union([v.literal(''), Id]), '')
});

export const ProgrammeSchema = v.object({
	name: Title,
	modules: v.array(ModuleSchema),
	events: v.array(EventSchema),
	lectures: v.array(LectureSchema),
	syllabus: v.array(SyllabusItemSchema),
	requirements: v.array(RequirementSchema),
	/** The self-assessment's competences, removed ones included (domain/competence-list.ts). */
	competences: v.optional(v.array(CompetenceSchema), defaultCompetences)
});

/** The collections of the programme document, each a map of items by id. */
export const PROGRAMME_COLLECTIONS = {
	modules: ModuleSchema,
	events: EventSchema,
	lectures: LectureSchema,
	syllabus: SyllabusItemSchema,
	requirements: RequirementSchema
} as const;
export type Collection = keyof typeof PROGRAMME_COLLECTIONS;
export type ItemOf<C extends Collection> = v.InferOutput<(typeof PROGRAMME_COLLECTIONS)[C]>;

/** A comment on a lecture's discussion question (the discussion document, every member writes). */
export const CommentSchema = v.object({
	id: Id,
	lectureId: Id,
	questionId: Id,
	authorId: v.pipe(v.string(), v.minLength(1)),
	authorName: v.pipe(v.string(), v.maxLength(100)),
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(10_000)),
	createdAt: v.number()
});
export type Comment = v.InferOutput<typeof CommentSchema>;
/** What a member types: the rest is filled in by the app. */
export const NewCommentSchema = v.pick(CommentSchema, ['lectureId', 'questionId', 'text']);

export type Module = v.InferOutput<typeof ModuleSchema>;
export type AgendaItem = v.InferOutput<typeof AgendaItemSchema>;
export type ProgrammeEvent = v.InferOutput<typeof EventSchema>;
export type Lecture = v.InferOutput<typeof LectureSchema>;
export type SyllabusItem = v.InferOutput<typeof SyllabusItemSchema>;
export type Requirement = v.InferOutput<typeof RequirementSchema>;
export type Programme = v.InferOutput<typeof ProgrammeSchema>;

/** The next event that has not ended, with its start instant. */
export function nextEvent(
	events: readonly ProgrammeEvent[],
	now: number
): { event: ProgrammeEvent; startsAt: number } | null {
	let best: { event: ProgrammeEvent; startsAt: number } | null = null;
	for (const event of events) {
		if (zonedToUtc(event.end, event.timeZone) < now) continue;
		const startsAt = zonedToUtc(event.start, event.timeZone);
		if (!best || startsAt < best.startsAt) best = { event, startsAt };
	}
	return best;
}

/** Days, hours and minutes until an instant (zero when it has passed). */
export function countdown(to: number, now: number): { days: number; hours: number; minutes: number } {
	const total = Math.max(0, Math.floor((to - now) / 60_000));
	return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** Requirements with a due date that has not passed, soonest first (due at the end of that day, Oslo time). */
export function upcomingRequirements(requirements: readonly Requirement[], now: number): Requirement[] {
	return requirements
		.filter((r) => r.due && zonedToUtc(`${r.due}T23:59`) >= now)
		.sort((a, b) => a.due.localeCompare(b.due));
}

/** Total credits and pages: the programme's overview numbers. */
export function programmeTotals(p: Pick<Programme, 'modules' | 'syllabus'>) {
	let setPages = 0;
	let selfChosenPages = 0;
	for (const item of p.syllabus) {
		if (item.kind === 'set') setPages += item.pages;
		else selfChosenPages += item.pages;
	}
	return { credits: p.modules.reduce((sum, m) => sum + m.credits, 0), setPages, selfChosenPages };
}

/**
 * The comments of one member that count toward a "comments" requirement: on lectures of the
 * requirement's module, or on any lecture when it names none.
 */
export function countingComments(
	requirement: Pick<Requirement, 'moduleId'>,
	lectures: readonly Pick<Lecture, 'id' | 'moduleId'>[],
	comments: readonly Pick<Comment, 'authorId' | 'lectureId'>[],
	authorId: string
): number {
	const inScope = requirement.moduleId
		? new Set(lectures.filter((l) => l.moduleId === requirement.moduleId).map((l) => l.id))
		: null;
	return comments.filter((c) => c.authorId === authorId && (!inScope || inScope.has(c.lectureId))).length;
}

/** "You have commented on n of m required": each comment counts once. */
export function commentProgress(requirement: Pick<Requirement, 'requiredComments'>, myComments: number) {
	const required = requirement.requiredComments;
	return { done: Math.min(myComments, required), required, complete: required > 0 && myComments >= required };
}
