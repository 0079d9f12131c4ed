/**
 * A draft as a web page: one standalone HTML5 file (UTF-8, its small style sheet inside, print
 * styles included), the title as `<h1>`, the editor's blocks as the elements the editor shows
 * them with. All text is escaped; links open without giving the page access to the opener.
 */
import type { RichDoc, RichNode } from '$domain/rich-text';
import { inlineTree, type InlineNode } from './inline';

export interface HtmlOptions {
	title: string;
	/** The document's language (BCP 47, "nb"). */
	lang: string;
}

const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1c2430; font: 1.0625rem/1.6 Georgia, 'Times New Roman', serif; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin: 0 0 1.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 1rem; }
ul, ol { margin: 0 0 1rem; padding-left: 1.75rem; }
li > p { margin: 0 0 0.25rem; }
li > ul, li > ol { margin-bottom: 0.25rem; }
blockquote { margin: 0 0 1rem; padding: 0.25rem 0 0.25rem 1rem; border-left: 3px solid #9aa3ad; color: #3b4450; }
a { color: #17405e; }
@media print {
  @page { margin: 2cm; }
  body { font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; }
  p, li, blockquote { orphans: 3; widows: 3; }
  blockquote { color: #000; border-left-color: #000; }
  a { color: #000; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
}
`.trim();

export function toHtml(doc: RichDoc, { title, lang }: HtmlOptions): string {
	const heading = title.trim();
	return [
		'<!doctype html>',
		`<html lang="${escapeHtml(lang)}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(heading)}</title>`,
		`<style>\n${CSS}\n</style>`,
		'</head>',
		'<body>',
		'<main>',
		...(heading ? [`<h1>${escapeHtml(heading)}</h1>`] : []),
		...(doc.content ?? []).map(renderBlock),
		'</main>',
		'</body>',
		'</html>',
		''
	].join('\n');
}

function renderBlock(node: RichNode): string {
	const children = () => (node.content ?? []).map(renderBlock).join('\n');
	switch (node.type) {
		case 'paragraph': {
			// An empty paragraph is an empty line on screen, and here.
			const inline = renderInline(inlineTree(node));
			return `<p>${inline || '<br>'}</p>`;
		}
		case 'heading': {
			const tag = node.attrs?.level === 3 ? 'h3' : 'h2';
			return `<${tag}>${renderInline(inlineTree(node))}</${tag}>`;
		}
		case 'blockquote':
			return `<blockquote>\n${children()}\n</blockquote>`;
		case 'bullet_list':
			return `<ul>\n${children()}\n</ul>`;
		case 'ordered_list':
			return `<ol>\n${children()}\n</ol>`;
		case 'list_item':
			return `<li>${(node.content ?? []).map(renderBlock).join('')}</li>`;
		case 'text':
			return `<p>${escapeHtml(node.text ?? '')}</p>`;
		default:
			return '';
	}
}

function renderInline(nodes: readonly InlineNode[]): string {
	return nodes
		.map((node) => {
			if (node.kind === 'text') return escapeHtml(node.text);
			if (node.kind === 'break') return '<br>';
			const inner = renderInline(node.children);
			switch (node.mark.type) {
				case 'strong':
					return `<strong>${inner}</strong>`;
				case 'em':
					return `<em>${inner}</em>`;
				case 'link':
					return `<a href="${escapeHtml(node.mark.href)}" rel="noopener noreferrer">${inner}</a>`;
			}
		})
		.join('');
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text or an attribute value as HTML: nothing in it can become markup. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
