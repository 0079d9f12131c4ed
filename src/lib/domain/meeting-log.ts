/**
 * A meeting log, of a colloquium group or of a mentor pair: the meetings (a wall time in a zone,
 * how long, where), each meeting's agenda, who attended and what was agreed. Kept in the room's
 * document (sync/meeting-log.ts), one record per thing two people may change at once: attendance
 * is one record per person and meeting (`<meetingId>:<userId>`), so two members ticking at the
 * same time never overwrite each other. What only a pair's log has (a series planned at once, the
 * held mark, follow-ups ticked done, the report to the coordinator) is in pair-meeting.ts; the
 * calendar file is in meeting-ics.ts (loaded on export).
 */
import * as v from 'valibot';
import { GUIDE_KEYS } from './mentor-guides';
import { isLocalDateTime, PROGRAMME_TIME_ZONE, zonedToUtc } from './zoned-time';

export const MEETING_TIME_ZONE = PROGRAMME_TIME_ZONE;
export const DURATION_MIN = 15;
export const DURATION_MAX = 600;
export const DEFAULT_DURATION = 90;
export const PLACE_MAX = 200;
export const AGENDA_TEXT_MAX = 300;
export const AGREEMENT_TEXT_MAX = 500;
export const WHO_MAX = 120;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const UserId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const isTimeZone = (zone: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
};
/** A calendar date "2026-05-12" that exists. */
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'date')
);
const Place = v.pipe(v.string(), v.trim(), v.maxLength(PLACE_MAX, 'tooLong'));
const Duration = v.pipe(
	v.number(),
	v.integer('duration'),
	v.minValue(DURATION_MIN, 'duration'),
	v.maxValue(DURATION_MAX, 'duration')
);

export const MeetingSchema = v.object({
	id: Id,
	/** The wall time it starts at in `timeZone` ("2026-05-12T18:00"). */
	startsAt: v.pipe(v.string(), v.check(isLocalDateTime, 'startsAt')),
	timeZone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'timeZone')), MEETING_TIME_ZONE),
	durationMinutes: Duration,
	/** An address, a room or a link to the video meeting ('' when not decided). */
	place: v.optional(Place, ''),
	createdAt: Timestamp,
	createdBy: UserId
});
export type Meeting = v.InferOutput<typeof MeetingSchema>;

export const AgendaTextSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(AGENDA_TEXT_MAX, 'tooLong')
);

export const MeetingAgendaItemSchema = v.object({
	id: Id,
	meetingId: Id,
	text: AgendaTextSchema,
	/** Sort key: items are listed by it (then by id, for two added at once elsewhere). */
	order: v.pipe(v.number(), v.finite()),
	addedBy: UserId,
	/** The mentor scheme's guide it was picked from (absent: typed; a group's items never have one). */
	guide: v.optional(v.picklist(GUIDE_KEYS))
});
export type MeetingAgendaItem = v.InferOutput<typeof MeetingAgendaItemSchema>;

export const attendanceId = (meetingId: string, userId: string) => `${meetingId}:${userId}`;

export const AttendanceSchema = v.pipe(
	v.object({
		id: v.string(),
		meetingId: Id,
		userId: UserId,
		present: v.boolean()
	}),
	v.check((a) => a.id === attendanceId(a.meetingId, a.userId), 'attendance id')
);
export type Attendance = v.InferOutput<typeof AttendanceSchema>;

export const AgreementTextSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(AGREEMENT_TEXT_MAX, 'tooLong')
);
/** Who follows it up: a member's (or one of the pair's) id, or a name written in ('' for nobody in particular). */
const Who = v.pipe(v.string(), v.trim(), v.maxLength(WHO_MAX, 'tooLong'));
const Due = v.union([v.literal(''), LocalDate], 'date');

export const AgreementSchema = v.object({
	id: Id,
	meetingId: Id,
	text: AgreementTextSchema,
	who: v.optional(Who, ''),
	due: v.optional(Due, ''),
	addedBy: UserId,
	createdAt: Timestamp
});
export type Agreement = v.InferOutput<typeof AgreementSchema>;

/** What the agreement form sends. */
export const NewAgreementSchema = v.pick(AgreementSchema, ['text', 'who', 'due']);
export type NewAgreement = v.InferInput<typeof NewAgreementSchema>;

/** Everything of the log, as read from the document (in no particular order). */
export interface MeetingLog {
	meetings: Meeting[];
	agenda: MeetingAgendaItem[];
	attendance: Attendance[];
	agreements: Agreement[];
}

/** An instant as the log stores it (`createdAt`). */
export const isoInstant = (ms: number): string => new Date(ms).toISOString();

export const emptyMeetingLog = (): MeetingLog => ({
	meetings: [],
	agenda: [],
	attendance: [],
	agreements: []
});

// --- The meeting form: fields as typed, turned into a meeting's time, length and place. ---

/** The meeting form's fields as typed. */
export type MeetingDraft = {
	date: string;
	time: string;
	duration: string;
	place: string;
};

export const MeetingDraftSchema = v.object({
	date: LocalDate,
	time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time')),
	duration: v.pipe(v.string(), v.trim(), v.regex(/^\d{1,4}$/, 'duration'), v.transform(Number), Duration),
	place: Place
});

