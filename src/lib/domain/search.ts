/**
 * Search tokens for Norwegian, Danish and English text: lower case, NFC, letters and digits only.
 * æ, ø and å are kept as letters of their own (å must not fold to a); Swedish/German ä and ö fold
 * to æ and ø, and other accents (é, ü, …) are dropped, so "idé" finds "ide" and "kafé" finds "kafe".
 */

const FOLD: Record<string, string> = {
	ä: 'æ',
	ö: 'ø',
	é: 'e',
	è: 'e',
	ê: 'e',
	ë: 'e',
	á: 'a',
	à: 'a',
	â: 'a',
	ó: 'o',
	ò: 'o',
	ô: 'o',
	ú: 'u',
	ù: 'u',
	û: 'u',
	ü: 'u',
	í: 'i',
	ì: 'i',
	î: 'i',
	ï: 'i',
	ñ: 'n',
	ç: 'c'
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Normalises one word or query the way the index stores words. */
export function normaliseWord(word: string): string {
	return word
		.normalize('NFC')
		.toLocaleLowerCase('nb')
		.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch);
}

/** The distinct search tokens of a text, in first-seen order. */
export function searchTokens(text: string): string[] {
	const out = new Set<string>();
	for (const match of normaliseWord(text).matchAll(TOKEN_RE)) out.add(match[0]);
	return [...out];
}

export interface ParsedQuery {
	/** Word prefixes that must all match. */
	terms: string[];
	/** Tags (written #tag) that must all be present. */
	tags: string[];
}

/** "ledelse #seminar endr" → terms [ledelse, endr], tags [seminar]. */
export function parseQuery(query: string): ParsedQuery {
	const terms: string[] = [];
	const tags: string[] = [];
	for (const part of query.split(/\s+/)) {
		if (!part) continue;
		if (part.startsWith('#')) {
			const tag = normaliseWord(part.replace(/^#+/, '')).trim();
			if (tag) tags.push(tag);
		} else {
			terms.push(...searchTokens(part));
		}
	}
	return { terms: [...new Set(terms)], tags: [...new Set(tags)] };
}

/** True when every term is a prefix of some word and every tag is present. */
export function matchesQuery(
	row: { words: readonly string[]; tagKeys: readonly string[] },
	query: ParsedQuery
): boolean {
	if (!query.tags.every((tag) => row.tagKeys.includes(tag))) return false;
	return query.terms.every((term) => row.words.some((word) => word.startsWith(term)));
}

/** Ranks a matching row: title hits first, then tag hits, then recency (the caller sorts descending). */
export function rankRow(
	row: { title: string; tags: readonly string[]; updatedAt: number },
	query: ParsedQuery
): number {
	const titleWords = searchTokens(row.title);
	let score = 0;
	for (const term of query.terms) {
		if (titleWords.some((w) => w.startsWith(term))) score += 2;
		if (row.tags.some((tag) => normaliseWord(tag).startsWith(term))) score += 1;
	}
	return score;
}

/** A short excerpt of text around the first match, for result lists. */
export function snippet(text: string, query: ParsedQuery, length = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= length) return flat;
	const normalised = normaliseWord(flat);
	let at = -1;
	for (const term of query.terms) {
		const i = normalised.indexOf(term);
		if (i >= 0 && (at < 0 || i < at)) at = i;
	}
	if (at < 0) return flat.slice(0, length - 1) + '…';
	const start = Math.max(0, at - Math.floor(length / 3));
	const end = Math.min(flat.length, start + length);
	return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}
