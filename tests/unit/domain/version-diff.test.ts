import { describe, expect, it } from 'vitest';
import { countText, richPlainText, type RichDoc, type RichNode } from '$domain/rich-text';
import { diffDocs, flattenBlocks, foldUnchanged, type DiffRow, type Segment } from '$domain/version-diff';
import { parseVersionName } from '$domain/version-name';

const text = (t: string): RichNode => ({ type: 'text', text: t });
const p = (t = ''): RichNode => ({ type: 'paragraph', ...(t ? { content: [text(t)] } : {}) });
const h = (level: 2 | 3, t: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const li = (...content: RichNode[]): RichNode => ({ type: 'list_item', content });
const ul = (...items: RichNode[]): RichNode => ({ type: 'bullet_list', content: items });
const ol = (...items: RichNode[]): RichNode => ({
	type: 'ordered_list',
	attrs: { order: 1 },
	content: items
});
const quote = (...content: RichNode[]): RichNode => ({ type: 'blockquote', content });
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });
const paras = (...texts: string[]) => doc(...texts.map((t) => p(t)));

const joined = (segments: Segment[] | null, change: Segment['change']) =>
	(segments ?? [])
		.filter((s) => s.change === change)
		.map((s) => s.text)
		.join('|');
const sideText = (segments: Segment[] | null) => (segments ?? []).map((s) => s.text).join('');
const changes = (rows: DiffRow[]) => rows.map((r) => r.change);

describe('flattenBlocks', () => {
	it('lists paragraphs, headings, quotes and list items in reading order with their depth', () => {
		const blocks = flattenBlocks(
			doc(
				h(2, 'Innledning'),
				p('Første avsnitt.'),
				quote(p('Et sitat.')),
				ul(li(p('Punkt en'), p('mer om en')), li(p('Punkt to'), ul(li(p('Under'))))),
				ol(li(p('Steg')), li(p('Steg igjen'))),
				h(3, 'Slutt'),
				{ type: 'paragraph', content: [text('linje 1'), { type: 'hard_break' }, text('linje 2')] }
			)
		);
		expect(blocks).toEqual([
			{ kind: 'heading2', depth: 0, text: 'Innledning' },
			{ kind: 'paragraph', depth: 0, text: 'Første avsnitt.' },
			{ kind: 'quote', depth: 1, text: 'Et sitat.' },
			{ kind: 'bullet', depth: 1, text: 'Punkt en' },
			{ kind: 'bullet', depth: 1, text: 'mer om en', continued: true },
			{ kind: 'bullet', depth: 1, text: 'Punkt to' },
			{ kind: 'bullet', depth: 2, text: 'Under' },
			{ kind: 'ordered', depth: 1, text: 'Steg', number: 1 },
			{ kind: 'ordered', depth: 1, text: 'Steg igjen', number: 2 },
			{ kind: 'heading3', depth: 0, text: 'Slutt' },
			{ kind: 'paragraph', depth: 0, text: 'linje 1\nlinje 2' }
		]);
	});
});