/** What a valid draft sets on a meeting. Throws a ValiError for an invalid one. */
export function meetingFromDraft(
	draft: MeetingDraft
): Pick<Meeting, 'startsAt' | 'durationMinutes' | 'place'> {
	const { date, time, duration, place } = v.parse(MeetingDraftSchema, draft);
	return { startsAt: `${date}T${time}`, durationMinutes: duration, place };
}

export function draftOfMeeting(
	meeting?: Pick<Meeting, 'startsAt' | 'durationMinutes' | 'place'>
): MeetingDraft {
	if (!meeting) return { date: '', time: '', duration: String(DEFAULT_DURATION), place: '' };
	return {
		date: meeting.startsAt.slice(0, 10),
		time: meeting.startsAt.slice(11, 16),
		duration: String(meeting.durationMinutes),
		place: meeting.place
	};
}

// --- When: instants, the next meeting, upcoming and past. ---

export const meetingStart = (m: Pick<Meeting, 'startsAt' | 'timeZone'>): number =>
	zonedToUtc(m.startsAt, m.timeZone);

export const meetingEnd = (m: Pick<Meeting, 'startsAt' | 'timeZone' | 'durationMinutes'>): number =>
	meetingStart(m) + m.durationMinutes * 60_000;

/** Earliest first; two at the same time by when they were planned, then id. */
export function sortMeetings(meetings: readonly Meeting[]): Meeting[] {
	return meetings
		.map((m) => ({ m, start: meetingStart(m) }))
		.sort(
			(a, b) =>
				a.start - b.start || a.m.createdAt.localeCompare(b.m.createdAt) || a.m.id.localeCompare(b.m.id)
		)
		.map(({ m }) => m);
}

/** Upcoming (not yet ended at `now`, soonest first; one going on now included) and past (latest first). */
export function splitMeetings(
	meetings: readonly Meeting[],
	now: number
): { upcoming: Meeting[]; past: Meeting[] } {
	const sorted = sortMeetings(meetings);
	return {
		upcoming: sorted.filter((m) => meetingEnd(m) > now),
		past: sorted.filter((m) => meetingEnd(m) <= now).reverse()
	};
}

/** The first meeting that has not ended yet at `now` (it may be going on), or null. */
export const nextMeeting = (meetings: readonly Meeting[], now: number): Meeting | null =>
	splitMeetings(meetings, now).upcoming[0] ?? null;

// --- The agenda of a meeting. ---

/** One meeting's agenda in order. */
export function agendaOf(items: readonly MeetingAgendaItem[], meetingId: string): MeetingAgendaItem[] {
	return items
		.filter((item) => item.meetingId === meetingId)
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The order of an item added at the end of a meeting's agenda. */
export const agendaOrderAtEnd = (items: readonly MeetingAgendaItem[], meetingId: string): number =>
	agendaOf(items, meetingId).reduce((max, item) => Math.max(max, item.order), 0) + 1;

/**
 * Moving an item one place up (-1) or down (+1): the two items that trade places, with their new
 * orders (nothing at an end). Equal orders (added at once on two devices) are made distinct.
 */
export function moveAgendaItem(
	items: readonly MeetingAgendaItem[],
	id: string,
	direction: -1 | 1
): MeetingAgendaItem[] {
	const item = items.find((i) => i.id === id);
	if (!item) return [];
	const ordered = agendaOf(items, item.meetingId);
	const at = ordered.findIndex((i) => i.id === id);
	const other = at + direction;
	if (other < 0 || other >= ordered.length) return [];
	const a = ordered[at];
	const b = ordered[other];
	const [orderA, orderB] = a.order === b.order ? [at + 1, other + 1] : [a.order, b.order];
	return [
		{ ...a, order: orderB },
		{ ...b, order: orderA }
	];
}

// --- Who attended. ---

/** Who was marked present at a meeting: user id → present. */
export function attendanceOf(records: readonly Attendance[], meetingId: string): Map<string, boolean> {
	return new Map(records.filter((r) => r.meetingId === meetingId).map((r) => [r.userId, r.present]));
}

/**
 * "3 av 5 til stede": of the group's members now, how many were marked present (someone who has
 * left the group is not counted).
 */
export function attendanceSummary(
	records: readonly Attendance[],
	meetingId: string,
	memberIds: readonly string[]
): { present: number; total: number } {
	const marks = attendanceOf(records, meetingId);
	const members = new Set(memberIds);
	return { present: [...members].filter((id) => marks.get(id) === true).length, total: members.size };
}

// --- What we agreed. ---

/** One meeting's agreements in the order they were made. */
export function agreementsOf(agreements: readonly Agreement[], meetingId: string): Agreement[] {
	return agreements
		.filter((a) => a.meetingId === meetingId)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Who follows an agreement up, as a name: a member's name for their id, else the text written in. */
export function agreementWho(
	agreement: Pick<Agreement, 'who'>,
	members: readonly { userId: string; name: string }[]
) {
	return members.find((m) => m.userId === agreement.who)?.name ?? agreement.who;
}

/** Is `place` a web link (then it is shown as one and put in the calendar's URL too)? */
export function placeLink(place: string): string | null {
	try {
		const url = new URL(place.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}
