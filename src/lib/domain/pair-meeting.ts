/**
 * What a mentor pair's meeting log adds to the shared one (meeting-log.ts): a series of meetings
 * planned at once, the "held" mark of each meeting, follow-ups ticked done, the agenda picker over
 * the scheme's guides, the link from a private reflection to its meeting, and the report the pair's
 * devices send the coordinator — dates and held marks, never content.
 *
 * The held mark and the done tick are records of their own (not fields of the meeting or the
 * follow-up), so one of the pair ticking while the other changes the meeting's place, offline on
 * both sides, keeps both changes; and a tick never brings back a follow-up the other removed.
 */
import * as v from 'valibot';
import type { GuideKey, GuideSuggestion } from './mentor-guides';
import {
	MeetingDraftSchema,
	meetingStart,
	sortMeetings,
	type Meeting,
	type MeetingDraft
} from './meeting-log';
import { MAX_REPORTED_MEETINGS, MeetingsReportSchema, type MeetingsReport } from './pair';
import { PROGRAMME_TIME_ZONE, utcToZoned } from './zoned-time';

export const EVERY_WEEKS_MIN = 1;
export const EVERY_WEEKS_MAX = 8;
export const SERIES_COUNT_MIN = 1;
export const SERIES_COUNT_MAX = 24;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const UserId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const Timestamp = v.pipe(v.string(), v.isoTimestamp());

// --- A series planned at once. ---

/** The series form's fields as typed: the first meeting, then how often and how many. */
export type SeriesDraft = MeetingDraft & { everyWeeks: string; count: string };

const wholeIn = (min: number, max: number, message: string) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d{1,2}$/, message),
		v.transform(Number),
		v.minValue(min, message),
		v.maxValue(max, message)
	);

export const SeriesDraftSchema = v.object({
	...MeetingDraftSchema.entries,
	everyWeeks: wholeIn(EVERY_WEEKS_MIN, EVERY_WEEKS_MAX, 'everyWeeks'),
	count: wholeIn(SERIES_COUNT_MIN, SERIES_COUNT_MAX, 'count')
});

export const emptySeriesDraft = (): SeriesDraft => ({
	date: '',
	time: '',
	duration: '90',
	place: '',
	everyWeeks: '4',
	count: '10'
});

/** The calendar date `days` after `date` ("2026-10-22" + 7 → "2026-10-29"). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The wall times of a series: the first, then every `everyWeeks` weeks, `count` in all. Each is the
 * same clock time on its date (18:00 stays 18:00 in Oslo across the change to and from summer time).
 */
export function seriesStarts(date: string, time: string, everyWeeks: number, count: number): string[] {
	return Array.from({ length: count }, (_, i) => `${addDays(date, i * 7 * everyWeeks)}T${time}`);
}

/** What a valid series draft plans: one meeting's time, length and place per date. Throws a ValiError otherwise. */
export function meetingsFromSeries(
	draft: SeriesDraft
): Pick<Meeting, 'startsAt' | 'durationMinutes' | 'place'>[] {
	const { date, time, duration, place, everyWeeks, count } = v.parse(SeriesDraftSchema, draft);
	return seriesStarts(date, time, everyWeeks, count).map((startsAt) => ({
		startsAt,
		durationMinutes: duration,
		place
	}));
}

// --- Held, and follow-ups done. ---

/** Whether a meeting was held ("Gjennomført"); one record per meeting, keyed by its id. */
export const HeldMarkSchema = v.pipe(
	v.object({
		id: Id,
		meetingId: Id,
		held: v.boolean(),
		markedBy: UserId,
		markedAt: Timestamp
	}),
	v.check((m) => m.id === m.meetingId, 'held mark id')
);
export type HeldMark = v.InferOutput<typeof HeldMarkSchema>;

/** Whether a follow-up (an agreement of the log) is done; one record per follow-up, keyed by its id. */
export const DoneMarkSchema = v.pipe(
	v.object({
		id: Id,
		agreementId: Id,
		done: v.boolean(),
		markedBy: UserId,
		markedAt: Timestamp
	}),
	v.check((m) => m.id === m.agreementId, 'done mark id')
);
export type DoneMark = v.InferOutput<typeof DoneMarkSchema>;

