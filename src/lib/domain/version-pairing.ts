/**
 * Which removed block became which added block, inside one changed region of a comparison: the
 * pairs with the most words in common, in order (a small dynamic programme, only over the region).
 */
import { formKey, type Block } from './version-blocks';

/** Two blocks are shown as one changed block when at least this share of their words is shared. */
export const PAIR_SIMILARITY = 0.4;
/** Above this many candidate pairs in one changed region, blocks are not paired (all removed, then added). */
const MAX_PAIRINGS = 40_000;

/**
 * The pairs (removed index, added index), in order, with the greatest total likeness: a small
 * dynamic programme over the changed region only. One block each is paired whatever their likeness
 * (an edited paragraph reads best as one row).
 */
export function alignByLikeness(removed: Block[], added: Block[]): [number, number][] {
	const m = removed.length;
	const n = added.length;
	if (!m || !n) return [];
	if (m === 1 && n === 1) return [[0, 0]];
	if (m * n > MAX_PAIRINGS) return [];
	const ids = new Map<string, number>();
	const lw = removed.map((b) => wordIds(b.text, ids));
	const rw = added.map((b) => wordIds(b.text, ids));
	const like = (i: number, j: number) => {
		const s = likeness(lw[i], rw[j]);
		// A block whose form alone changed (a paragraph made a heading) pairs too.
		return s >= PAIR_SIMILARITY ? s + (formKey(removed[i]) === formKey(added[j]) ? 0.01 : 0) : 0;
	};
	// The usual case, blocks edited where they stand: pair them in order, no search needed.
	if (m === n) {
		const inOrder = removed.map((_, i) => [i, i] as [number, number]);
		if (inOrder.every(([i, j]) => like(i, j) > 0)) return inOrder;
	}
	// best[i][j]: the best total for removed[i..] and added[j..].
	const best: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
	const score: Float64Array[] = Array.from({ length: m }, () => new Float64Array(n));
	for (let i = m - 1; i >= 0; i--) {
		for (let j = n - 1; j >= 0; j--) {
			const s = (score[i][j] = like(i, j));
			best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], s > 0 ? s + best[i + 1][j + 1] : 0);
		}
	}
	const pairs: [number, number][] = [];
	let i = 0;
	let j = 0;
	while (i < m && j < n) {
		const s = score[i][j];
		if (s > 0 && best[i][j] === s + best[i + 1][j + 1]) {
			pairs.push([i, j]);
			i++;
			j++;
		} else if (best[i][j] === best[i + 1][j]) i++;
		else j++;
	}
	return pairs;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** A text's words as sorted numbers (one per occurrence), numbered by `ids` across a region. */
export function wordIds(text: string, ids: Map<string, number>): Int32Array {
	const words = text.toLocaleLowerCase('nb').match(WORDS) ?? [];
	const out = new Int32Array(words.length);
	words.forEach((word, k) => {
		let id = ids.get(word);
		if (id === undefined) ids.set(word, (id = ids.size));
		out[k] = id;
	});
	return out.sort();
}

/** The Dice coefficient of two sorted bags of words: 1 for the same words, 0 for none in common. */
export function likeness(a: Int32Array, b: Int32Array): number {
	const total = a.length + b.length;
	if (!total) return 1;
	// Even if every word of the shorter were shared, it would not reach the threshold.
	if ((2 * Math.min(a.length, b.length)) / total < PAIR_SIMILARITY) return 0;
	return (2 * commonWords(a, b)) / total;
}

export function commonWords(a: Int32Array, b: Int32Array): number {
	let common = 0;
	for (let i = 0, j = 0; i < a.length && j < b.length;) {
		if (a[i] === b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return common;
}