describe('diffDocs', () => {
	it('finds nothing between identical documents', () => {
		const a = doc(h(2, 'Tittel'), p('Ett avsnitt.'), ul(li(p('punkt'))));
		const { rows, summary } = diffDocs(a, structuredClone(a));
		expect(changes(rows)).toEqual(['same', 'same', 'same']);
		expect(rows.every((r) => sideText(r.left) === sideText(r.right))).toBe(true);
		expect(rows.flatMap((r) => [...r.left!, ...r.right!]).every((s) => s.change === 'same')).toBe(true);
		expect(summary).toEqual({
			wordsAdded: 0,
			wordsRemoved: 0,
			blocksChanged: 0,
			blocksAdded: 0,
			blocksRemoved: 0,
			identical: true
		});
	});

	it('shows a changed word inside a paragraph as one changed row', () => {
		const { rows, summary } = diffDocs(
			paras('Start.', 'Den raske brune reven hopper.', 'Slutt.'),
			paras('Start.', 'Den trege brune reven hopper.', 'Slutt.')
		);
		expect(changes(rows)).toEqual(['same', 'changed', 'same']);
		const row = rows[1];
		expect(joined(row.left, 'removed')).toBe('raske');
		expect(joined(row.right, 'added')).toBe('trege');
		expect(joined(row.left, 'added')).toBe('');
		expect(joined(row.right, 'removed')).toBe('');
		expect(sideText(row.left)).toBe('Den raske brune reven hopper.');
		expect(sideText(row.right)).toBe('Den trege brune reven hopper.');
		expect(summary).toMatchObject({ wordsAdded: 1, wordsRemoved: 1, blocksChanged: 1, identical: false });
	});

	it('reads a replaced phrase as one change, not word by word', () => {
		const { rows } = diffDocs(paras('Den raske brune reven.'), paras('Den trege røde reven.'));
		expect(joined(rows[0].left, 'removed')).toBe('raske brune');
		expect(joined(rows[0].right, 'added')).toBe('trege røde');
	});

	it('marks words without the spaces around them, but marks a change of spaces alone', () => {
		const { rows } = diffDocs(paras('Vi leser mye.'), paras('Vi leser veldig mye.'));
		expect(rows[0].right).toEqual([
			{ text: 'Vi leser ', change: 'same' },
			{ text: 'veldig', change: 'added' },
			{ text: ' mye.', change: 'same' }
		]);
		const spaces = diffDocs(paras('To  mellomrom.'), paras('To mellomrom.'));
		expect(spaces.rows[0].change).toBe('changed');
		expect(joined(spaces.rows[0].left, 'removed')).toMatch(/^\s+$/);
	});

	it('shows inserted and removed paragraphs as added and removed rows, the rest unchanged', () => {
		const { rows, summary } = diffDocs(
			paras('En.', 'To to to.', 'Tre.', 'Fire.'),
			paras('En.', 'Ny i mellom her.', 'To to to.', 'Fire.')
		);
		expect(changes(rows)).toEqual(['same', 'added', 'same', 'removed', 'same']);
		expect(rows[1]).toMatchObject({ left: null, right: [{ text: 'Ny i mellom her.', change: 'added' }] });
		expect(rows[3]).toMatchObject({ left: [{ text: 'Tre.', change: 'removed' }], right: null });
		expect(summary).toMatchObject({ wordsAdded: 4, wordsRemoved: 1, blocksAdded: 1, blocksRemoved: 1 });
	});

	it('pairs an edited paragraph with its new form even when a new paragraph comes before it', () => {
		const { rows } = diffDocs(
			paras('Først.', 'Ledelse handler om tillit og retning i hverdagen.', 'Sist.'),
			paras(
				'Først.',
				'Helt nytt innskudd uten felles ord.',
				'Ledelse handler om tillit og mål i hverdagen.',
				'Sist.'
			)
		);
		expect(changes(rows)).toEqual(['same', 'added', 'changed', 'same']);
		expect(joined(rows[2].left, 'removed')).toBe('retning');
		expect(joined(rows[2].right, 'added')).toBe('mål');
	});

	it('tells headings from paragraphs: a paragraph made a heading is a changed row of the new kind', () => {
		const { rows, summary } = diffDocs(doc(p('Bakgrunn'), p('Tekst.')), doc(h(2, 'Bakgrunn'), p('Tekst.')));
		expect(changes(rows)).toEqual(['changed', 'same']);
		expect(rows[0]).toMatchObject({
			kind: 'heading2',
			leftForm: { kind: 'paragraph', depth: 0 },
			rightForm: { kind: 'heading2', depth: 0 }
		});
		expect(rows[0].left).toEqual([{ text: 'Bakgrunn', change: 'same' }]);
		expect(summary).toMatchObject({ wordsAdded: 0, wordsRemoved: 0, blocksChanged: 1 });

		const levels = diffDocs(doc(h(2, 'Mål')), doc(h(3, 'Mål')));
		expect(changes(levels.rows)).toEqual(['changed']);
		expect(levels.rows[0].kind).toBe('heading3');
	});

	it('compares list items one by one, and keeps their numbers apart from their text', () => {
		const { rows } = diffDocs(
			doc(ol(li(p('Les pensum')), li(p('Skriv utkast')), li(p('Lever inn')))),
			doc(ol(li(p('Les pensum')), li(p('Skriv første utkast')), li(p('Lever inn'))), ul(li(p('Nytt punkt'))))
		);
		expect(changes(rows)).toEqual(['same', 'changed', 'same', 'added']);
		expect(rows[1].kind).toBe('ordered');
		expect(rows[1].rightForm).toEqual({ kind: 'ordered', depth: 1, number: 2 });
		expect(joined(rows[1].right, 'added')).toBe('første');
		expect(sideText(rows[1].right)).toBe('Skriv første utkast');
		expect(rows[3]).toMatchObject({ kind: 'bullet', rightForm: { kind: 'bullet', depth: 1 } });

		// A new first item renumbers the others, but their text is unchanged.
		const renumbered = diffDocs(
			doc(ol(li(p('A')), li(p('B')))),
			doc(ol(li(p('Null')), li(p('A')), li(p('B'))))
		);
		expect(changes(renumbered.rows)).toEqual(['added', 'same', 'same']);
		expect(renumbered.rows[1].leftForm?.number).toBe(1);
		expect(renumbered.rows[1].rightForm?.number).toBe(2);
	});

	it('handles æ, ø, å and punctuation as parts of words and marks', () => {
		const { rows, summary } = diffDocs(
			paras('Vi må øve på å lære – sammen, hver dag.'),
			paras('Vi må øve på å lære – alene! Hver dag?')
		);
		const row = rows[0];
		expect(sideText(row.left)).toBe('Vi må øve på å lære – sammen, hver dag.');
		expect(sideText(row.right)).toBe('Vi må øve på å lære – alene! Hver dag?');
		// "øve", "på", "å", "lære" are unchanged words, not split at their letters.
		expect(row.right?.[0]).toEqual({ text: 'Vi må øve på å lære – ', change: 'same' });
		expect(joined(row.left, 'removed')).toContain('sammen,');
		expect(joined(row.right, 'added')).toContain('alene!');
		expect(joined(row.right, 'added')).toContain('?');
		expect(summary.wordsRemoved).toBe(2); // "sammen", "hver"
		expect(summary.wordsAdded).toBe(2); // "alene", "Hver"

		const letters = diffDocs(paras('Blåbær og kjøtt'), paras('Blåbær og kjött'));
		expect(joined(letters.rows[0].left, 'removed')).toBe('kjøtt');
		expect(joined(letters.rows[0].right, 'added')).toBe('kjött');
	});

	it('keeps line breaks inside a paragraph', () => {
		const br = (a: string, b: string): RichDoc =>
			doc({ type: 'paragraph', content: [text(a), { type: 'hard_break' }, text(b)] });
		const { rows } = diffDocs(br('Hei', 'på deg'), br('Hei', 'på dere'));
		expect(sideText(rows[0].right)).toBe('Hei\npå dere');
		expect(joined(rows[0].right, 'added')).toBe('dere');
	});

	it('keeps the output small and quick for a 20,000-character draft with one edit', () => {
		const sentence =
			'Lederen på biblioteket leser fagbøker og skriver refleksjoner om endring, ledelse og tillit. ';
		const texts = Array.from({ length: 102 }, (_, i) => `Avsnitt ${i + 1}. ${sentence.repeat(2).trim()}`);
		const before = doc(h(2, 'Oppgaven'), ...texts.map((t) => p(t)));
		const afterTexts = [...texts];
		afterTexts[40] = afterTexts[40].replace('fagbøker', 'gode fagbøker');
		const after = doc(h(2, 'Oppgaven'), ...afterTexts.map((t) => p(t)));
		const size = countText(richPlainText(before)).characters;
		expect(size).toBeGreaterThan(20_000);

		const started = performance.now();
		const { rows, summary } = diffDocs(before, after);
		const ms = performance.now() - started;

		expect(changes(rows).filter((c) => c !== 'same')).toEqual(['changed']);
		const changed = rows.find((r) => r.change === 'changed')!;
		expect(changed.left!.length + changed.right!.length).toBeLessThanOrEqual(5);
		expect(rows.every((r) => r.change !== 'same' || (r.left!.length <= 1 && r.left === r.right))).toBe(true);
		expect(summary).toMatchObject({ wordsAdded: 1, wordsRemoved: 0, blocksChanged: 1 });
		// Each unchanged block once: the output is about the size of the text, not a multiple of it.
		const folded = foldUnchanged(rows);
		expect(folded.map((g) => [g.type, g.rows.length])).toEqual([
			['folded', 40],
			['rows', 3],
			['folded', 60]
		]);

		// A worst case: every paragraph edited, and all of them rewritten.
		const allEdited = doc(h(2, 'Oppgaven'), ...texts.map((t) => p(t.replace('tillit', 'mot'))));
		const rewritten = doc(...texts.map((_, i) => p(`Helt ny tekst nummer ${i} `.repeat(12))));
		const t1 = performance.now();
		const edited = diffDocs(before, allEdited);
		const t2 = performance.now();
		const replaced = diffDocs(before, rewritten);
		const t3 = performance.now();
		expect(edited.summary.blocksChanged).toBe(102);
		expect(replaced.summary.blocksRemoved + replaced.summary.blocksAdded).toBeGreaterThan(0);
		console.info(
			`version-diff timing (${size} characters, ${rows.length} blocks): one edit ${ms.toFixed(1)} ms, ` +
				`every paragraph edited ${(t2 - t1).toFixed(1)} ms, all rewritten ${(t3 - t2).toFixed(1)} ms`
		);
	});
});

