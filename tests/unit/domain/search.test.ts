import { describe, expect, it } from 'vitest';
import { matchesQuery, normaliseWord, parseQuery, searchTokens, snippet } from '$domain/search';

describe('search tokens', () => {
	it('keeps æ, ø and å as letters of their own', () => {
		expect(searchTokens('Økt forståelse i Ærøskøbing')).toEqual(['økt', 'forståelse', 'i', 'ærøskøbing']);
		expect(normaliseWord('Å')).toBe('å');
		expect(normaliseWord('å')).not.toBe('a');
	});

	it('folds Swedish/German letters and accents the way Nordic readers expect', () => {
		expect(normaliseWord('Ändring')).toBe('ændring');
		expect(normaliseWord('Möte')).toBe('møte');
		expect(normaliseWord('idé')).toBe('ide');
	});

	it('treats decomposed and composed å alike', () => {
		expect(searchTokens('a\u030Apen')).toEqual(['åpen']);
	});
});

describe('queries', () => {
	const row = {
		words: searchTokens('Endringsoppgave for eget bibliotek'),
		tagKeys: ['ledelse', 'øving', 'ide']
	};

	it('matches word prefixes, case-insensitively', () => {
		expect(matchesQuery(row, parseQuery('ENDRING'))).toBe(true);
		expect(matchesQuery(row, parseQuery('endring bibl'))).toBe(true);
		expect(matchesQuery(row, parseQuery('endring museum'))).toBe(false);
	});

	it('filters by #tags', () => {
		expect(parseQuery('#Øving bibl')).toEqual({ terms: ['bibl'], tags: ['øving'] });
		expect(matchesQuery(row, parseQuery('#øving'))).toBe(true);
		expect(matchesQuery(row, parseQuery('#økonomi'))).toBe(false);
		expect(matchesQuery(row, parseQuery('#Idé'))).toBe(true);
	});

	it('cuts a snippet around the first match', () => {
		const text = 'a '.repeat(200) + 'samfunnsoppdrag ' + 'b '.repeat(200);
		const s = snippet(text, parseQuery('samfunn'), 60);
		expect(s).toContain('samfunnsoppdrag');
		expect(s.startsWith('…')).toBe(true);
	});
});
