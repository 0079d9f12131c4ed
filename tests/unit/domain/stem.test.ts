import { describe, expect, it } from 'vitest';
import { searchTerm } from '$domain/search-index';
import { stem } from '$domain/stem';

const stems = (...words: string[]) => words.map(searchTerm);
const meet = (...words: string[]) => expect(new Set(stems(...words)).size, words.join(', ')).toBe(1);
const apart = (a: string, b: string) => expect(searchTerm(a), `${a} ≠ ${b}`).not.toBe(searchTerm(b));

describe('the Norwegian and Danish light stemmer', () => {
	it('brings the forms of a noun together: bokmål, nynorsk and Danish', () => {
		meet('bibliotek', 'biblioteket', 'bibliotekets', 'biblioteker', 'bibliotekene', 'bibliotekenes');
		meet('bibliotek', 'bibliotekerne', 'bibliotekernes', 'biblioteka');
		meet('ledelse', 'ledelsen', 'ledelsens', 'ledelser', 'ledelsene');
		meet('kollega', 'kollegaen', 'kolleger', 'kollegene');
		meet('samfunn', 'samfunnet', 'samfunnets');
		meet('strategi', 'strategien', 'strategier', 'strategiene');
		meet('møteplass', 'møteplassen', 'møteplassene');
		meet('mulighet', 'muligheten', 'muligheter', 'mulighetene');
		meet('gutane', 'gut', 'guten');
	});

	it('brings verb and participle forms together', () => {
		meet('lede', 'leder', 'ledet', 'ledede', 'ledende');
		meet('endre', 'endrer', 'endret');
		meet('arbeid', 'arbeidet', 'arbeide');
		meet('arbejde', 'arbejdet', 'arbejdede', 'arbejder');
	});

	it('takes two steps where one ending sits on another (lederen → leder → led)', () => {
		meet('leder', 'lederen', 'ledere', 'lederne', 'lederens');
		meet('eksamen', 'eksamenen');
	});

	it('never folds æ, ø or å: å is not a', () => {
		apart('mål', 'mal');
		apart('målet', 'malet');
		apart('år', 'ar');
		apart('bøker', 'baker');
		apart('møte', 'mote');
		expect(searchTerm('Målene')).toBe('mål');
		expect(searchTerm('Årene')).toMatch(/^år/);
	});

	it('leaves short words and stems under three letters alone', () => {
		for (const word of ['en', 'et', 'er', 'år', 'tre', 'hus', 'bok', 'mål', 'les', 'i', 'å'])
			expect(stem(word), word).toBe(word);
		expect(stem('året')).toBe('året'); // "år" would be too short a stem
		expect(stem('ene')).toBe('ene');
		expect(stem('sted')).toBe('sted');
	});

	it('does not merge words that only look alike', () => {
		apart('kurs', 'kur'); // no bare -s
		apart('bibliotekar', 'bibliotek'); // no nynorsk -ar
		apart('ledelse', 'leder'); // no derivation (-else)
		apart('endring', 'endre'); // -ing stays
		apart('sikkerhet', 'sikker'); // -het stays
		apart('prosess', 'pros');
		meet('prosess', 'prosessen', 'prosesser', 'prosessene');
	});

	it('keeps a vowel in every stem and leaves numbers as they are', () => {
		expect(stem('skje')).toBe('skje');
		expect(stem('2026')).toBe('2026');
		expect(stem('h2er')).toBe('h2er');
	});
});
