/**
 * Calendar export (.ics) of programme events, with the `ics` library. Times are written as UTC
 * instants computed from the Europe/Oslo wall times, so every calendar shows them right in any
 * zone. UIDs are stable (`<event id>.<programme id>@lederlogg`), so importing again updates
 * the events instead of duplicating them.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Programme, ProgrammeEvent } from './programme';
import { zonedToUtc } from './zoned-time';

export function eventUid(programmeId: string, eventId: string): string {
	return `${eventId}.${programmeId}@lederlogg`;
}

function toAttributes(programmeId: string, programmeName: string, event: ProgrammeEvent): EventAttributes {
	const agenda = event.agenda
		.map((item) => `${item.start.slice(11)} ${item.title}${item.speaker ? ` (${item.speaker})` : ''}`)
		.join('\n');
	return {
		uid: eventUid(programmeId, event.id),
		productId: 'lederlogg',
		calName: programmeName,
		title: event.title,
		start: zonedToUtc(event.start, event.timeZone),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: zonedToUtc(event.end, event.timeZone),
		endInputType: 'utc',
		endOutputType: 'utc',
		description: [event.description, agenda].filter(Boolean).join('\n\n') || undefined,
		location: event.place || undefined,
		url: event.videoLink || undefined
	};
}

/** The .ics text for some or all events of a programme. */
export function programmeIcs(
	programmeId: string,
	programme: Pick<Programme, 'name' | 'events'>,
	eventIds?: readonly string[]
): string {
	const events = programme.events.filter((e) => !eventIds || eventIds.includes(e.id));
	const { error, value } = createEvents(events.map((e) => toAttributes(programmeId, programme.name, e)));
	if (error || !value) throw error ?? new Error('calendar export failed');
	return value;
}

/** A file name from a title: letters, digits and dashes. */
export function icsFileName(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/æ/gi, 'ae')
		.replace(/ø/gi, 'o')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase();
	return `${slug || 'kalender'}.ics`;
}
