/**
 * Wall-clock times in a named time zone (programme events are planned in Europe/Oslo, whatever
 * zone the device is in). Pure functions over Intl: no time-zone library needed.
 */

export const PROGRAMME_TIME_ZONE = 'Europe/Oslo';
const DAY_MS = 24 * 60 * 60 * 1000;

/** "2019-09-03T09:00" (a local wall time, minutes precision). */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// Creating a formatter costs far more than using one: one per zone, kept (calendars convert hundreds of times).
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
	let format = wallClocks.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		wallClocks.set(timeZone, format);
	}
	return format;
}

/** The zone's offset from UTC, in minutes, at the instant `utcMs`. */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
	const parts = wallClock(timeZone).formatToParts(utcMs);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant (ms since epoch) of a wall time in a zone. In the autumn hour that happens twice
 * the earlier one is taken; a wall time skipped in spring moves forward by the gap.
 */
export function zonedToUtc(local: string, timeZone = PROGRAMME_TIME_ZONE): number {
	const m = LOCAL_DATE_TIME.exec(local);
	if (!m) throw new RangeError(`not a local date-time: ${local}`);
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	// The offsets in force a day before and after: around a change, one or both give this wall time.
	const before = wall - zoneOffsetMinutes(wall - DAY_MS, timeZone) * 60_000;
	const after = wall - zoneOffsetMinutes(wall + DAY_MS, timeZone) * 60_000;
	const matches = [before, after].filter((utc) => utcToZoned(utc, timeZone) === local);
	return matches.length ? Math.min(...matches) : before;
}

/** The wall time ("YYYY-MM-DDTHH:MM") of an instant in a zone. */
export function utcToZoned(utcMs: number, timeZone = PROGRAMME_TIME_ZONE): string {
	const shifted = new Date(utcMs + zoneOffsetMinutes(utcMs, timeZone) * 60_000);
	return shifted.toISOString().slice(0, 16);
}

/** True when the string is a real calendar wall time (not 2019-02-30T25:00). */
export function isLocalDateTime(value: string): boolean {
	const m = LOCAL_DATE_TIME.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
	return d.toISOString().slice(0, 16) === value;
}
