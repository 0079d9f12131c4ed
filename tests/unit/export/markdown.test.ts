import { describe, expect, it } from 'vitest';
import { toMarkdown } from '$export/markdown';
import { br, doc, em, FULL_DOC, h, li, link, ol, p, quote, strong, text, TITLE, ul } from './fixture';

const md = (...blocks: Parameters<typeof doc>) => toMarkdown(doc(...blocks), { title: '' });

describe('toMarkdown', () => {
	it('writes every node and mark as CommonMark, nested lists indented under their marker', () => {
		expect(toMarkdown(FULL_DOC, { title: TITLE })).toBe(
			[
				'# Blogginnlegg om endring',
				'',
				'## Bakgrunn for endringen',
				'',
				'Vi ville gjøre **biblioteket** mer *åpent* og **helt *nytt***. Les [rapporten](https://example.org/rapport?a=1&b=%282%29).',
				'',
				'Første linje\\',
				'andre linje',
				'',
				'### Tiltak',
				'',
				'- Åpne tidligere',
				'  - Mandager',
				'  - Torsdager',
				'- Flere arrangementer',
				'  1. Forfattermøter',
				'  2. Kurs',
				'',
				'1. Kartlegge',
				'2. Prøve ut',
				'3. Evaluere',
				'',
				'> Et bibliotek er *mer* enn bøker.',
				'>',
				'> - sitert punkt',
				'',
				'Tegn som ser ut som kode: \\<script>alert("x")\\</script> & \\*stjerne\\* \\_under\\_ \\[lenke\\] # 1. \\\\',
				'',
				'\\- ikke en liste',
				'',
				'1\\. heller ikke',
				''
			].join('\n')
		);
	});

	it('escapes what would start a block at the start of any line, and entities', () => {
		expect(md(p(text('# ikke overskrift'), br, text('> ikke sitat'), br, text('+ ikke punkt')))).toBe(
			'\\# ikke overskrift\\\n\\> ikke sitat\\\n\\+ ikke punkt\n'
		);
		expect(md(p(text('tekst'), br, text('==='), br, text('12) tolv')))).toBe(
			'tekst\\\n\\===\\\n12\\) tolv\n'
		);
		expect(md(p(text('&amp; og &#38; og & alene')))).toBe('\\&amp; og \\&#38; og & alene\n');
		expect(md(p(text('    innrykk')))).toBe('innrykk\n');
		expect(toMarkdown(doc(), { title: 'C# og # #' })).toBe('# C\\# og \\# \\#\n');
	});

	it('keeps white space outside emphasis, so that it stays emphasis', () => {
		expect(md(p(text('et '), text(' fett ', strong), text('ord')))).toBe('et  **fett** ord\n');
		expect(md(p(text('a'), text('b ', em), text('c')))).toBe('a*b* c\n');
		expect(md(p(text('   ', strong), text('x')))).toBe('x\n');
	});

	it('nests marks that span each other instead of reopening them', () => {
		expect(md(p(text('a ', strong), text('b', strong, em), text(' c', strong)))).toBe('**a *b* c**\n');
		expect(
			md(p(text('fet ', strong), text('lenke', strong, link('https://a.no')), text(' her', strong)))
		).toBe('**fet [lenke](https://a.no) her**\n');
		expect(md(p(text('lenke', link('https://a.no'), strong), text(' videre', link('https://a.no'))))).toBe(
			'[**lenke** videre](https://a.no)\n'
		);
	});

	it('writes hard breaks inside a paragraph, not at its ends, and a heading on one line', () => {
		expect(md(p(br, text('a'), br, br, text('b'), br))).toBe('a\\\n\\\nb\n');
		expect(md(p(text('linje én\nlinje to')))).toBe('linje én\\\nlinje to\n');
		expect(md(h(2, text('To'), br, text('linjer')))).toBe('## To linjer\n');
	});

	it('leaves out what Markdown cannot hold: empty paragraphs and headings, unsafe links', () => {
		expect(md(p(), p(text('a')), h(3), p(text(' ')))).toBe('a\n');
		expect(md(p(text('klikk', link('javascript:alert(1)'))))).toBe('klikk\n');
		expect(toMarkdown(doc(p()), { title: '' })).toBe('');
	});

	it('escapes link text and encodes link addresses', () => {
		expect(md(p(text('se [1]', link('https://a.no/x y(z)\\&amp;'))))).toBe(
			'[se \\[1\\]](https://a.no/x%20y%28z%29%5C\\&amp;)\n'
		);
		expect(md(p(text('Se!'), text('her', link('https://a.no'))))).toBe('Se\\![her](https://a.no)\n');
	});

	it('makes loose lists of items with several paragraphs, and separates neighbouring lists', () => {
		expect(md(ul(li(p(text('a')), p(text('mer om a'))), li(p(text('b')))))).toBe(
			'- a\n\n  mer om a\n\n- b\n'
		);
		expect(md(ul(li(p(text('a')))), ul(li(p(text('b')))), ul(li(p(text('c')))))).toBe('- a\n\n* b\n\n- c\n');
		expect(md(ol(li(p(text('a')))), ol(li(p(text('b')))))).toBe('1. a\n\n1) b\n');
	});

	it('indents deeper levels by the width of each marker', () => {
		const items = Array.from({ length: 10 }, (_, i) => li(p(text(`punkt ${i + 1}`))));
		items[9] = li(p(text('punkt 10')), ul(li(p(text('under')), ol(li(p(text('dypest')))))));
		expect(md(ol(...items))).toBe(
			[
				...Array.from({ length: 9 }, (_, i) => `${i + 1}. punkt ${i + 1}`),
				'10. punkt 10',
				'    - under',
				'      1. dypest',
				''
			].join('\n')
		);
	});

	it('writes quotes holding headings, lists and other quotes', () => {
		expect(
			md(quote(h(3, text('Sitat')), p(text('ytre')), quote(p(text('indre'))), ol(li(p(text('ett'))))))
		).toBe('> ### Sitat\n>\n> ytre\n>\n> > indre\n>\n> 1. ett\n');
		expect(md(ul(li(p(text('punkt')), quote(p(text('sitat'))))))).toBe('- punkt\n\n  > sitat\n');
	});
});
