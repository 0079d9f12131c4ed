import { describe, expect, it } from 'vitest';
import type { SearchDocument, SearchKind } from '$domain/search-documents';
import {
	markSegments,
	matchRanges,
	parseSearchQuery,
	SearchIndex,
	snippetSegments,
	termMatcher,
	type Segment
} from '$domain/search-index';

const doc = (id: string, over: Partial<SearchDocument> = {}): SearchDocument => ({
	id: `note:${id}`,
	kind: 'note',
	part: 'seminar',
	title: '',
	text: '',
	keywords: '',
	context: '',
	tags: [],
	target: { route: '/notes/[id]', id },
	anchor: '',
	updatedAt: 0,
	date: '',
	...over
});
const ids = (index: SearchIndex, query: string) => index.search(query).hits.map((hit) => hit.doc.id);
/** Segments written as text with the marks in [brackets]. */
const show = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
const matcher = (query: string) => termMatcher(parseSearchQuery(query).terms);

function indexOf(docs: SearchDocument[]): SearchIndex {
	const index = new SearchIndex();
	const byKind = new Map<SearchKind, SearchDocument[]>();
	for (const d of docs) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
	for (const [kind, list] of byKind) index.setKind(kind, list);
	return index;
}

describe('ranked search', () => {
	const index = indexOf([
		doc('a', {
			title: 'Møte med rådmannen',
			text: 'Vi snakket om bibliotekets budsjett og ledelsen.',
			updatedAt: 1
		}),
		doc('b', { title: 'Bibliotekene i Nord-Troms', text: 'Tre små bibliotek samarbeider.', updatedAt: 2 }),
		doc('c', {
			title: 'Refleksjon',
			text: 'Om ledelse i en liten kommune. Bibliotekarene er få.',
			updatedAt: 3
		}),
		doc('d', { title: 'Mål for året', text: 'Et mål: flere besøk.', updatedAt: 4 }),
		doc('e', { title: 'Mal for referat', text: 'En mal.', updatedAt: 5 }),
		doc('f', {
			kind: 'task',
			part: 'task',
			id: 'task:f',
			title: 'Frivillige',
			text: 'Åpne biblioteket på søndager',
			target: { route: '/tasks/[id]', id: 'f' },
			updatedAt: 6
		})
	]);

	it('finds every inflected form from any other, a title match first', () => {
		// "bibliotek" is also the start of "bibliotekarene": found, but after every exact form.
		expect(ids(index, 'bibliotekerne')).toEqual(['note:b', 'task:f', 'note:a', 'note:c']);
		expect(ids(index, 'biblioteket')[0]).toBe('note:b');
		expect(ids(index, 'ledelsens').sort()).toEqual(['note:a', 'note:c']);
	});

	it('keeps librarians apart from libraries, except as a prefix', () => {
		expect(ids(index, 'bibliotekarene')).toEqual(['note:c']);
		expect(ids(index, 'bibliotekar')).toEqual(['note:c']);
		expect(ids(index, 'bibliotek').at(-1)).toBe('note:c');
	});

	it('matches prefixes as you type', () => {
		expect(ids(index, 'rådm')).toEqual(['note:a']);
		expect(ids(index, 'søn')).toEqual(['task:f']);
	});

	it('tells å from a: "mål" does not find "mal"', () => {
		expect(ids(index, 'mål')).toEqual(['note:d']);
		expect(ids(index, 'mal')).toEqual(['note:e']);
	});

	it('needs every word of the query', () => {
		expect(ids(index, 'ledelse budsjett')).toEqual(['note:a']);
		expect(ids(index, 'ledelse museum')).toEqual([]);
		expect(ids(index, '   ')).toEqual([]);
	});

	it('forgives one typo in a long word, but not in a short one', () => {
		expect(ids(index, 'samarbeeder')).toEqual(['note:b']);
		expect(ids(index, 'budsjegt')).toEqual(['note:a']);
		expect(ids(index, 'budsjet')).toEqual(['note:a']); // a prefix anyway
		expect(ids(index, 'møye')).toEqual([]);
		expect(ids(index, 'bibliotkar')).toEqual(['note:c']);
	});

	it('searches title, text and keywords, not the context a thing belongs to', () => {
		const parts = indexOf([
			doc('k', { text: 'Notat', keywords: 'oppstartssamling' }),
			doc('c', { text: 'Oppfølging', context: 'Oppstartssamling' })
		]);
		expect(ids(parts, 'oppstartssamlingen')).toEqual(['note:k']);
	});

	it('puts the newer first among equally good matches', () => {
		const same = indexOf([
			doc('old', { title: 'Kompetanse', updatedAt: 1 }),
			doc('new', { title: 'Kompetanse', updatedAt: 9 }),
			doc('mid', { title: 'Kompetanse', updatedAt: 5 })
		]);
		expect(ids(same, 'kompetanse')).toEqual(['note:new', 'note:mid', 'note:old']);
		// But a better match beats a newer one.
		const better = indexOf([
			doc('title', { title: 'Kompetanse', updatedAt: 1 }),
			doc('text', { title: 'Annet', text: 'kompetanse', updatedAt: 9 })
		]);
		expect(ids(better, 'kompetanse')).toEqual(['note:title', 'note:text']);
	});

	it('filters by #tag, with or without words', () => {
		const tagged = indexOf([
			doc('a', { title: 'Ledelse', tags: ['seminar', 'ide'], updatedAt: 1 }),
			doc('b', { title: 'Ledelse', tags: ['lesing'], updatedAt: 2 })
		]);
		expect(ids(tagged, '#seminar ledelse')).toEqual(['note:a']);
		expect(ids(tagged, '#Idé')).toEqual(['note:a']);
		expect(ids(tagged, '#lesing #seminar')).toEqual([]);
	});

	it('marks the matches in title, context and snippet', () => {
		const [hit] = index.search('bibliotekene').hits;
		expect(show(hit.title)).toBe('[Bibliotekene] i Nord-Troms');
		expect(show(hit.snippet)).toBe('Tre små [bibliotek] samarbeider.');
		const [fuzzy] = index.search('budsjegt').hits;
		expect(show(fuzzy.snippet)).toBe('Vi snakket om bibliotekets [budsjett] og ledelsen.');
	});
});

