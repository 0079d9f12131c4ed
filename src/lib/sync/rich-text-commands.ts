/**
 * The editor's commands and keys by role: shortcuts, Markdown input rules, lists, and what the
 * selection is in (for the toolbar).
 */
import { setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { InputRule, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { richTextSchema as schema } from './rich-text-schema';

export const { strong, em, link } = schema.marks as Record<'strong' | 'em' | 'link', MarkType>;
export const nodes = schema.nodes as Record<
	'paragraph' | 'heading' | 'blockquote' | 'bullet_list' | 'ordered_list' | 'list_item' | 'hard_break',
	NodeType
>;

export function editingKeys(): Record<string, Command> {
	return {
		'Mod-z': undoCommand,
		'Mod-y': redoCommand,
		'Shift-Mod-z': redoCommand,
		'Mod-b': toggleMark(strong),
		'Mod-i': toggleMark(em),
		'Mod-Alt-2': setBlockType(nodes.heading, { level: 2 }),
		'Mod-Alt-3': setBlockType(nodes.heading, { level: 3 }),
		'Mod-Alt-0': setBlockType(nodes.paragraph),
		'Shift-Mod-8': wrapInList(nodes.bullet_list),
		'Shift-Mod-7': wrapInList(nodes.ordered_list),
		'Shift-Mod-9': wrapIn(nodes.blockquote),
		'Shift-Enter': (state, dispatch) => {
			dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
			return true;
		},
		Enter: splitListItem(nodes.list_item),
		Tab: sinkListItem(nodes.list_item),
		'Shift-Tab': liftListItem(nodes.list_item)
	};
}

/** "## ", "- ", "1. " and "> " at the start of a line, as in Markdown. */
export function markdownRules(): InputRule[] {
	return [
		textblockTypeInputRule(/^(#{2,3})\s$/, nodes.heading, (match) => ({ level: match[1]!.length })),
		wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
		wrappingInputRule(/^1\.\s$/, nodes.ordered_list),
		wrappingInputRule(/^\s*>\s$/, nodes.blockquote)
	];
}

/** Wraps the selection in a list of this type, or lifts it out of one. */
export function toggleList(type: NodeType): Command {
	return (state, dispatch, view) => {
		const list = listAround(state);
		if (list === type) return liftListItem(nodes.list_item)(state, dispatch, view);
		if (list) {
			// Switch the kind of the list the selection is in.
			const { $from } = state.selection;
			for (let d = $from.depth; d > 0; d--) {
				const node = $from.node(d);
				if (node.type === nodes.bullet_list || node.type === nodes.ordered_list) {
					dispatch?.(state.tr.setNodeMarkup($from.before(d), type));
					return true;
				}
			}
		}
		return wrapInList(type)(state, dispatch, view);
	};
}

export function listAround(state: EditorState): NodeType | null {
	const { $from } = state.selection;
	for (let d = $from.depth; d > 0; d--) {
		const type = $from.node(d).type;
		if (type === nodes.bullet_list || type === nodes.ordered_list) return type;
	}
	return null;
}

export function inAncestor(state: EditorState, type: NodeType): boolean {
	const { $from } = state.selection;
	for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
	return false;
}

export function markActive(state: EditorState, type: MarkType): boolean {
	const { from, $from, to, empty } = state.selection;
	if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
	return state.doc.rangeHasMark(from, to, type);
}

/** The extent of the link around the cursor (or the selection's start). */
export function linkRange(state: EditorState): { from: number; to: number; href: string } | null {
	const { $from } = state.selection;
	const start = $from.start();
	let run: { from: number; to: number; href: string } | null = null;
	let found: { from: number; to: number; href: string } | null = null;
	$from.parent.forEach((child, offset) => {
		const mark = link.isInSet(child.marks);
		if (!mark) {
			run = null;
			return;
		}
		const from = start + offset;
		const to = from + child.nodeSize;
		const href = mark.attrs.href as string;
		run = run && run.to === from && run.href === href ? { ...run, to } : { from, to, href };
		if (run.from <= $from.pos && $from.pos <= run.to) found = run;
	});
	return found;
}
