/**
 * A rich-text document as a flat list of blocks for comparing versions: each paragraph, heading,
 * quoted paragraph and list item's paragraph with its kind, depth and text (formatting dropped).
 */
import type { RichNode } from './rich-text';

export const BLOCK_KINDS = ['paragraph', 'heading2', 'heading3', 'quote', 'bullet', 'ordered'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** How a block looks, apart from its text. */
export interface BlockForm {
	kind: BlockKind;
	/** How many lists and quotes it sits in: 0 at the top level, 1 in a list, 2 in a nested list. */
	depth: number;
	/** An ordered list item's number, on its first paragraph only. */
	number?: number;
	/** A later paragraph of the same list item (no bullet or number of its own). */
	continued?: boolean;
}

export interface Block extends BlockForm {
	/** The block's text; a hard break is "\n". */
	text: string;
}

/** The blocks of a document in reading order (list items and quotes as their paragraphs). */
export function flattenBlocks(doc: RichNode): Block[] {
	const blocks: Block[] = [];
	const walk = (node: RichNode, kind: BlockKind, depth: number) => {
		for (const child of node.content ?? []) {
			switch (child.type) {
				case 'paragraph':
					blocks.push({ kind, depth, text: inline(child) });
					break;
				case 'heading':
					blocks.push({
						kind: child.attrs?.level === 3 ? 'heading3' : 'heading2',
						depth,
						text: inline(child)
					});
					break;
				case 'blockquote':
					walk(child, 'quote', depth + 1);
					break;
				case 'bullet_list':
				case 'ordered_list':
					list(child, depth + 1);
					break;
				default:
					// Anything else at block level (a stray text node): keep its text, lose nothing.
					if (child.type === 'text' || child.type === 'hard_break') {
						blocks.push({ kind, depth, text: inline({ type: 'paragraph', content: [child] }) });
					} else walk(child, kind, depth);
			}
		}
	};
	const list = (node: RichNode, depth: number) => {
		const ordered = node.type === 'ordered_list';
		const start = ordered && typeof node.attrs?.order === 'number' ? node.attrs.order : 1;
		(node.content ?? []).forEach((item, index) => {
			const first = blocks.length;
			walk(item, ordered ? 'ordered' : 'bullet', depth);
			// The item's own blocks (not those of a nested list) after its first are continuations.
			for (let i = first; i < blocks.length; i++) {
				const block = blocks[i];
				if (block.depth !== depth) continue;
				if (i === first) {
					if (ordered) block.number = start + index;
				} else block.continued = true;
			}
		});
	};
	walk(doc, 'paragraph', 0);
	return blocks;
}

function inline(node: RichNode): string {
	let out = '';
	for (const child of node.content ?? []) {
		if (child.type === 'text') out += child.text ?? '';
		else if (child.type === 'hard_break') out += '\n';
	}
	return out;
}

/** A block's form as one string: blocks of the same form and text are the same block. */
export const formKey = (b: Block) => `${b.kind}|${b.depth}|${b.continued ? 1 : 0}`;
