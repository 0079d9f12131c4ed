import { describe, expect, it } from 'vitest';
import { toHtml } from '$export/html';
import { doc, FULL_DOC, link, p, text, TITLE } from './fixture';
import { elements, find, findAll, parseHtml, shape, significant, textOf } from './html-tree';

const page = (html: string) => {
	const root = parseHtml(html);
	return { root, html: find(root, 'html'), main: find(root, 'main') };
};

describe('toHtml', () => {
	const out = toHtml(FULL_DOC, { title: TITLE, lang: 'nb' });
	const { root, html, main } = page(out);

	it('is a complete standalone UTF-8 HTML5 document with a language and a title', () => {
		expect(out.startsWith('<!doctype html>\n')).toBe(true);
		expect(html.attrs.lang).toBe('nb');
		expect(elements(html).map((e) => e.tag)).toEqual(['head', 'body']);
		const head = find(html, 'head');
		expect(findAll(head, 'meta').some((m) => m.attrs.charset === 'utf-8')).toBe(true);
		expect(textOf(find(head, 'title'))).toBe(TITLE);
		// Nothing outside the page: no scripts, no external style sheets or images.
		expect(findAll(root, 'script')).toEqual([]);
		expect(findAll(root, 'link')).toEqual([]);
		expect(findAll(root, 'img')).toEqual([]);
	});

	it('has a small style sheet of its own, with print styles that show link addresses', () => {
		const css = textOf(find(html, 'style'));
		expect(css).toContain('@media print');
		expect(css).toContain('a[href]::after { content: " (" attr(href) ")"');
		expect(css.length).toBeLessThan(2500);
	});

	it('holds the title as h1 and the blocks as the elements the editor shows', () => {
		expect(significant(main).map((c) => (typeof c === 'string' ? '#text' : c.tag))).toEqual([
			'h1',
			'h2',
			'p',
			'p',
			'h3',
			'ul',
			'ol',
			'blockquote',
			'p',
			'p',
			'p'
		]);
		expect(textOf(find(main, 'h1'))).toBe(TITLE);
		expect(textOf(find(main, 'h2'))).toBe('Bakgrunn for endringen');
		expect(textOf(find(main, 'h3'))).toBe('Tiltak');
	});

	it('nests lists inside their items', () => {
		const [bullets] = findAll(main, 'ul');
		expect(shape(bullets)).toBe('ul(li(p,ul(li(p),li(p))),li(p,ol(li(p),li(p))))');
		expect(findAll(bullets, 'li').map((li) => textOf(find(li, 'p')))).toEqual([
			'Åpne tidligere',
			'Mandager',
			'Torsdager',
			'Flere arrangementer',
			'Forfattermøter',
			'Kurs'
		]);
		const ordered = elements(main).find((e) => e.tag === 'ol')!;
		expect(elements(ordered).map(textOf)).toEqual(['Kartlegge', 'Prøve ut', 'Evaluere']);
		expect(shape(find(main, 'blockquote'))).toBe('blockquote(p(em),ul(li(p)))');
	});

	it('marks bold, italic, links and hard breaks', () => {
		const first = elements(main).find((e) => e.tag === 'p')!;
		expect(shape(first)).toBe('p(strong,em,strong(em),a)');
		expect(findAll(first, 'strong').map(textOf)).toEqual(['biblioteket', 'helt nytt']);
		expect(textOf(find(findAll(first, 'strong')[1], 'em'))).toBe('nytt');
		const a = find(first, 'a');
		expect(a.attrs.href).toBe('https://example.org/rapport?a=1&b=(2)');
		expect(a.attrs.rel.split(' ')).toContain('noopener');
		expect(textOf(a)).toBe('rapporten');
		const broken = elements(main).filter((e) => e.tag === 'p')[1];
		expect(broken.children.map((c) => (typeof c === 'string' ? c : `<${c.tag}>`))).toEqual([
			'Første linje',
			'<br>',
			'andre linje'
		]);
	});

	it('keeps markup in the text as text', () => {
		const paragraphs = elements(main).filter((e) => e.tag === 'p');
		expect(textOf(paragraphs[2])).toBe(
			'Tegn som ser ut som kode: <script>alert("x")</script> & *stjerne* _under_ [lenke] # 1. \\'
		);
		expect(elements(paragraphs[2])).toEqual([]);
		expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});

	it('escapes the title and attributes, and drops links that are not web, mail or phone', () => {
		const tricky = page(
			toHtml(
				doc(
					p(text('farlig', link('javascript:alert(1)'))),
					p(text('sitat', link('https://a.no/?q="x"&r=<y>')))
				),
				{ title: 'A <b>"fet"</b> & \'tittel\'', lang: 'en-GB' }
			)
		);
		expect(tricky.html.attrs.lang).toBe('en-GB');
		expect(textOf(find(tricky.root, 'title'))).toBe('A <b>"fet"</b> & \'tittel\'');
		expect(textOf(find(tricky.main, 'h1'))).toBe('A <b>"fet"</b> & \'tittel\'');
		expect(findAll(tricky.main, 'b')).toEqual([]);
		const links = findAll(tricky.main, 'a');
		expect(links.map((a) => a.attrs.href)).toEqual(['https://a.no/?q="x"&r=<y>']);
		expect(textOf(elements(tricky.main)[1])).toBe('farlig');
	});

	it('shows an empty paragraph as an empty line', () => {
		const { main: m } = page(toHtml(doc(p(), p(text('a'))), { title: 'T', lang: 'nb' }));
		expect(shape(m)).toBe('main(h1,p(br),p)');
	});
});
