/**
 * A draft as CommonMark: `#` title, `##` / `###` headings, `-` and `1.` lists (nested items
 * indented under their marker), `>` quotes (holding any blocks), `**bold**`, `*italic*`,
 * `[text](address)`, a hard break as a backslash at the end of the line. Text is escaped so that it
 * reads back as the same text, never as Markdown.
 *
 * What Markdown cannot say is left out: an empty paragraph or heading (an empty line on screen),
 * white space at the start of a line, a hard break at the start or end of a paragraph.
 */
import type { RichDoc, RichNode } from '$domain/rich-text';
import { inlineTree, type InlineNode } from './inline';

export interface MarkdownOptions {
	title: string;
}

export function toMarkdown(doc: RichDoc, { title }: MarkdownOptions): string {
	const blocks: string[] = [];
	const heading = headingText(escapeText(title, true));
	if (heading) blocks.push(`# ${heading}`);
	const body = renderBlocks(doc.content ?? []);
	if (body) blocks.push(body);
	return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** Blocks separated by a blank line; two lists of the same kind in a row get different markers. */
function renderBlocks(nodes: readonly RichNode[]): string {
	const out: string[] = [];
	let previous: RichNode | undefined;
	let alternate = false;
	for (const node of nodes) {
		alternate = previous?.type === node.type && isList(node) ? !alternate : false;
		const text = renderBlock(node, alternate);
		previous = node;
		if (text) out.push(text);
	}
	return out.join('\n\n');
}

const isList = (node: RichNode) => node.type === 'bullet_list' || node.type === 'ordered_list';

function renderBlock(node: RichNode, alternate: boolean): string {
	switch (node.type) {
		case 'paragraph':
			return paragraphText(renderInline(inlineTree(node)));
		case 'heading': {
			const text = headingText(renderInline(inlineTree(node), true));
			return text && `${node.attrs?.level === 3 ? '###' : '##'} ${text}`;
		}
		case 'blockquote':
			return prefixLines(renderBlocks(node.content ?? []), '> ', '>');
		case 'bullet_list':
		case 'ordered_list':
			return renderList(node, alternate);
		default:
			// Inline content where a block is expected (not in the schema): keep its text.
			return node.type === 'text' ? paragraphText(escapeText(node.text ?? '')) : '';
	}
}

/**
 * A list: each item's first block after its marker, the rest indented by the marker's width. A
 * list whose items hold more than a paragraph and sublists is loose (blank lines between items),
 * as Markdown would read it anyway.
 */
function renderList(list: RichNode, alternate: boolean): string {
	const ordered = list.type === 'ordered_list';
	const items = (list.content ?? []).filter((item) => item.type === 'list_item');
	let loose = false;
	const rendered = items.map((item, index) => {
		const marker = ordered ? `${index + 1}${alternate ? ')' : '.'}` : alternate ? '*' : '-';
		const children = item.content ?? [];
		let body = '';
		let previous: RichNode | undefined;
		let alternateChild = false;
		children.forEach((child, i) => {
			alternateChild = previous?.type === child.type && isList(child) ? !alternateChild : false;
			const text = renderBlock(child, alternateChild);
			previous = child;
			if (i === 0) body = text;
			else if (text) {
				// A sublist follows its paragraph directly; an item may start with one empty line only.
				const tight = isList(child) || body === '';
				if (!tight) loose = true;
				body += (tight ? '\n' : '\n\n') + text;
			}
		});
		const indent = ' '.repeat(marker.length + 1);
		const [first, ...rest] = body.split('\n');
		return [first ? `${marker} ${first}` : marker, ...rest.map((line) => (line ? indent + line : ''))].join(
			'\n'
		);
	});
	return rendered.join(loose ? '\n\n' : '\n');
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
	if (!text) return '';
	return text
		.split('\n')
		.map((line) => (line ? prefix + line : emptyPrefix))
		.join('\n');
}

/** Inline content with hard breaks as "\n" (turned into Markdown breaks by the block). */
function renderInline(nodes: readonly InlineNode[], inHeading = false): string {
	let out = '';
	for (const node of nodes) {
		if (node.kind === 'text') out += escapeText(node.text, inHeading);
		else if (node.kind === 'break') out += '\n';
		else {
			const inner = renderInline(node.children, inHeading);
			if (node.mark.type === 'link') {
				// "!" right before "[" would make the link an image.
				if (out.endsWith('!')) out = `${out.slice(0, -1)}\\!`;
				out += `[${inner}](${linkDestination(node.mark.href)})`;
				continue;
			}
			// Emphasis must not start or end with white space ("** a**" is not bold): move it outside.
			const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? ['', '', inner, ''];
			const delimiter = node.mark.type === 'strong' ? '**' : '*';
			out += core ? `${lead}${delimiter}${core}${delimiter}${trail}` : inner;
		}
	}
	return out;
}

/** A paragraph: lines without leading white space, block syntax at a line's start escaped. */
function paragraphText(inline: string): string {
	return inline
		.replace(/^\s+|\s+$/g, '')
		.split('\n')
		.map((line) => escapeLineStart(line.replace(/^\s+/, '')))
		.join('\\\n');
}

/** A heading holds one line: a hard break becomes a space. */
function headingText(inline: string): string {
	return inline.replace(/\s+/g, ' ').trim();
}

/**
 * What would start a block if a line began with it: "#", ">", "-", "+", "=", "1." / "1)".
 * ("*", "_", "`", "~", "<", "[" are escaped wherever they stand.)
 */
function escapeLineStart(line: string): string {
	return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** An "&" that would start an entity ("&amp;", "&#38;"). */
const ENTITY = /&(?=#\d+;|#x[\da-f]+;|[a-z][a-z\d]*;)/gi;

/**
 * Text as literal text: backslash, emphasis, code, links, HTML and (GFM) strikethrough characters
 * are escaped everywhere, "&" where it would start an entity; in a heading, "#" too (a closing
 * "#" would be dropped).
 */
export function escapeText(text: string, inHeading = false): string {
	const escaped = text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(ENTITY, '\\&');
	return inHeading ? escaped.replace(/#/g, '\\#') : escaped;
}

/**
 * A link address read back as it is: white space, angle brackets, parentheses and backslashes
 * percent-encoded, "&" escaped where it would start an entity.
 */
function linkDestination(href: string): string {
	return href
		.replace(/[\s()<>\\]/g, (ch) => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)))
		.replace(ENTITY, '\\&');
}
