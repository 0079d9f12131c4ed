import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { QUOTE_STYLE, toDocx } from '$export/docx';
import { doc, em, FULL_DOC, li, link, ol, p, quote, strong, text, TITLE, ul } from './fixture';

/** How the document reads in Word's terms, as HTML (mammoth maps styles and lists to elements). */
const STYLE_MAP = [
	"p[style-name='Title'] => h1:fresh",
	"p[style-name='Heading 1'] => h2:fresh",
	"p[style-name='Heading 2'] => h3:fresh",
	`p[style-name='${QUOTE_STYLE}'] => blockquote > p:fresh`
];

async function read(bytes: Uint8Array) {
	const { value, messages } = await mammoth.convertToHtml(
		{ buffer: Buffer.from(bytes) },
		{ styleMap: STYLE_MAP }
	);
	const parts = unzipSync(bytes);
	const xml = (name: string) => strFromU8(parts[name]);
	return { html: value, messages, xml };
}

describe('toDocx', () => {
	const made = toDocx(FULL_DOC, { title: TITLE, lang: 'nb-NO' }).then(read);

	it('reads back as the draft: title, headings, nested lists, marks, links, breaks, the quote', async () => {
		const { html, messages } = await made;
		expect(messages).toEqual([]);
		expect(html).toBe(
			[
				'<h1>Blogginnlegg om endring</h1>',
				'<h2>Bakgrunn for endringen</h2>',
				'<p>Vi ville gjøre <strong>biblioteket</strong> mer <em>åpent</em> og <strong>helt <em>nytt</em></strong>. Les <a href="https://example.org/rapport?a=1&amp;b=(2)">rapporten</a>.</p>',
				'<p>Første linje<br />andre linje</p>',
				'<h3>Tiltak</h3>',
				'<ul><li>Åpne tidligere<ul><li>Mandager</li><li>Torsdager</li></ul></li><li>Flere arrangementer<ol><li>Forfattermøter</li><li>Kurs</li></ol></li></ul>',
				'<ol><li>Kartlegge</li><li>Prøve ut</li><li>Evaluere</li></ol>',
				// The quote is italic by its style, so its emphasis is upright (no <em>); its list is
				// a Word list, its runs italic.
				'<blockquote><p>Et bibliotek er mer enn bøker.</p></blockquote>',
				'<ul><li><em>sitert punkt</em></li></ul>',
				'<p>Tegn som ser ut som kode: &lt;script&gt;alert("x")&lt;/script&gt; &amp; *stjerne* _under_ [lenke] # 1. \\</p>',
				'<p>- ikke en liste</p>',
				'<p>1. heller ikke</p>'
			].join('')
		);
	});

	it("uses Word's own styles: Title, Heading 1 and 2, an italic, indented Quote", async () => {
		const { xml } = await made;
		const document = xml('word/document.xml');
		expect(document).toContain('<w:pStyle w:val="Title"/>');
		expect(document).toContain('<w:pStyle w:val="Heading1"/>');
		expect(document).toContain('<w:pStyle w:val="Heading2"/>');
		const styles = xml('word/styles.xml');
		const quoteStyle = styles.slice(styles.indexOf(`w:styleId="${QUOTE_STYLE}"`));
		expect(quoteStyle.slice(0, quoteStyle.indexOf('</w:style>'))).toMatch(/<w:ind w:left="720".*<w:i\/>/);
		expect(styles).toContain('<w:lang w:val="nb-NO"/>');
		expect(xml('docProps/core.xml')).toContain('<dc:title>Blogginnlegg om endring</dc:title>');
	});

	it('numbers each list from 1 with real Word numbering: bullets and decimals, by level', async () => {
		const { xml } = await made;
		const numbering = xml('word/numbering.xml');
		expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
		expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
		const document = xml('word/document.xml');
		const numIds = [...document.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map(
			(m) => `${m[1]}:${m[2]}`
		);
		// Outer bullets (2 items), its two sublists, the numbered list (3 items), the quote's list.
		expect(numIds).toHaveLength(10);
		const [outer, sub1, , outer2, sub2, , own, , , quoted] = numIds;
		expect(outer).toBe(outer2);
		expect(outer.startsWith('0:') && sub1.startsWith('1:') && sub2.startsWith('1:')).toBe(true);
		expect(new Set([outer, sub1, sub2, own, quoted].map((id) => id.split(':')[1])).size).toBe(5);
	});

	it('keeps links across marks as one hyperlink, and drops unsafe links', async () => {
		const bytes = await toDocx(
			doc(
				p(text('fet', strong, link('https://a.no')), text(' lenke', link('https://a.no'))),
				p(text('farlig', link('javascript:alert(1)')))
			),
			{ title: '', lang: 'en-GB' }
		);
		const { html, xml } = await read(bytes);
		expect(html).toBe('<p><a href="https://a.no"><strong>fet</strong> lenke</a></p><p>farlig</p>');
		expect(xml('word/_rels/document.xml.rels')).toContain('TargetMode="External"');
		expect(xml('word/document.xml')).not.toContain('Title');
	});

	it('writes emphasis in a quote upright, and quotes inside quotes further in', async () => {
		const bytes = await toDocx(doc(quote(p(text('ytre '), text('viktig', em)), quote(p(text('indre'))))), {
			title: 'T',
			lang: 'nb-NO'
		});
		const document = (await read(bytes)).xml('word/document.xml');
		expect(document).toContain(
			'<w:i w:val="false"/><w:iCs w:val="false"/></w:rPr><w:t xml:space="preserve">viktig'
		);
		expect(document).toMatch(
			/<w:pStyle w:val="Quote"\/><w:ind w:left="1440"\/><\/w:pPr><w:r><w:t xml:space="preserve">indre/
		);
	});

	it('numbers an ordered list inside a bullet item as its own list', async () => {
		const bytes = await toDocx(
			doc(ol(li(p(text('en'))), li(p(text('to')), ul(li(p(text('punkt'))))), li(p(text('tre'))))),
			{ title: '', lang: 'nb-NO' }
		);
		expect((await read(bytes)).html).toBe(
			'<ol><li>en</li><li>to<ul><li>punkt</li></ul></li><li>tre</li></ol>'
		);
	});
});