describe('keeping the index up to date', () => {
	it('adds, replaces and removes only what changed, per kind', () => {
		const index = new SearchIndex();
		const first = [doc('a', { title: 'Eple' }), doc('b', { title: 'Pære' })];
		expect(index.setKind('note', first)).toEqual({ added: 2, replaced: 0, removed: 0 });
		expect(
			index.setKind(
				'note',
				first.map((d) => ({ ...d }))
			)
		).toEqual({ added: 0, replaced: 0, removed: 0 });
		expect(index.setKind('note', [doc('a', { title: 'Plomme' }), doc('c', { title: 'Kirsebær' })])).toEqual({
			added: 1,
			replaced: 1,
			removed: 1
		});
		expect(ids(index, 'eple')).toEqual([]);
		expect(ids(index, 'plomme')).toEqual(['note:a']);
		expect(ids(index, 'pære')).toEqual([]);
		expect(index.size).toBe(2);

		// Another kind leaves the notes alone.
		const goal = doc('g', { id: 'goal:g', kind: 'plan', part: 'goal', title: 'Plomme' });
		expect(index.setKind('plan', [goal])).toEqual({ added: 1, replaced: 0, removed: 0 });
		expect(ids(index, 'plomme').sort()).toEqual(['goal:g', 'note:a']);
		expect(index.setKind('plan', [])).toEqual({ added: 0, replaced: 0, removed: 1 });
		expect(ids(index, 'plomme')).toEqual(['note:a']);
		expect(() => index.setKind('plan', [doc('x')])).toThrow(/not a plan/);
	});

	it('counts every match but marks only the first `limit`', () => {
		const index = new SearchIndex();
		index.setKind(
			'note',
			Array.from({ length: 30 }, (_, i) => doc(`n${i}`, { title: 'Leseøkt', updatedAt: i }))
		);
		const { total, hits } = index.search('leseøkt', 5);
		expect(total).toBe(30);
		expect(hits.map((h) => h.doc.id)).toEqual(['note:n29', 'note:n28', 'note:n27', 'note:n26', 'note:n25']);
	});
});

describe('marking matches', () => {
	it('marks each inflected form of a query word, and prefixes', () => {
		const text = 'Bibliotekene og biblioteket, ikke bibliotekar. Ledelse!';
		expect(show(markSegments(text, matcher('biblioteker')))).toBe(
			'[Bibliotekene] og [biblioteket], ikke [bibliotekar]. Ledelse!'
		);
		expect(show(markSegments(text, matcher('bibliotekarene')))).toBe(
			'Bibliotekene og biblioteket, ikke [bibliotekar]. Ledelse!'
		);
		expect(matchRanges('å åpne', matcher('åp'))).toEqual([[2, 6]]);
		expect(show(markSegments('Mål og mal', matcher('mål')))).toBe('[Mål] og mal');
	});

	it('cuts a one-line snippet between words around the first match, with … where the text goes on', () => {
		const text = `${'Innledning med mange ord. '.repeat(12)}\n\nHer står samfunnsoppdraget.\n${'Slutt på teksten. '.repeat(12)}`;
		const snippet = snippetSegments(text, matcher('samfunnsoppdrag'), 100);
		const shown = show(snippet);
		expect(snippet[0]).toEqual({ text: '…', mark: false });
		expect(snippet.at(-1)).toEqual({ text: '…', mark: false });
		expect(shown).toContain('Her står [samfunnsoppdraget].');
		expect(shown).not.toMatch(/\n/);
		expect(shown.length).toBeLessThanOrEqual(100 + 4);
		// Cut between words: each end is a whole word.
		expect(shown).toMatch(/^…(Innledning|med|mange|ord\.)/);
		expect(shown).toMatch(/(Slutt|på|teksten\.?)…$/);
	});

	it('starts at the beginning when nothing or something early matches, and is empty for no text', () => {
		expect(show(snippetSegments('Kort tekst om mål.', matcher('mål')))).toBe('Kort tekst om [mål].');
		const long = 'Først mål. ' + 'fyll '.repeat(100);
		const snippet = snippetSegments(long, matcher('mål'), 60);
		expect(show(snippet)).toMatch(/^Først \[mål\]\. fyll.*…$/);
		expect(show(snippetSegments(long, matcher('ingenting'), 30))).toMatch(/^Først mål\. fyll.*…$/);
		expect(snippetSegments('  ', matcher('x'))).toEqual([]);
	});
});
