import { describe, expect, it } from 'vitest';
import { catalogues, DEFAULT_LOCALE, format, pickLocale } from '$i18n/index';

describe('message catalogues', () => {
	const reference = catalogues[DEFAULT_LOCALE];

	it('has bokmål as the default and English complete', () => {
		expect(DEFAULT_LOCALE).toBe('nb');
		expect(Object.keys(catalogues).sort()).toEqual(expect.arrayContaining(['en', 'nb']));
	});

	for (const [code, catalogue] of Object.entries(catalogues)) {
		it(`${code} has exactly the keys of nb, each with the same placeholders`, () => {
			expect(Object.keys(catalogue.messages).sort()).toEqual(Object.keys(reference.messages).sort());
			for (const [key, value] of Object.entries(reference.messages)) {
				const other = catalogue.messages[key as keyof typeof catalogue.messages];
				const placeholders = (v: unknown) =>
					[...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
				expect(new Set(placeholders(other)), `${code}:${key}`).toEqual(new Set(placeholders(value)));
				expect(typeof other).toBe(typeof value);
			}
		});
	}

	it('picks plural forms and fills parameters', () => {
		expect(format(catalogues.nb, 'sync.waitingOffline', { count: 1 })).toBe('1 endring venter – uten nett');
		expect(format(catalogues.nb, 'sync.waitingOffline', { count: 3 })).toBe('3 endringer venter – uten nett');
		expect(format(catalogues.en, 'notes.edited', { time: 'now' })).toBe('Edited now');
	});

	it('maps browser languages to catalogues', () => {
		expect(pickLocale(['no', 'en'])).toBe('nb');
		expect(pickLocale(['en-GB'])).toBe('en');
		expect(pickLocale(['fr'])).toBe('nb');
	});
});
