/** One draft with every node and mark the editor makes, and text that looks like markup. */
import type { RichDoc, RichMark, RichNode } from '$domain/rich-text';

export const text = (value: string, ...marks: RichMark[]): RichNode => ({
	type: 'text',
	text: value,
	...(marks.length ? { marks } : {})
});
export const strong: RichMark = { type: 'strong' };
export const em: RichMark = { type: 'em' };
export const link = (href: string): RichMark => ({ type: 'link', attrs: { href } });
export const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
export const h = (level: 2 | 3, ...content: RichNode[]): RichNode => ({
	type: 'heading',
	attrs: { level },
	content
});
export const li = (...content: RichNode[]): RichNode => ({ type: 'list_item', content });
export const ul = (...items: RichNode[]): RichNode => ({ type: 'bullet_list', content: items });
export const ol = (...items: RichNode[]): RichNode => ({ type: 'ordered_list', content: items });
export const br: RichNode = { type: 'hard_break' };

export const FULL_DOC: RichDoc = {
	type: 'doc',
	content: [
		h(2, text('Bakgrunn for endringen')),
		p(
			text('Vi ville gjøre '),
			text('biblioteket', strong),
			text(' mer '),
			text('åpent', em),
			text(' og '),
			text('helt ', strong),
			text('nytt', strong, em),
			text('. Les '),
			text('rapporten', link('https://example.org/rapport?a=1&b=(2)')),
			text('.')
		),
		p(text('Første linje'), br, text('andre linje')),
		h(3, text('Tiltak')),
		ul(
			li(p(text('Åpne tidligere')), ul(li(p(text('Mandager'))), li(p(text('Torsdager'))))),
			li(p(text('Flere arrangementer')), ol(li(p(text('Forfattermøter'))), li(p(text('Kurs')))))
		),
		ol(li(p(text('Kartlegge'))), li(p(text('Prøve ut'))), li(p(text('Evaluere')))),
		{
			type: 'blockquote',
			content: [
				p(text('Et bibliotek er '), text('mer', em), text(' enn bøker.')),
				ul(li(p(text('sitert punkt'))))
			]
		},
		p(text('Tegn som ser ut som kode: <script>alert("x")</script> & *stjerne* _under_ [lenke] # 1. \\')),
		p(text('- ikke en liste')),
		p(text('1. heller ikke'))
	]
};

export const quote = (...content: RichNode[]): RichNode => ({ type: 'blockquote', content });
export const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

export const TITLE = 'Blogginnlegg om endring';
