/**
 * Message catalogues: every file in ./catalogues registers itself. Adding nynorsk or Danish is
 * one file (catalogues/nn.ts, catalogues/da.ts) with `meta` and a default export of type Messages.
 */
import type { MessageKey, Messages, MessageValue } from './catalogues/nb';

export type { MessageKey, Messages, MessageValue };

export interface Catalogue {
	meta: { code: string; name: string; intl: string };
	messages: Messages;
}

const modules = import.meta.glob<{ meta: Catalogue['meta']; default: Messages }>('./catalogues/*.ts', {
	eager: true
});

export const catalogues: Record<string, Catalogue> = Object.fromEntries(
	Object.values(modules).map((m) => [m.meta.code, { meta: m.meta, messages: m.default }])
);

export const DEFAULT_LOCALE = 'nb';

export type Params = Record<string, string | number>;

/** Formats one message: picks the plural form for `count`, then fills in {params}. */
export function format(catalogue: Catalogue, key: MessageKey, params: Params = {}): string {
	const value: MessageValue = catalogue.messages[key] ?? catalogues[DEFAULT_LOCALE].messages[key] ?? key;
	let text: string;
	if (typeof value === 'string') text = value;
	else {
		const count = Number(params.count ?? 0);
		const rule = new Intl.PluralRules(catalogue.meta.intl).select(count);
		text = rule === 'one' ? value.one : value.other;
	}
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The best catalogue for a list of browser languages ("nb-NO", "no", "nn", "da", "en-GB"). */
export function pickLocale(languages: readonly string[]): string {
	for (const lang of languages) {
		const base = lang.toLowerCase().split('-')[0];
		const code = base === 'no' ? 'nb' : base;
		if (catalogues[code]) return code;
	}
	return DEFAULT_LOCALE;
}
