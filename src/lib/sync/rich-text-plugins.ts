/**
 * Editor plugins by role: read-only with a caret, find-at-match for search results, and the
 * caret that stays by my own words when someone else types at the same spot.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';

/**
 * Read-only, yet with a caret: the text changes only from Yjs (someone else's edits), never from
 * typing, pasting, dropping or a shortcut here.
 */
export function readOnlyPlugin(): Plugin {
	return new Plugin({
		filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
		props: {
			handleDOMEvents: {
				beforeinput: (_view, event) => {
					event.preventDefault();
					return true;
				}
			},
			handlePaste: () => true,
			handleDrop: () => true
		}
	});
}

export const findKey = new PluginKey<DecorationSet>('find');

/** The match `find` marks: kept while nothing changes, gone with the next edit. */
export function findPlugin(): Plugin<DecorationSet> {
	return new Plugin<DecorationSet>({
		key: findKey,
		state: {
			init: () => DecorationSet.empty,
			apply(tr, set) {
				const meta = tr.getMeta(findKey) as { from: number; to: number } | 'clear' | undefined;
				if (meta === 'clear') return DecorationSet.empty;
				if (meta) {
					return DecorationSet.create(tr.doc, [
						Decoration.inline(meta.from, meta.to, { class: 'find-match', 'data-find-match': '' })
					]);
				}
				return tr.docChanged ? DecorationSet.empty : set;
			}
		},
		props: { decorations: (state) => findKey.getState(state) }
	});
}

/**
 * Where the words of a search query first occur: the longest word, else its first letters (a
 * search matches word forms: "bibliotekene" finds "biblioteket"), case-insensitively.
 */
export function findRange(doc: PmNode, query: string): { from: number; to: number } | null {
	const words = query
		.toLocaleLowerCase('nb')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.sort((a, b) => b.length - a.length);
	const candidates = words.flatMap((w) => (w.length > 5 ? [w, w.slice(0, Math.max(4, w.length - 3))] : [w]));
	for (const term of candidates) {
		let found: { from: number; to: number } | null = null;
		doc.descendants((node, pos) => {
			if (found) return false;
			if (!node.isTextblock) return true;
			let text = '';
			const starts: { at: number; pos: number }[] = [];
			node.forEach((child, offset) => {
				if (!child.isText) return;
				starts.push({ at: text.length, pos: pos + 1 + offset });
				text += child.text;
			});
			const at = text.toLocaleLowerCase('nb').indexOf(term);
			if (at >= 0) {
				const start = starts.filter((s) => s.at <= at).at(-1)!;
				const from = start.pos + (at - start.at);
				found = { from, to: from + term.length };
			}
			return false;
		});
		if (found) return found;
	}
	return null;
}

/**
 * Two people typing at the same spot keep their words whole. When someone else's text arrives
 * exactly at my caret, y-prosemirror puts my caret after it (the end of a text run has no
 * character to stick to), so our letters would alternate. Here the caret stays before the text
 * that arrived: everything before it is unchanged, so it is still where I was typing. My own
 * undo and redo (also applied from Yjs) keep y-prosemirror's placement.
 */
export function caretStaysPlugin(isUndoing: () => boolean): Plugin {
	return new Plugin({
		appendTransaction(transactions, oldState, newState) {
			const remote = transactions.some(
				(tr) => tr.docChanged && (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean })?.isChangeOrigin
			);
			const before = oldState.selection;
			const after = newState.selection;
			if (!remote || isUndoing() || !before.empty || !after.empty || after.head <= before.head) return null;
			const diff = oldState.doc.content.findDiffStart(newState.doc.content);
			if (diff === null || diff < before.head || before.head > newState.doc.content.size) return null;
			const $pos = newState.doc.resolve(before.head);
			if (!$pos.parent.inlineContent) return null;
			return newState.tr
				.setSelection(TextSelection.create(newState.doc, before.head))
				.setMeta('addToHistory', false);
		}
	});
}
