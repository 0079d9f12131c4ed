/** The version components as they render (server-side, no DOM): what is shown and said. */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import VersionCompare from '$components/drafts/VersionCompare.svelte';
import VersionPanel from '$components/drafts/VersionPanel.svelte';
import type { DraftVersion } from '$domain/draft';
import type { RichDoc, RichNode } from '$domain/rich-text';

const p = (t: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const doc = (...blocks: (string | RichNode)[]): RichDoc => ({
	type: 'doc',
	content: blocks.map((b) => (typeof b === 'string' ? p(b) : b))
});

/** The markup without Svelte's hydration comments. */
const html = (body: string) => body.replace(/<!--[^]*?-->/g, '');
/** What is read: tags removed, entities decoded. */
const text = (markup: string) =>
	markup
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
/** What is seen: also without the screen-reader-only text. */
const visible = (markup: string) => text(markup.replace(/<span class="visually-hidden">[^<]*<\/span>/g, ''));
const blocks = (markup: string) =>
	[...markup.matchAll(/<p class="block [^"]*"[^>]*>(.*?)<\/p>/g)].map((m) => m[1]);

const compare = (left: RichDoc, right: RichDoc, extra: { onclose?: () => void } = {}) =>
	html(
		render(VersionCompare, {
			props: { left, right, leftLabel: '«Første utkast», 3. mars 2026, 14:05', rightLabel: 'Nå', ...extra }
		}).body
	);

describe('VersionCompare', () => {
	const same = Array.from({ length: 8 }, (_, i) => `Avsnitt ${i}.`);
	const before = doc('Start.', 'Den raske brune reven hopper.', ...same);
	const after = doc('Start.', 'Den trege brune reven hopper.', ...same, 'Nytt & siste.');

	it('names both sides and sums up the differences', () => {
		const out = compare(before, after);
		expect(text(out)).toContain('«Første utkast», 3. mars 2026, 14:05');
		expect(out).toMatch(/<p class="cell right[^"]*">Nå<\/p>/);
		expect(text(out)).toContain('3 ord lagt til, 1 ord fjernet, 2 avsnitt endret');
		expect(text(compare(before, before))).toContain('Ingen forskjeller i teksten.');
	});

	it('strikes removed words on the left and underlines added ones on the right, with words for screen readers', () => {
		const out = compare(before, after);
		expect(out).toMatch(/<del[^>]*><span class="visually-hidden">\[fjernet: <\/span>raske<span/);
		expect(out).toMatch(/<ins[^>]*><span class="visually-hidden">\[lagt til: <\/span>trege<span/);
		// The texts read as written: no spaces lost or added around the marks.
		const shown = blocks(out).map(visible);
		expect(shown).toContain('Den raske brune reven hopper.');
		expect(shown).toContain('Den trege brune reven hopper.');
		expect(shown).toContain('Nytt & siste.');
		expect(text(out)).toContain('Avsnittet er nytt');
	});

	it('shows unchanged blocks once to screen readers, and folds long unchanged runs behind a button', () => {
		const out = compare(before, after);
		expect(out).toMatch(/<div class="diff-row same[^"]*"><div class="cell left[^"]*" aria-hidden="true">/);
		expect(out).toMatch(/<button type="button" class="secondary">Vis 6 uendrede avsnitt<\/button>/);
		expect(visible(out)).not.toContain('Avsnitt 3.');
		expect(visible(out)).toContain('Avsnitt 7.');
	});

	it('says when a block changed form, and has a close button only when it can close', () => {
		const out = compare(
			doc('Bakgrunn'),
			doc({ type: 'heading', attrs: { level: 2 }, content: [p('x').content![0]] })
		);
		expect(text(out)).toContain('Før: avsnitt');
		expect(text(out)).toContain('overskrift: ');
		expect(text(out)).not.toContain('Lukk sammenligningen');
		expect(text(compare(before, after, { onclose: () => {} }))).toContain('Lukk sammenligningen');
	});
});

describe('VersionPanel', () => {
	const version = (
		id: string,
		kind: DraftVersion['kind'],
		name: string,
		createdAt: number,
		characters = 10
	) =>
		({
			id,
			kind,
			name,
			createdAt,
			authorName: 'Kari',
			doc: doc('Tekst.'),
			characters
		}) satisfies DraftVersion;
	const versions = [
		version('a', 'named', 'Første utkast', Date.UTC(2026, 2, 3, 13, 5), 12345),
		version('c', 'before-restore', '', Date.UTC(2026, 2, 5, 9, 0)),
		version('b', 'submitted', 'Innlevering', Date.UTC(2026, 2, 4, 9, 0))
	];
	const panel = (canWrite: boolean, list = versions) =>
		html(
			render(VersionPanel, {
				props: { versions: list, current: () => doc('Nå.'), canWrite, onsave: () => {}, onrestore: () => {} }
			}).body
		);

	it('lists the history newest first, with kind, length and who saved it', () => {
		const out = panel(true);
		const order = [...out.matchAll(/data-testid="version-(\w)"/g)].map((m) => m[1]);
		expect(order).toEqual(['c', 'b', 'a']);
		const read = text(out);
		expect(read).toContain('Før gjenoppretting');
		expect(read).toContain('Innlevert');
		expect(read).toContain('Låst: den innleverte versjonen kan ikke endres.');
		expect(read).toMatch(/12\s345 tegn/);
		expect(read).toContain('av Kari');
		// Each button says which version it is for.
		expect(read).toMatch(/12\s345 tegn · av Kari/);
		expect(out).toContain('aria-label="Sammenlign med nå: Første utkast"');
		expect(out).toContain('aria-label="Gjenopprett: Innlevering"');
		// An automatic version without a name is named by its kind, once.
		expect(read.match(/Før gjenoppretting/g)).toHaveLength(1);
	});

	it('offers naming and restoring only to those who may write', () => {
		const writer = text(panel(true));
		expect(writer).toContain('Navngi en versjon');
		expect(writer).toContain('Lagre versjon');
		const reader = text(panel(false));
		expect(reader).not.toContain('Lagre versjon');
		expect(reader).not.toContain('Gjenopprett');
		expect(reader).toContain('Sammenlign med nå');
	});

	it('says when there are no versions yet', () => {
		expect(text(panel(true, []))).toContain('Ingen versjoner ennå.');
	});
});
