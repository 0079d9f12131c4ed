import { catalogues, DEFAULT_LOCALE, format, type MessageKey, type Params } from './index';

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of formatters, not state
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and options: calendars format hundreds of dates per render. */
function dateFormat(intl: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${intl} ${JSON.stringify(options)}`;
	let formatter = formats.get(key);
	if (!formatter) formats.set(key, (formatter = new Intl.DateTimeFormat(intl, options)));
	return formatter;
}

/** One relative-time formatter per language ("5 minutes ago"). */
function relativeFormat(intl: string): Intl.RelativeTimeFormat {
	let formatter = relativeFormats.get(intl);
	if (!formatter)
		relativeFormats.set(intl, (formatter = new Intl.RelativeTimeFormat(intl, { numeric: 'auto' })));
	return formatter;
}
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not state
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The device's time zone, asked once per page (a zone change while the app is open is rare). */
let deviceZone: string | undefined;

/** The current language. `t` and the formatters follow it reactively. */
class Locale {
	#code = $state(DEFAULT_LOCALE);

	get code(): string {
		return this.#code;
	}

	get intl(): string {
		return catalogues[this.#code].meta.intl;
	}

	get available() {
		return Object.values(catalogues).map((c) => c.meta);
	}

	set(code: string): void {
		if (!catalogues[code]) return;
		this.#code = code;
		if (typeof document !== 'undefined') document.documentElement.lang = code;
	}

	t = (key: MessageKey, params?: Params): string => format(catalogues[this.#code], key, params);

	/** A whole number as the language writes it ("20 000" in Norwegian, "20,000" in English). */
	number = (n: number): string => {
		let formatter = numberFormats.get(this.intl);
		if (!formatter) numberFormats.set(this.intl, (formatter = new Intl.NumberFormat(this.intl)));
		return formatter.format(n);
	};

	/** An instant as a wall time in a zone (programme events are in Europe/Oslo). */
	zonedDateTime = (ms: number, timeZone: string): string =>
		dateFormat(this.intl, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(ms);

	/** A calendar date "2026-12-01" in words. */
	date = (isoDate: string): string =>
		dateFormat(this.intl, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(isoDate));

	dateTime = (ms: number): string =>
		dateFormat(this.intl, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

	/**
	 * The span of an event in its zone: "tir. 3. sep., 09:00–15:00", or with the full date and
	 * year (`long`); `zone` adds the zone's short name ("CEST") for readers elsewhere.
	 */
	zonedRange = (start: number, end: number, timeZone: string, { long = false, zone = false } = {}): string =>
		dateFormat(this.intl, {
			...(long
				? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
				: { weekday: 'short', day: 'numeric', month: 'short' }),
			hour: '2-digit',
			minute: '2-digit',
			timeZone,
			...(zone ? { timeZoneName: 'short' } : {})
		}).formatRange(start, end);

	/** A time of day in a zone: "09:00". */
	zonedTime = (ms: number, timeZone: string): string =>
		dateFormat(this.intl, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);

	/** A month "2019-09" in words: "september 2019". */
	month = (month: string): string =>
		dateFormat(this.intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
			Date.parse(`${month}-01`)
		);

	/** A calendar date with its weekday: "tirsdag 3. september". */
	weekdayDate = (isoDate: string): string =>
		dateFormat(this.intl, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
			Date.parse(isoDate)
		);

	/** The weekdays, Monday first: { short: 'man.', long: 'mandag' }. */
	get weekdays(): { short: string; long: string }[] {
		const short = dateFormat(this.intl, { weekday: 'short', timeZone: 'UTC' });
		const long = dateFormat(this.intl, { weekday: 'long', timeZone: 'UTC' });
		// 1 January 2018 was a Monday.
		return Array.from({ length: 7 }, (_, i) => Date.UTC(2018, 0, 1 + i)).map((ms) => ({
			short: short.format(ms),
			long: long.format(ms)
		}));
	}

	/** The device's own time zone ("Europe/Oslo", "America/New_York"). */
	get deviceTimeZone(): string {
		return (deviceZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
	}

	/** "5 minutes ago", "yesterday", … */
	relative = (ms: number, now = Date.now()): string => {
		const seconds = Math.round((ms - now) / 1000);
		const abs = Math.abs(seconds);
		if (abs < 45) return this.t('time.justNow');
		const rtf = relativeFormat(this.intl);
		if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
		if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
		if (abs < 86400 * 7) return rtf.format(Math.round(seconds / 86400), 'day');
		return this.dateTime(ms);
	};
}

export const locale = new Locale();
export const t = locale.t;
