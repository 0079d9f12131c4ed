import { catalogues, DEFAULT_LOCALE, format, type MessageKey, type Params } from './index';

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

	/** An instant as a wall time in a zone (programme events are in Europe/Oslo). */
	zonedDateTime = (ms: number, timeZone: string): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(ms);

	/** A calendar date "2026-12-01" in words. */
	date = (isoDate: string): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(isoDate));

	dateTime = (ms: number): string =>
		new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

	/** "5 minutes ago", "yesterday", … */
	relative = (ms: number, now = Date.now()): string => {
		const seconds = Math.round((ms - now) / 1000);
		const abs = Math.abs(seconds);
		if (abs < 45) return this.t('time.justNow');
		const rtf = new Intl.RelativeTimeFormat(this.intl, { numeric: 'auto' });
		if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
		if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
		if (abs < 86400 * 7) return rtf.format(Math.round(seconds / 86400), 'day');
		return this.dateTime(ms);
	};
}

export const locale = new Locale();
export const t = locale.t;
