/**
 * Comments anchored to passages of a rich text: an anchor is two Yjs relative positions (base64),
 * so it stays on the same words while text is written or deleted around it, on any device. The
 * start sticks to the passage's first character and the end to its last, so text typed right
 * before or right after the passage never becomes part of it.
 *
 * The position functions take the fragment and y-prosemirror's mapping of it to the ProseMirror
 * document (from the binding in the editor, or `initProseMirrorDoc` in a test), so they run
 * without a DOM. `commentsPlugin` marks the passages in the editor (class `comment-anchor`).
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from 'y-prosemirror';
import * as Y from 'yjs';
import { quoteOf, type AnchorRange, type CommentAnchor } from '$domain/draft-comment';

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What positions are resolved against: the text's fragment and y-prosemirror's map of it. */
export interface AnchorContext {
	fragment: Y.XmlFragment;
	mapping: Mapping;
}

/** The text inside `from`–`to`: the range shrunk to where text begins and ends (not node edges). */
export function textBounds(doc: PmNode, from: number, to: number): { from: number; to: number } | null {
	let start = -1;
	let end = -1;
	doc.nodesBetween(from, to, (node, pos) => {
		if (!node.isText) return true;
		const a = Math.max(from, pos);
		const b = Math.min(to, pos + node.nodeSize);
		if (a < b) {
			if (start < 0) start = a;
			end = b;
		}
		return false;
	});
	return start < 0 ? null : { from: start, to: end };
}

/** The anchor of the passage `from`–`to` of `doc` (the document the mapping describes), or null if it holds no text. */
export function anchorOf(
	doc: PmNode,
	from: number,
	to: number,
	context: AnchorContext
): CommentAnchor | null {
	const bounds = textBounds(doc, from, to);
	if (!bounds) return null;
	const quote = quoteOf(doc.textBetween(bounds.from, bounds.to, ' ', ' '));
	if (!quote) return null;
	const { fragment, mapping } = context;
	const ydoc = fragment.doc;
	if (!ydoc) return null;
	const start = absolutePositionToRelativePosition(bounds.from, fragment, mapping) as Y.RelativePosition;
	const end = stickToLeft(
		absolutePositionToRelativePosition(bounds.to, fragment, mapping) as Y.RelativePosition,
		ydoc
	);
	return { start: encode(start), end: encode(end), quote };
}

/**
 * The position as the same place attached to the character before it (y-prosemirror attaches to
 * the one after): the end of a passage then stays before text typed right after it.
 */
function stickToLeft(position: Y.RelativePosition, ydoc: Y.Doc): Y.RelativePosition {
	const at = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
	if (at && at.type instanceof Y.XmlText && at.index > 0) {
		return Y.createRelativePositionFromTypeIndex(at.type, at.index, -1);
	}
	return position;
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** A stored position, or null if it is not one. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
	try {
		const position = Y.decodeRelativePosition(fromBase64(encoded));
		return position.item || position.type || position.tname ? position : null;
	} catch {
		return null;
	}
}

/**
 * Where a passage is in the document now, or null when all of its text has been deleted (or the
 * positions refer to text this device does not have).
 */
export function rangeOf(
	start: Y.RelativePosition | null,
	end: Y.RelativePosition | null,
	context: AnchorContext,
	docSize: number
): AnchorRange {
	const ydoc = context.fragment.doc;
	if (!start || !end || !ydoc) return null;
	try {
		const from = relativePositionToAbsolutePosition(ydoc, context.fragment, start, context.mapping);
		const to = relativePositionToAbsolutePosition(ydoc, context.fragment, end, context.mapping);
		if (from === null || to === null) return null;
		const range = { from: Math.max(0, from), to: Math.min(docSize, to) };
		return range.from < range.to ? range : null;
	} catch {
		// The mapping does not (yet) know a part of the text: treat as not found.
		return null;
	}
}