/** meeting id → held (a meeting never marked is absent). */
export const heldMap = (marks: readonly HeldMark[]): Map<string, boolean> =>
	new Map(marks.map((m) => [m.meetingId, m.held]));

/** agreement id → done (one never ticked is absent). */
export const doneMap = (marks: readonly DoneMark[]): Map<string, boolean> =>
	new Map(marks.map((m) => [m.agreementId, m.done]));

// --- The report to the coordinator. ---

/** A meeting's date in Norway ("2026-05-12"), whatever zone it was planned in. */
export const meetingDateInNorway = (meeting: Pick<Meeting, 'startsAt' | 'timeZone'>): string =>
	utcToZoned(meetingStart(meeting), PROGRAMME_TIME_ZONE).slice(0, 10);

/**
 * What the pair's devices tell the coordinator: each meeting of the plan, its date in Norway and
 * whether it was held, in date order — nothing the two wrote. The server keeps at most
 * MAX_REPORTED_MEETINGS; beyond that the latest are sent.
 */
export function meetingsReport(
	meetings: readonly Meeting[],
	held: ReadonlyMap<string, boolean>
): MeetingsReport {
	const all = sortMeetings(meetings).map((m) => ({
		date: meetingDateInNorway(m),
		held: held.get(m.id) === true
	}));
	return { meetings: all.slice(-MAX_REPORTED_MEETINGS) };
}

export const sameReport = (a: MeetingsReport, b: MeetingsReport): boolean =>
	a.meetings.length === b.meetings.length &&
	a.meetings.every((m, i) => m.date === b.meetings[i].date && m.held === b.meetings[i].held);

/** The last report built on this device for a pair, and whether the server has confirmed it. */
export const StoredReportSchema = v.object({ report: MeetingsReportSchema, sent: v.boolean() });
export type StoredReport = v.InferOutput<typeof StoredReportSchema>;
/** Kept in the device's settings, by pair id. */
export const StoredReportsSchema = v.record(v.string(), StoredReportSchema);
export type StoredReports = v.InferOutput<typeof StoredReportsSchema>;

/** Whether `report` must go to the server, given what was last built and sent here. */
export const reportDue = (stored: StoredReport | undefined, report: MeetingsReport): boolean =>
	!stored || !stored.sent || !sameReport(stored.report, report);

// --- The agenda picker. ---

export interface SuggestionSection {
	heading: string;
	items: GuideSuggestion[];
}
export interface SuggestionGroup {
	guide: GuideKey;
	sections: SuggestionSection[];
}

/** The suggestions of each guide, under their headings, in the guides' order (a guide with none is left out). */
export function groupSuggestions(
	guides: readonly { guide: GuideKey; suggestions: readonly GuideSuggestion[] }[]
): SuggestionGroup[] {
	return guides.flatMap(({ guide, suggestions }) => {
		const sections: SuggestionSection[] = [];
		for (const s of suggestions) {
			const last = sections.at(-1);
			if (last && last.heading === s.heading) last.items.push(s);
			else sections.push({ heading: s.heading, items: [s] });
		}
		return sections.length ? [{ guide, sections }] : [];
	});
}

/** A suggestion's key in the picker (guide and text: a guide lists a text once). */
export const suggestionKey = (s: Pick<GuideSuggestion, 'guide' | 'text'>) => `${s.guide}\u0000${s.text}`;

// --- The private reflection. ---

/** FNV-1a, 32 bits, as 8 hex digits (a name, not a secret). */
function fnv1a(text: string, seed: number): string {
	let hash = seed >>> 0;
	for (const byte of new TextEncoder().encode(text)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * The id of my reflection note after a pair meeting: the same on each of my devices, so writing it
 * on two of them offline gives one note (its rich body merges), and opening it again finds it.
 */
export function reflectionNoteId(pairId: string, meetingId: string): string {
	const key = `${pairId}/${meetingId}`;
	return `reflection-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}`;
}
