/**
 * Ranked full-text search over my `SearchDocument`s, in memory (minisearch: BM25, prefixes, a
 * little fuzziness for long words). Words are normalised (`normaliseWord`: æ, ø, å kept) and
 * stemmed (`stem`) the same way in the index and in the query, so "bibliotekene" finds
 * "biblioteket". Every word of the query must match (a prefix matches as you type); `#tag` keeps
 * only notes with that tag. A title match counts three times, tags and context one and a half;
 * among equally good matches the newer comes first. Results carry the title, context and a
 * snippet as segments with the matches marked, for the page to render as `<mark>`.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { normaliseWord, parseQuery } from './search';
import type { SearchDocument, SearchKind } from './search-documents';
import { stem } from './stem';

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** Terms worked out before, by the word as written (a text's vocabulary is small next to its length). */
const TERMS = new Map<string, string>();
const TERMS_KEPT = 100_000;

/** How search sees one word: normalised and stemmed. */
export function searchTerm(word: string): string {
	let term = TERMS.get(word);
	if (term === undefined) {
		if (TERMS.size >= TERMS_KEPT) TERMS.clear();
		term = stem(normaliseWord(word));
		TERMS.set(word, term);
	}
	return term;
}

/** The words of a text as written, with where each is. */
export function wordsOf(text: string): { start: number; end: number; word: string }[] {
	return [...text.matchAll(WORD_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
}

/** A query as search reads it: its words (normalised), their terms (stemmed too) and its #tags. */
export function parseSearchQuery(query: string): { words: string[]; terms: string[]; tags: string[] } {
	const { terms: words, tags } = parseQuery(query);
	return { words, terms: [...new Set(words.map(stem))], tags };
}

/** Whether a word of a text, as written, answers the query. */
export type WordMatcher = (word: string) => boolean;

/**
 * A word answers the query when its term starts with a query term, or is one of the index terms
 * that matched (fuzzy ones included).
 */
export function termMatcher(queryTerms: readonly string[], matched: Iterable<string> = []): WordMatcher {
	const exact = new Set(matched);
	return (word) => {
		const term = searchTerm(word);
		return exact.has(term) || queryTerms.some((q) => term.startsWith(q));
	};
}

/** A piece of text, marked when it is a match. */
export interface Segment {
	text: string;
	mark: boolean;
}

/** Where the words of `text` answer `isMatch`, as [start, end) pairs. */
export function matchRanges(text: string, isMatch: WordMatcher): [number, number][] {
	return wordsOf(text)
		.filter((w) => isMatch(w.word))
		.map((w) => [w.start, w.end]);
}

function segmentsOf(text: string, ranges: readonly [number, number][]): Segment[] {
	const out: Segment[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (start > at) out.push({ text: text.slice(at, start), mark: false });
		out.push({ text: text.slice(start, end), mark: true });
		at = end;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: false });
	return out;
}

/** The whole text with its matches marked. */
export function markSegments(text: string, isMatch: WordMatcher): Segment[] {
	return segmentsOf(text, matchRanges(text, isMatch));
}

/** Where the first word answering `isMatch` starts (-1 for none). */
function firstMatch(text: string, isMatch: WordMatcher): number {
	const words = new RegExp(WORD_RE.source, WORD_RE.flags);
	for (let m = words.exec(text); m; m = words.exec(text)) if (isMatch(m[0])) return m.index;
	return -1;
}

/**
 * A short excerpt (about `length` characters, cut between words) around the first match, on one
 * line, with the matches marked and "…" where the text goes on. The beginning when nothing matches.
 * Only the words up to the first match and those around it are looked at (texts can be long).
 */
export function snippetSegments(text: string, isMatch: WordMatcher, length = 180): Segment[] {
	// A stretch of the text around the first match, on one line.
	let from = 0;
	let to = text.length;
	if (text.length > length) {
		const first = Math.max(0, firstMatch(text, isMatch));
		from = Math.max(0, first - length);
		to = Math.min(text.length, first + 2 * length);
	}
	const line = text.slice(from, to).replace(/\s+/g, ' ').trim();
	if (!line) return [];

	// The excerpt: from the first word a third of `length` before the match (never past it), to
	// the last whole word. A stretch cut out of the text may begin and end inside a word.
	let start = 0;
	if (line.length > length || from > 0) {
		const first = Math.max(0, firstMatch(line, isMatch));
		const want = Math.max(0, Math.min(first - Math.floor(length / 3), line.length - length));
		if (want > 0 || from > 0) {
			const space = line.indexOf(' ', Math.max(0, want - 1));
			start = space < 0 || space + 1 > first ? first : space + 1;
		}
	}
	let end = Math.min(line.length, start + length);
	if (end < line.length || to < text.length) {
		const space = line.lastIndexOf(' ', end);
		if (space > start) end = space;
	}
	const segments = markSegments(line.slice(start, end), isMatch);
	if (from > 0 || start > 0) segments.unshift({ text: '…', mark: false });
	if (to < text.length || end < line.length) segments.push({ text: '…', mark: false });
	return segments;
}

export interface SearchHit {
	doc: SearchDocument;
	score: number;
	title: Segment[];
	context: Segment[];
	snippet: Segment[];
}

/** Relative weight of a match in each field (the text counts 1). */
export const FIELD_BOOST = { title: 3, keywords: 1.5 } as const;
/** Scores within about 5 % of each other count as equal, and the newer document comes first. */
const TIE = Math.log(1.05);
const bucket = (score: number) => Math.round(Math.log(score) / TIE);

/**
 * Edits allowed for a misspelt word (as stemmed): none under six letters, else one. Two would make
 * "bibliotekar" (librarian) meet "bibliotek".
 */
export function fuzziness(term: string): number | false {
	return term.length >= 6 ? 1 : false;
}

const sameDocument = (a: SearchDocument, b: SearchDocument) =>
	a.title === b.title &&
	a.text === b.text &&
	a.updatedAt === b.updatedAt &&
	JSON.stringify(a) === JSON.stringify(b);

export class SearchIndex {
	#mini = new MiniSearch<SearchDocument>({
		fields: ['title', 'text', 'keywords'],
		storeFields: [],
		tokenize: (text) => text.match(WORD_RE) ?? [],
		processTerm: (term) => searchTerm(term) || null,
		searchOptions: {
			boost: FIELD_BOOST,
			prefix: true,
			fuzzy: fuzziness,
			weights: { fuzzy: 0.3, prefix: 0.5 },
			combineWith: 'AND'
		}
	});
	/** Each document as indexed (an unchanged one is left alone). */
	#docs = new Map<string, SearchDocument>();

	get size(): number {
		return this.#docs.size;
	}

	get(id: string): SearchDocument | undefined {
		return this.#docs.get(id);
	}

	/**
	 * Makes the documents of `kind` exactly `docs`: new ones are added, changed ones replaced, gone
	 * ones removed, equal ones left as they are. Answers how many of each.
	 */
	setKind(
		kind: SearchKind,
		docs: readonly SearchDocument[]
	): { added: number; replaced: number; removed: number } {
		const counts = { added: 0, replaced: 0, removed: 0 };
		const wanted = new Map(docs.map((doc) => [doc.id, doc]));
		for (const [id, doc] of this.#docs) {
			if (doc.kind !== kind || wanted.has(id)) continue;
			this.#mini.discard(id);
			this.#docs.delete(id);
			counts.removed++;
		}
		const added: SearchDocument[] = [];
		for (const doc of wanted.values()) {
			if (doc.kind !== kind) throw new Error(`${doc.id} is not a ${kind}`);
			const known = this.#docs.get(doc.id);
			if (known && sameDocument(known, doc)) continue;
			if (known) {
				this.#mini.replace(doc);
				counts.replaced++;
			} else {
				added.push(doc);
				counts.added++;
			}
			this.#docs.set(doc.id, doc);
		}
		this.#mini.addAll(added);
		return counts;
	}

	/**
	 * The documents that answer `query`, best first (none for an empty query): how many there are,
	 * and the first `limit` with their matches marked.
	 */
	search(query: string, limit = 50): { total: number; hits: SearchHit[] } {
		const { words, terms, tags } = parseSearchQuery(query);
		if (!terms.length && !tags.length) return { total: 0, hits: [] };
		const hasTags = (id: string) => {
			const doc = this.#docs.get(id);
			return !!doc && tags.every((tag) => doc.tags.includes(tag));
		};
		const results: SearchResult[] = this.#mini.search(words.length ? words.join(' ') : MiniSearch.wildcard, {
			filter: tags.length ? (result) => hasTags(result.id) : undefined
		});
		const ranked = results
			.flatMap((result) => {
				const doc = this.#docs.get(result.id);
				return doc ? [{ doc, result }] : [];
			})
			.sort(
				(a, b) =>
					bucket(b.result.score) - bucket(a.result.score) ||
					b.doc.updatedAt - a.doc.updatedAt ||
					a.doc.id.localeCompare(b.doc.id)
			);
		const hits = ranked.slice(0, limit).map(({ doc, result }) => {
			const isMatch = termMatcher(terms, result.terms);
			return {
				doc,
				score: result.score,
				title: markSegments(doc.title, isMatch),
				context: markSegments(doc.context, isMatch),
				snippet: snippetSegments(doc.text, isMatch)
			};
		});
		return { total: ranked.length, hits };
	}
}
