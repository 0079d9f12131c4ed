/**
 * Comparing two versions of a draft: the documents as lists of blocks (paragraphs, headings,
 * quotes, list items), aligned block by block, and words compared inside each changed block.
 *
 * Only the text and the block's form are compared, not formatting (bold, italic, links).
 * Fast for long drafts: blocks are aligned on whole-block keys first (unchanged blocks cost one
 * string compare each), and only the blocks of a changed region are paired and diffed by word.
 */
import { diffArrays, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { RichNode } from './rich-text';
import { countText } from './rich-text';
import { flattenBlocks, formKey, type Block, type BlockForm, type BlockKind } from './version-blocks';
import { alignByLikeness, commonWords, wordIds } from './version-pairing';

export { PAIR_SIMILARITY } from './version-pairing';
export { BLOCK_KINDS, flattenBlocks, type Block, type BlockForm, type BlockKind } from './version-blocks';

export type SegmentChange = 'same' | 'added' | 'removed';
export interface Segment {
	text: string;
	change: SegmentChange;
}

export type RowChange = 'same' | 'changed' | 'added' | 'removed';

/** One line of the side-by-side view: a block on the left (old), on the right (new), or both. */
export interface DiffRow {
	change: RowChange;
	/** The block's kind: the right side's, or the left side's for a removed block. */
	kind: BlockKind;
	/** The old block's text, removed words marked; null when the block was added. */
	left: Segment[] | null;
	/** The new block's text, added words marked; null when the block was removed. */
	right: Segment[] | null;
	leftForm: BlockForm | null;
	rightForm: BlockForm | null;
}

export interface DiffSummary {
	wordsAdded: number;
	wordsRemoved: number;
	/** Blocks that differ in any way: changed, added or removed. */
	blocksChanged: number;
	blocksAdded: number;
	blocksRemoved: number;
	identical: boolean;
}

export interface DocDiff {
	rows: DiffRow[];
	summary: DiffSummary;
}

const blockKey = (b: Block) => `${formKey(b)}\u0000${b.text}`;
const form = ({ kind, depth, number, continued }: Block): BlockForm => ({
	kind,
	depth,
	...(number !== undefined ? { number } : {}),
	...(continued ? { continued } : {})
});

// ---------------------------------------------------------------------------------------------
// Comparing

/** Blocks sharing fewer words than this are shown as replaced whole, without a word diff. */
const WORD_DIFF_SIMILARITY = 0.2;
/**
 * A word diff costs about (tokens × edits); beyond this budget, or beyond this many edits, the
 * block is shown removed and added whole (only a very long paragraph, largely rewritten).
 */
const WORD_DIFF_BUDGET = 2_000_000;
const MAX_WORD_EDITS = 1_000;

/** Compares `left` (the older version) with `right` (usually the text now). */
export function diffDocs(left: RichNode, right: RichNode): DocDiff {
	return diffBlocks(flattenBlocks(left), flattenBlocks(right));
}

export function diffBlocks(leftBlocks: Block[], rightBlocks: Block[]): DocDiff {
	const changes = diffArrays(leftBlocks.map(blockKey), rightBlocks.map(blockKey));
	const rows: DiffRow[] = [];
	let li = 0;
	let ri = 0;
	let removed: Block[] = [];
	let added: Block[] = [];
	const flush = () => {
		if (removed.length || added.length) rows.push(...pairRegion(removed, added));
		removed = [];
		added = [];
	};
	for (const change of changes) {
		const n = change.count;
		if (change.removed) {
			removed.push(...leftBlocks.slice(li, li + n));
			li += n;
		} else if (change.added) {
			added.push(...rightBlocks.slice(ri, ri + n));
			ri += n;
		} else {
			flush();
			for (let k = 0; k < n; k++) {
				const l = leftBlocks[li + k];
				const r = rightBlocks[ri + k];
				const segments: Segment[] = r.text ? [{ text: r.text, change: 'same' }] : [];
				rows.push({
					change: 'same',
					kind: r.kind,
					left: segments,
					right: segments,
					leftForm: form(l),
					rightForm: form(r)
				});
			}
			li += n;
			ri += n;
		}
	}
	flush();
	return { rows, summary: summarise(rows) };
}

/** Rows for one changed region: removed blocks paired with added ones where they are alike. */
function pairRegion(removed: Block[], added: Block[]): DiffRow[] {
	const pairs = alignByLikeness(removed, added);
	const rows: DiffRow[] = [];
	let i = 0;
	let j = 0;
	const upTo = (ei: number, ej: number) => {
		for (; i < ei; i++) rows.push(removedRow(removed[i]));
		for (; j < ej; j++) rows.push(addedRow(added[j]));
	};
	for (const [pi, pj] of pairs) {
		upTo(pi, pj);
		rows.push(changedRow(removed[pi], added[pj]));
		i = pi + 1;
		j = pj + 1;
	}
	upTo(removed.length, added.length);
	return rows;
}

const removedRow = (b: Block): DiffRow => ({
	change: 'removed',
	kind: b.kind,
	left: b.text ? [{ text: b.text, change: 'removed' }] : [],
	right: null,
	leftForm: form(b),
	rightForm: null
});

const addedRow = (b: Block): DiffRow => ({
	change: 'added',
	kind: b.kind,
	left: null,
	right: b.text ? [{ text: b.text, change: 'added' }] : [],
	leftForm: null,
	rightForm: form(b)
});

function changedRow(l: Block, r: Block): DiffRow {
	const left: Segment[] = [];
	const right: Segment[] = [];
	for (const change of wordChanges(l.text, r.text)) {
		if (change.removed) push(left, change.value, 'removed');
		else if (change.added) push(right, change.value, 'added');
		else {
			push(left, change.value, 'same');
			push(right, change.value, 'same');
		}
	}
	return {
		change: 'changed',
		kind: r.kind,
		left: unmarkEdgeSpaces(left),
		right: unmarkEdgeSpaces(right),
		leftForm: form(l),
		rightForm: form(r)
	};
}

/** Spaces at the edges of a marked run are not marked: "første" is underlined, not "første ". */
function unmarkEdgeSpaces(segments: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const segment of segments) {
		if (segment.change === 'same') {
			push(out, segment.text, 'same');
			continue;
		}
		const [, lead, core, trail] = /^(\s*)([^]*?)(\s*)$/.exec(segment.text)!;
		if (!core) {
			// Only white space changed (a space added or removed): keep it marked, or it is not seen.
			push(out, segment.text, segment.change);
			continue;
		}
		push(out, lead, 'same');
		push(out, core, segment.change);
		push(out, trail, 'same');
	}
	return out;
}

