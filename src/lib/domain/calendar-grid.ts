/**
 * The date maths of the programme calendar: the weeks of a month (Monday first, with ISO week
 * numbers), which events fall on which day (a multi-day event on each of its days), and events or
 * agenda items grouped by month or day. It works on the programme's wall dates ("2019-09-03") with
 * UTC date arithmetic, so neither a daylight-saving change nor the device's own zone shifts a day.
 */
import * as v from 'valibot';
import type { ProgrammeEvent } from './programme';
import { PROGRAMME_TIME_ZONE, utcToZoned, zonedToUtc } from './zoned-time';

/** A calendar month, "2019-09". */
export type MonthKey = string;
export const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MonthKeySchema = v.pipe(v.string(), v.regex(MONTH_KEY, 'not a month'));

export const CALENDAR_VIEWS = ['list', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** What the calendar page remembers for the session: list or month view, and which month. */
export const CalendarChoiceSchema = v.object({
	view: v.picklist(CALENDAR_VIEWS),
	month: v.optional(MonthKeySchema)
});
export type CalendarChoice = v.InferOutput<typeof CalendarChoiceSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a date "YYYY-MM-DD". */
function dayNumber(isoDate: string): number {
	return Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS;
}

function fromDayNumber(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
	return fromDayNumber(dayNumber(isoDate) + days);
}

/** The month of a date or wall time. */
export function monthOf(dateOrDateTime: string): MonthKey {
	return dateOrDateTime.slice(0, 7);
}

export function addMonths(month: MonthKey, count: number): MonthKey {
	const index = +month.slice(0, 4) * 12 + (+month.slice(5, 7) - 1) + count;
	return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(isoDate: string): number {
	return (new Date(dayNumber(isoDate) * DAY_MS).getUTCDay() + 6) % 7;
}

/** The ISO 8601 week number (the week with the year's first Thursday is week 1), as used in Norway. */
export function isoWeek(isoDate: string): number {
	const thursday = addDays(isoDate, 3 - weekdayIndex(isoDate));
	return Math.floor((dayNumber(thursday) - dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
}

/** Today's date in the programme's zone. */
export function todayIn(now: number, timeZone = PROGRAMME_TIME_ZONE): string {
	return utcToZoned(now, timeZone).slice(0, 10);
}

export interface CalendarDay {
	date: string;
	/** False for the days of the previous and next month that fill the first and last week. */
	inMonth: boolean;
}
export interface CalendarWeek {
	week: number;
	days: CalendarDay[];
}

/** The weeks that show a month, Monday to Sunday (four to six of them). */
export function monthWeeks(month: MonthKey): CalendarWeek[] {
	const first = `${month}-01`;
	const last = addDays(`${addMonths(month, 1)}-01`, -1);
	const weeks: CalendarWeek[] = [];
	for (let monday = addDays(first, -weekdayIndex(first)); monday <= last; monday = addDays(monday, 7)) {
		const days = Array.from({ length: 7 }, (_, i) => {
			const date = addDays(monday, i);
			return { date, inMonth: monthOf(date) === month };
		});
		weeks.push({ week: isoWeek(monday), days });
	}
	return weeks;
}

/**
 * The first and last day an event takes place. An event ending at midnight does not take place
 * on the day that midnight starts.
 */
export function eventDates(event: Pick<ProgrammeEvent, 'start' | 'end'>): { first: string; last: string } {
	const first = event.start.slice(0, 10);
	let last = event.end.slice(0, 10);
	if (last > first && event.end.slice(11) === '00:00') last = addDays(last, -1);
	return { first, last: last < first ? first : last };
}

/** An event on one of its days: day 2 of 3 for the middle day of a three-day seminar. */
export interface DayEvent<E> {
	event: E;
	day: number;
	days: number;
}

/** The events on each day from `from` to `to` (inclusive), each day's in order of start. */
export function eventsByDay<E extends Pick<ProgrammeEvent, 'start' | 'end' | 'title'>>(
	events: readonly E[],
	from: string,
	to: string
): Map<string, DayEvent<E>[]> {
	const byDay = new Map<string, DayEvent<E>[]>();
	for (const event of sortByStart(events)) {
		const { first, last } = eventDates(event);
		if (last < from || first > to) continue;
		const days = dayNumber(last) - dayNumber(first) + 1;
		const start = first < from ? from : first;
		const end = last > to ? to : last;
		for (let date = start; date <= end; date = addDays(date, 1)) {
			const entry = { event, day: dayNumber(date) - dayNumber(first) + 1, days };
			const list = byDay.get(date);
			if (list) list.push(entry);
			else byDay.set(date, [entry]);
		}
	}
	return byDay;
}

/** Events in order of start (then title); a new array. */
export function sortByStart<E extends Pick<ProgrammeEvent, 'start' | 'title'>>(events: readonly E[]): E[] {
	return [...events].sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
}

/** Events by the month they start in, months and events in order. */
export function groupByMonth<E extends Pick<ProgrammeEvent, 'start' | 'title'>>(
	events: readonly E[]
): { month: MonthKey; events: E[] }[] {
	const groups: { month: MonthKey; events: E[] }[] = [];
	for (const event of sortByStart(events)) {
		const month = monthOf(event.start);
		const group = groups.at(-1);
		if (group?.month === month) group.events.push(event);
		else groups.push({ month, events: [event] });
	}
	return groups;
}

/** The events that take place on at least one day of a month, in order of start. */
export function eventsInMonth<E extends Pick<ProgrammeEvent, 'start' | 'end' | 'title'>>(
	events: readonly E[],
	month: MonthKey
): E[] {
	return sortByStart(events).filter((event) => {
		const { first, last } = eventDates(event);
		return monthOf(first) <= month && monthOf(last) >= month;
	});
}

/** Items with a start wall time (an event's agenda) by day, days and items in order. */
export function groupByDay<T extends { start: string }>(items: readonly T[]): { date: string; items: T[] }[] {
	const groups: { date: string; items: T[] }[] = [];
	for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
		const date = item.start.slice(0, 10);
		const group = groups.at(-1);
		if (group?.date === date) group.items.push(item);
		else groups.push({ date, items: [item] });
	}
	return groups;
}

/** An event with its start and end as instants (worked out once: the pages format and compare them). */
export interface TimedEvent<E> {
	event: E;
	startsAt: number;
	endsAt: number;
}

export function timed<E extends Pick<ProgrammeEvent, 'start' | 'end' | 'timeZone'>>(event: E): TimedEvent<E> {
	return {
		event,
		startsAt: zonedToUtc(event.start, event.timeZone),
		endsAt: zonedToUtc(event.end, event.timeZone)
	};
}

export type EventStatus = 'past' | 'ongoing' | 'upcoming';

/** Whether an event has ended, is going on or is still to come at the instant `now`. */
export function eventStatus(
	event: Pick<TimedEvent<unknown>, 'startsAt' | 'endsAt'>,
	now: number
): EventStatus {
	if (event.endsAt < now) return 'past';
	return event.startsAt <= now ? 'ongoing' : 'upcoming';
}
