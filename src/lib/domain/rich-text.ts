/**
 * Rich text as plain data: the JSON form of a document in the editor's format (ProseMirror's
 * `Node.toJSON()` of sync/rich-text-schema.ts). Versions, export, comparison, counting and search
 * work on this, never on Y types or editor state.
 *
 * Nodes: doc, paragraph, heading (attrs.level 2 | 3), blockquote, bullet_list, ordered_list,
 * list_item, hard_break, text. Marks: strong, em, link (attrs.href).
 */
import * as v from 'valibot';

export const RICH_NODE_TYPES = [
	'doc',
	'paragraph',
	'heading',
	'blockquote',
	'bullet_list',
	'ordered_list',
	'list_item',
	'hard_break',
	'text'
] as const;
export const RICH_MARK_TYPES = ['strong', 'em', 'link'] as const;

export const RichMarkSchema = v.object({
	type: v.picklist(RICH_MARK_TYPES),
	attrs: v.optional(v.record(v.string(), v.unknown()))
});
export type RichMark = v.InferOutput<typeof RichMarkSchema>;

export interface RichNode {
	type: (typeof RICH_NODE_TYPES)[number];
	attrs?: Record<string, unknown>;
	content?: RichNode[];
	text?: string;
	marks?: RichMark[];
}

export const RichNodeSchema: v.GenericSchema<RichNode> = v.object({
	type: v.picklist(RICH_NODE_TYPES),
	attrs: v.optional(v.record(v.string(), v.unknown())),
	content: v.optional(v.array(v.lazy(() => RichNodeSchema))),
	text: v.optional(v.string()),
	marks: v.optional(v.array(RichMarkSchema))
});

/** A whole document: `{ type: 'doc', content: [blocks] }`. */
export type RichDoc = RichNode & { type: 'doc' };
export const RichDocSchema = v.pipe(
	RichNodeSchema,
	v.check((node) => node.type === 'doc', 'not a document'),
	v.transform((node) => node as RichDoc)
);

/** An empty document (one empty paragraph, as the editor starts). */
export const emptyRichDoc = (): RichDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** A document from plain text: one paragraph per line (blank lines dropped), nothing lost. */
export function richDocFromPlainText(text: string): RichDoc {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const content: RichNode[] = lines
		.filter((line) => line.trim() !== '')
		.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
	return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

const BLOCKS = new Set<RichNode['type']>(['paragraph', 'heading']);

/**
 * The text of a document, one line per paragraph or heading (list items and quotes are their
 * paragraphs; a hard break is a line break).
 */
export function richPlainText(doc: RichNode): string {
	const lines: string[] = [];
	const walk = (node: RichNode) => {
		if (BLOCKS.has(node.type)) {
			lines.push(inlineText(node));
			return;
		}
		for (const child of node.content ?? []) walk(child);
	};
	walk(doc);
	return lines.join('\n');
}

function inlineText(node: RichNode): string {
	let out = '';
	for (const child of node.content ?? []) {
		if (child.type === 'text') out += child.text ?? '';
		else if (child.type === 'hard_break') out += '\n';
	}
	return out;
}

export interface TextCount {
	/** Characters with spaces (line breaks between paragraphs are not counted, as in Word). */
	characters: number;
	/** Characters without any white space. */
	charactersNoSpaces: number;
	words: number;
}

const WORD = /[\p{L}\p{N}]/u;

/** Counts a text the way a hand-in's length rule reads it (code points, so æ, ø, å count once). */
export function countText(text: string): TextCount {
	let characters = 0;
	let charactersNoSpaces = 0;
	let words = 0;
	let inWord = false;
	let wordHasLetter = false;
	for (const ch of text) {
		if (ch === '\n') {
			if (inWord && wordHasLetter) words++;
			inWord = false;
			wordHasLetter = false;
			continue;
		}
		characters++;
		if (/\s/.test(ch)) {
			if (inWord && wordHasLetter) words++;
			inWord = false;
			wordHasLetter = false;
		} else {
			charactersNoSpaces++;
			inWord = true;
			if (!wordHasLetter && WORD.test(ch)) wordHasLetter = true;
		}
	}
	if (inWord && wordHasLetter) words++;
	return { characters, charactersNoSpaces, words };
}