/**
 * Word changes between two texts. White space standing alone between two changes is counted as
 * changed, so "quick brown" → "slow red" reads as one replaced phrase, not two.
 */
function wordChanges(a: string, b: string): ChangeObject<string>[] {
	if (a === b) return [{ value: a, added: false, removed: false, count: 1 }];
	const replaced = [
		{ value: a, added: false, removed: true, count: 1 },
		{ value: b, added: true, removed: false, count: 1 }
	];
	// Unrelated texts, or so many words changed that a word diff would be slow (each word not
	// shared is at least one edit; a text has about as many spaces as words): replaced whole.
	const ids = new Map<string, number>();
	const wa = wordIds(a, ids);
	const wb = wordIds(b, ids);
	const common = commonWords(wa, wb);
	const total = wa.length + wb.length;
	const edits = total - 2 * common;
	if (total && ((2 * common) / total < WORD_DIFF_SIMILARITY || 2 * total * edits > WORD_DIFF_BUDGET)) {
		return replaced;
	}
	const raw = diffWordsWithSpace(a, b, { maxEditLength: MAX_WORD_EDITS }) ?? replaced;
	const out: ChangeObject<string>[] = [];
	raw.forEach((change, k) => {
		const isSpaceBetweenChanges =
			!change.added &&
			!change.removed &&
			/^[^\S\n]+$/.test(change.value) &&
			k > 0 &&
			k < raw.length - 1 &&
			(raw[k - 1].added || raw[k - 1].removed) &&
			(raw[k + 1].added || raw[k + 1].removed);
		if (isSpaceBetweenChanges) {
			out.push({ ...change, removed: true }, { ...change, added: true });
		} else out.push(change);
	});
	return out;
}

function push(segments: Segment[], text: string, change: SegmentChange): void {
	if (!text) return;
	const last = segments[segments.length - 1];
	if (last && last.change === change) last.text += text;
	else segments.push({ text, change });
}

function summarise(rows: DiffRow[]): DiffSummary {
	const summary: DiffSummary = {
		wordsAdded: 0,
		wordsRemoved: 0,
		blocksChanged: 0,
		blocksAdded: 0,
		blocksRemoved: 0,
		identical: true
	};
	for (const row of rows) {
		if (row.change === 'same') continue;
		summary.blocksChanged++;
		if (row.change === 'added') summary.blocksAdded++;
		if (row.change === 'removed') summary.blocksRemoved++;
		for (const s of row.left ?? [])
			if (s.change === 'removed') summary.wordsRemoved += countText(s.text).words;
		for (const s of row.right ?? []) if (s.change === 'added') summary.wordsAdded += countText(s.text).words;
	}
	summary.identical = summary.blocksChanged === 0;
	return summary;
}

// ---------------------------------------------------------------------------------------------
// Showing

/** A part of the rows to show: some rows, or a run of unchanged rows folded away. */
export type RowGroup =
	{ type: 'rows'; start: number; rows: DiffRow[] } | { type: 'folded'; start: number; rows: DiffRow[] };

/**
 * Folds long runs of unchanged rows, keeping `context` rows next to each change; a run is folded
 * only when at least `minFolded` rows would be hidden. Groups are in order and cover every row.
 */
export function foldUnchanged(rows: DiffRow[], context = 1, minFolded = 3): RowGroup[] {
	const groups: RowGroup[] = [];
	let shown: DiffRow[] = [];
	let shownStart = 0;
	const show = (from: number, to: number) => {
		if (from >= to) return;
		if (!shown.length) shownStart = from;
		shown.push(...rows.slice(from, to));
	};
	const closeShown = () => {
		if (shown.length) groups.push({ type: 'rows', start: shownStart, rows: shown });
		shown = [];
	};
	let i = 0;
	while (i < rows.length) {
		if (rows[i].change !== 'same') {
			show(i, i + 1);
			i++;
			continue;
		}
		let end = i;
		while (end < rows.length && rows[end].change === 'same') end++;
		const keepBefore = i === 0 ? 0 : context;
		const keepAfter = end === rows.length ? 0 : context;
		const hidden = end - i - keepBefore - keepAfter;
		if (hidden >= minFolded) {
			show(i, i + keepBefore);
			closeShown();
			groups.push({
				type: 'folded',
				start: i + keepBefore,
				rows: rows.slice(i + keepBefore, end - keepAfter)
			});
			show(end - keepAfter, end);
		} else show(i, end);
		i = end;
	}
	closeShown();
	return groups;
}