describe('foldUnchanged', () => {
	const rows = (pattern: string): DiffRow[] =>
		[...pattern].map((c) => ({
			change: c === 'x' ? 'changed' : 'same',
			kind: 'paragraph',
			left: [],
			right: [],
			leftForm: null,
			rightForm: null
		}));

	it('folds long unchanged runs, keeping one row of context beside each change', () => {
		const groups = foldUnchanged(rows('......x.......x..'));
		expect(groups.map((g) => [g.type, g.start, g.rows.length])).toEqual([
			['folded', 0, 5],
			['rows', 5, 3],
			['folded', 8, 5],
			['rows', 13, 4]
		]);
	});

	it('does not fold short runs, and covers every row once', () => {
		expect(foldUnchanged(rows('..x..x')).map((g) => g.type)).toEqual(['rows']);
		const groups = foldUnchanged(rows('....'.repeat(5) + 'x'));
		expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(21);
	});
});

describe('parseVersionName', () => {
	it('trims the name, and refuses an empty or too long one', () => {
		expect(parseVersionName('  Første utkast ')).toEqual({ name: 'Første utkast' });
		expect(parseVersionName('   ')).toEqual({ problem: 'missing' });
		expect(parseVersionName('x'.repeat(301))).toEqual({ problem: 'tooLong' });
		expect(parseVersionName('ø'.repeat(300))).toEqual({ name: 'ø'.repeat(300) });
	});
});