/** A comment as the editor marks it. */
export interface AnchoredComment {
	id: string;
	start: string;
	end: string;
	/** The one the reader is at: marked more strongly. */
	active: boolean;
}

interface Decoded {
	id: string;
	start: Y.RelativePosition | null;
	end: Y.RelativePosition | null;
	active: boolean;
}

export interface CommentsState {
	comments: readonly Decoded[];
	/** Where each passage is now; a missing id: not worked out yet (the binding is not ready). */
	ranges: ReadonlyMap<string, AnchorRange>;
	decorations: DecorationSet;
}

/** A transaction's meta for `commentsKey`: show these comments, or work their passages out again. */
export type CommentsMeta = { comments: Decoded[] } | 'refresh';

export const commentsKey = new PluginKey<CommentsState>('comments');

export const decodeComments = (list: readonly AnchoredComment[]): Decoded[] =>
	list.map((c) => ({
		id: c.id,
		start: decodePosition(c.start),
		end: decodePosition(c.end),
		active: c.active
	}));

/**
 * Marks the comments' passages. Their places are worked out from the relative positions whenever
 * the comments or the text change from Yjs (another device, undo) or on request (`'refresh'`,
 * after a local edit has reached Yjs); a local edit in between maps them as ProseMirror does.
 */
export function commentsPlugin(context: () => AnchorContext | null): Plugin<CommentsState> {
	return new Plugin<CommentsState>({
		key: commentsKey,
		state: {
			init: () => ({ comments: [], ranges: new Map(), decorations: DecorationSet.empty }),
			apply(tr, previous) {
				const meta = tr.getMeta(commentsKey) as CommentsMeta | undefined;
				const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
					?.isChangeOrigin;
				const comments = meta && meta !== 'refresh' ? meta.comments : previous.comments;
				if (meta || fromYjs) return resolveAll(comments, tr.doc, context());
				if (!tr.docChanged || !comments.length) return previous;
				const ranges = new Map<string, AnchorRange>();
				for (const [id, range] of previous.ranges) {
					if (!range) {
						ranges.set(id, null);
						continue;
					}
					const from = tr.mapping.map(range.from, 1);
					const to = tr.mapping.map(range.to, -1);
					ranges.set(id, from < to ? { from, to } : null);
				}
				return { comments, ranges, decorations: decorate(comments, ranges, tr.doc) };
			}
		},
		props: { decorations: (state) => commentsKey.getState(state)?.decorations }
	});
}

function resolveAll(comments: readonly Decoded[], doc: PmNode, context: AnchorContext | null): CommentsState {
	const ranges = new Map<string, AnchorRange>();
	if (context) {
		for (const c of comments) ranges.set(c.id, rangeOf(c.start, c.end, context, doc.content.size));
	}
	return { comments, ranges, decorations: decorate(comments, ranges, doc) };
}

function decorate(
	comments: readonly Decoded[],
	ranges: ReadonlyMap<string, AnchorRange>,
	doc: PmNode
): DecorationSet {
	const decorations: Decoration[] = [];
	for (const c of comments) {
		const range = ranges.get(c.id);
		if (!range) continue;
		decorations.push(
			Decoration.inline(range.from, range.to, {
				class: c.active ? 'comment-anchor comment-anchor-active' : 'comment-anchor',
				'data-comment-id': c.id
			})
		);
	}
	return DecorationSet.create(doc, decorations);
}

/** The comment whose passage the cursor (or the selection's start) is in: the shortest if several. */
export function commentAt(state: EditorState): string | null {
	const ranges = commentsKey.getState(state)?.ranges;
	if (!ranges) return null;
	const at = state.selection.from;
	let found: { id: string; length: number } | null = null;
	for (const [id, range] of ranges) {
		if (!range || at < range.from || at > range.to) continue;
		const length = range.to - range.from;
		if (!found || length < found.length) found = { id, length };
	}
	return found?.id ?? null;
}
