/**
 * The rich-text document format: what a Y.XmlFragment bound to the editor may hold. Stable, like
 * every document shape: other devices and older app versions read it. Anything pasted that is
 * not in here (fonts, colours, tables, images, Word's own markup) is dropped by the parser.
 *
 * Nodes: doc, paragraph, heading (level 2 | 3), blockquote, bullet_list, ordered_list,
 * list_item, hard_break, text. Marks: strong, em, link (href: http(s), mailto or tel only).
 */
import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';

const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

/** A link target worth keeping: http(s), mailto or tel; a bare domain becomes https. */
export function safeHref(raw: string): string | null {
	const href = raw.trim();
	if (!href) return null;
	if (SAFE_HREF.test(href)) return href;
	if (/^[a-z][a-z\d+.-]*:/i.test(href)) return null; // javascript:, data:, file: …
	if (/^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(href)) return `https://${href}`;
	return null;
}

const nodes: Record<string, NodeSpec> = {
	doc: { content: 'block+' },
	paragraph: {
		content: 'inline*',
		group: 'block',
		parseDOM: [{ tag: 'p' }],
		toDOM: (): DOMOutputSpec => ['p', 0]
	},
	heading: {
		attrs: { level: { default: 2, validate: 'number' } },
		content: 'inline*',
		group: 'block',
		defining: true,
		// The page has its own h1: a pasted h1 or h2 becomes a heading, anything smaller a subheading.
		parseDOM: [
			{ tag: 'h1', attrs: { level: 2 } },
			{ tag: 'h2', attrs: { level: 2 } },
			{ tag: 'h3', attrs: { level: 3 } },
			{ tag: 'h4', attrs: { level: 3 } },
			{ tag: 'h5', attrs: { level: 3 } },
			{ tag: 'h6', attrs: { level: 3 } }
		],
		toDOM: (node): DOMOutputSpec => [node.attrs.level === 3 ? 'h3' : 'h2', 0]
	},
	blockquote: {
		content: 'block+',
		group: 'block',
		defining: true,
		parseDOM: [{ tag: 'blockquote' }],
		toDOM: (): DOMOutputSpec => ['blockquote', 0]
	},
	bullet_list: {
		content: 'list_item+',
		group: 'block',
		parseDOM: [{ tag: 'ul' }],
		toDOM: (): DOMOutputSpec => ['ul', 0]
	},
	ordered_list: {
		content: 'list_item+',
		group: 'block',
		parseDOM: [{ tag: 'ol' }],
		toDOM: (): DOMOutputSpec => ['ol', 0]
	},
	list_item: {
		content: 'paragraph block*',
		defining: true,
		parseDOM: [{ tag: 'li' }],
		toDOM: (): DOMOutputSpec => ['li', 0]
	},
	text: { group: 'inline' },
	hard_break: {
		inline: true,
		group: 'inline',
		selectable: false,
		parseDOM: [{ tag: 'br' }],
		toDOM: (): DOMOutputSpec => ['br']
	}
};

const marks: Record<string, MarkSpec> = {
	link: {
		attrs: { href: { validate: 'string' } },
		inclusive: false,
		parseDOM: [
			{
				tag: 'a[href]',
				getAttrs: (dom) => {
					const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
					return href ? { href } : false;
				}
			}
		],
		toDOM: (mark): DOMOutputSpec => ['a', { href: mark.attrs.href, rel: 'noopener noreferrer nofollow' }, 0]
	},
	em: {
		parseDOM: [
			{ tag: 'i' },
			{ tag: 'em' },
			{ style: 'font-style=italic' },
			{ style: 'font-style=normal', clearMark: (m) => m.type.name === 'em' }
		],
		toDOM: (): DOMOutputSpec => ['em', 0]
	},
	strong: {
		parseDOM: [
			{ tag: 'strong' },
			// Google Docs wraps everything in <b style="font-weight:normal">.
			{ tag: 'b', getAttrs: (node) => (node as HTMLElement).style.fontWeight !== 'normal' && null },
			{ style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
			{ style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null }
		],
		toDOM: (): DOMOutputSpec => ['strong', 0]
	}
};

export const richTextSchema = new Schema({ nodes, marks });

const WORD_LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)/i;
const MARKER = /^[\s\u00a0]*(?:[·•o§▪\-–]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxlIVXL]{1,5}[.)])[\s\u00a0]*$/;
const ORDERED_MARKER = /^[\s\u00a0]*(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})[.)]/;

/**
 * Word pastes a list as paragraphs with a typed marker ("·", "1.") and its level in the style
 * (`mso-list:l0 level2 lfo1`). This makes them real lists, nested by level, numbered when the
 * marker was a number or letter. Needs a DOM (it runs when pasting in the browser).
 */
export function wordListsToLists(html: string): string {
	if (!WORD_LIST_ITEM.test(html) || typeof DOMParser === 'undefined') return html;
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const isItem = (node: Element | null): node is HTMLElement =>
		!!node && node.tagName === 'P' && WORD_LIST_ITEM.test(node.getAttribute('style') ?? '');
	for (const first of [...doc.body.querySelectorAll('p')]) {
		if (!first.isConnected || !isItem(first) || isItem(first.previousElementSibling)) continue;
		const group: HTMLElement[] = [first];
		for (let next = first.nextElementSibling; isItem(next); next = next.nextElementSibling) group.push(next);
		const root = doc.createElement('div');
		const stack: { level: number; list: HTMLElement }[] = [];
		for (const p of group) {
			const level = Number(WORD_LIST_ITEM.exec(p.getAttribute('style') ?? '')?.[1] ?? 1);
			const marker = [...p.querySelectorAll('span')].find((span) => MARKER.test(span.textContent ?? ''));
			const ordered = ORDERED_MARKER.test(marker?.textContent ?? '');
			marker?.remove();
			while (stack.length && stack[stack.length - 1].level > level) stack.pop();
			if (!stack.length || stack[stack.length - 1].level < level) {
				const list = doc.createElement(ordered ? 'ol' : 'ul');
				const parentItem = stack[stack.length - 1]?.list.lastElementChild;
				(parentItem ?? root).appendChild(list);
				stack.push({ level, list });
			}
			const item = doc.createElement('li');
			const paragraph = doc.createElement('p');
			paragraph.innerHTML = p.innerHTML;
			item.appendChild(paragraph);
			stack[stack.length - 1].list.appendChild(item);
		}
		first.before(...root.childNodes);
		for (const p of group) p.remove();
	}
	return doc.body.innerHTML;
}

/**
 * Strips what Word and web pages put around pasted HTML before the schema's parser sees it:
 * conditional comments and Word's typed list markers ("·", "1."), <style>/<script>/<meta>, Office namespaces (<o:p>, <w:…>), so that
 * neither their text nor their empty paragraphs end up in the note.
 */
export function cleanPastedHtml(html: string): string {
	return html
		.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
		.replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, '') // Word's typed list markers
		.replace(/<!\[(end)?if[^\]]*\]>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(style|script|title|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<(meta|link)\b[^>]*>/gi, '')
		.replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, '');
}
