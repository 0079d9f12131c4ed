/**
 * A meeting log's meetings (a colloquium group's, a mentor pair's) as a calendar file (.ics), with
 * the `ics` library like the programme calendar (calendar.ts): times written as UTC instants from
 * the meeting's wall time in its zone, stable UIDs (`<meeting id>.<scope>@lederlogg`, the scope
 * being the group's id or `pair-<pair id>`, so importing again updates the meeting), the agenda as
 * the description. A module of its own, so the library loads only when someone exports.
 */
import { createEvents, type EventAttributes } from 'ics';
import {
	agendaOf,
	meetingEnd,
	meetingStart,
	placeLink,
	type Meeting,
	type MeetingAgendaItem
} from './meeting-log';

/** `scope`: whose log — a group's id (kept as it was, so calendars already imported update), `pair-<id>`. */
export function meetingUid(scope: string, meetingId: string): string {
	return `${meetingId}.${scope}@lederlogg`;
}

export interface MeetingsIcsInput {
	/** Whose log, in the UIDs (see meetingUid). */
	scope: string;
	/** The calendar's name: the group's name, "Mentor: Kari Nordmann". */
	calendarName: string;
	/** Each meeting's title, from the catalogue: "Lesesirkelen: kollokviemøte". */
	title: string;
	meetings: readonly Meeting[];
	/** Every agenda item of the log (each meeting takes its own). */
	agenda: readonly MeetingAgendaItem[];
}

function toAttributes(input: MeetingsIcsInput, meeting: Meeting, withUrl: boolean): EventAttributes {
	const agenda = agendaOf(input.agenda, meeting.id)
		.map((item, i) => `${i + 1}. ${item.text}`)
		.join('\n');
	const url = withUrl ? placeLink(meeting.place) : null;
	return {
		uid: meetingUid(input.scope, meeting.id),
		productId: 'lederlogg',
		calName: input.calendarName,
		title: input.title,
		start: meetingStart(meeting),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: meetingEnd(meeting),
		endInputType: 'utc',
		endOutputType: 'utc',
		description: agenda || undefined,
		location: meeting.place || undefined,
		url: url ?? undefined
	};
}

/** The .ics text for these meetings. */
export function meetingsIcs(input: MeetingsIcsInput): string {
	const attempt = (withUrl: boolean) =>
		createEvents(input.meetings.map((m) => toAttributes(input, m, withUrl)));
	let { error, value } = attempt(true);
	// A link the library's stricter check refuses still goes along as the location.
	if (error) ({ error, value } = attempt(false));
	if (error || !value) throw error ?? new Error('calendar export failed');
	return value;
}
