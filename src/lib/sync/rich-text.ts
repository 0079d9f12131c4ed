/**
 * A rich-text editor (ProseMirror) bound to a Y.XmlFragment through y-prosemirror, kept for the
 * editor's life. Loaded only where an editor is shown (state/rich-text.ts imports it lazily), so
 * ProseMirror never weighs on the first screen.
 *
 * Undo and redo undo only this page's own edits: the Y.UndoManager tracks the binding's origin,
 * never changes from another tab, device or the server. Both the binding's and the undo
 * manager's changes count as local (`registerLocalOrigin`), so the journal, the write-ahead log
 * and the tab channel take them like any other keystroke.
 */
import { baseKeymap, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { inputRules } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import {
	defaultDeleteFilter,
	defaultProtectedNodes,
	redoCommand,
	undoCommand,
	yCursorPlugin,
	ySyncPlugin,
	ySyncPluginKey,
	yUndoPlugin
} from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as v from 'valibot';
import { PresenceUserSchema } from '$domain/presence';
import type { AnchorRange, CommentAnchor } from '$domain/draft-comment';
import { registerLocalOrigin } from './persisted-doc';
import {
	anchorOf,
	commentAt,
	commentsKey,
	commentsPlugin,
	decodeComments,
	type AnchorContext,
	type AnchoredComment,
	type CommentsMeta
} from './rich-text-anchors';
import {
	editingKeys,
	em,
	inAncestor,
	link,
	linkRange,
	listAround,
	markActive,
	markdownRules,
	nodes,
	strong,
	toggleList
} from './rich-text-commands';
import { caretStaysPlugin, findKey, findPlugin, findRange, readOnlyPlugin } from './rich-text-plugins';
import { cleanPastedHtml, richTextSchema as schema, safeHref, wordListsToLists } from './rich-text-schema';

registerLocalOrigin(ySyncPluginKey);

export type BlockKind = 'paragraph' | 'heading2' | 'heading3';
export type { AnchoredComment } from './rich-text-anchors';

/** What the toolbar shows: which marks and blocks the selection is in, and what can be done. */
export interface RichTextState {
	readonly bold: boolean;
	readonly italic: boolean;
	readonly link: string | null;
	readonly block: BlockKind;
	readonly bulletList: boolean;
	readonly orderedList: boolean;
	readonly blockquote: boolean;
	readonly canUndo: boolean;
	readonly canRedo: boolean;
	/** Something is selected (a passage to comment on). */
	readonly selected: boolean;
}

export interface RichTextCommands {
	toggleBold(): void;
	toggleItalic(): void;
	/** A heading of this level, or back to a paragraph if the selection already is one. */
	toggleHeading(level: 2 | 3): void;
	toggleBulletList(): void;
	toggleOrderedList(): void;
	toggleBlockquote(): void;
	/** Links the selection (http(s), mailto, tel; a bare domain gets https); false if refused. */
	setLink(href: string): boolean;
	removeLink(): void;
	undo(): void;
	redo(): void;
	focus(): void;
	/** Marks and scrolls to the first place the words of `query` occur; false if nowhere. */
	find(query: string): boolean;
}

export interface RichTextEditor {
	readonly commands: RichTextCommands;
	readonly state: RichTextState;
	/** Calls back after every change of content or selection; returns the unsubscribe. */
	onChange(listener: (state: RichTextState) => void): () => void;
	/** The selected passage as the anchor of a comment, or null when no text is selected. */
	selectionAnchor(): CommentAnchor | null;
	/** Marks these comments' passages in the text; they follow the text as it changes. */
	setComments(list: readonly AnchoredComment[]): void;
	/** Where each marked passage is now: null when its text is deleted; missing: not known yet. */
	commentRanges(): ReadonlyMap<string, AnchorRange>;
	/** Calls back when the cursor or a click enters a marked passage (its comment's id) or leaves (null). */
	onCommentAt(listener: (id: string | null) => void): () => void;
	/** Selects a comment's passage and scrolls to it (focus goes to the text); false if it is gone. */
	revealComment(id: string): boolean;
	destroy(): void;
}

export interface RichTextOptions {
	/** Attributes of the editable element (aria-labelledby, aria-describedby, id …). */
	attributes?: Record<string, string>;
	/** After each local edit (e.g. to touch the note's updatedAt). */
	onLocalChange?: () => void;
	/** False: the text is shown, not edited (a draft shared with me read-only). */
	editable?: boolean;
	/** Opens at the first match of these words (from search), marked until the next edit. */
	find?: string;
	/**
	 * The document's presence: others' cursors and selections are shown with their names, and
	 * mine is sent while the editor has focus (presence.ts sets who I am).
	 */
	awareness?: Awareness;
}

/** Another person's caret: a coloured line with their name on it (the presence list says it in words). */
function cursorWidget(user: { name: string; color: string }): HTMLElement {
	const cursor = document.createElement('span');
	cursor.className = 'ProseMirror-yjs-cursor';
	cursor.style.borderColor = user.color;
	cursor.setAttribute('aria-hidden', 'true');
	const label = document.createElement('span');
	label.className = 'ProseMirror-yjs-cursor-name';
	label.style.backgroundColor = user.color;
	label.textContent = user.name;
	cursor.append('\u2060', label, '\u2060');
	return cursor;
}

/**
 * The editor's undo history: only this page's edits through the binding, never another tab's,
 * device's or the server's. Its own undo and redo count as local changes until it is destroyed.
 */
export function createUndoManager(fragment: Y.XmlFragment): {
	undoManager: Y.UndoManager;
	unregisterUndo: () => void;
} {
	const undoManager = new Y.UndoManager(fragment, {
		trackedOrigins: new Set([ySyncPluginKey]),
		// As y-prosemirror's own: undo never removes a paragraph someone else may be writing in.
		deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
		captureTransaction: (tr) => tr.meta.get('addToHistory') !== false
	});
	return { undoManager, unregisterUndo: registerLocalOrigin(undoManager) };
}

/** Mounts an editor for `fragment` into `element` (which it fills). */
export function mountEditor(
	element: HTMLElement,
	fragment: Y.XmlFragment,
	options: RichTextOptions = {}
): RichTextEditor {
	const { undoManager, unregisterUndo } = createUndoManager(fragment);
	const listeners = new Set<(state: RichTextState) => void>();
	const commentListeners = new Set<(id: string | null) => void>();
	let binding: { mapping: AnchorContext['mapping'] } | null = null;
	const anchorContext = (): AnchorContext | null => (binding ? { fragment, mapping: binding.mapping } : null);
	let atComment: string | null = null;

	const state = EditorState.create({
		schema,
		plugins: [
			ySyncPlugin(fragment),
			yUndoPlugin({ undoManager }),
			...(options.awareness
				? [
						yCursorPlugin(options.awareness, {
							// Only a well-formed state is drawn: its colour goes into a style attribute.
							awarenessStateFilter: (mine: number, theirs: number, state: { user?: unknown }) =>
								mine !== theirs && v.is(PresenceUserSchema, state?.user),
							cursorBuilder: cursorWidget,
							selectionBuilder: (user: { color: string }) => ({
								style: `background-color: ${user.color}33`,
								class: 'ProseMirror-yjs-selection'
							})
						})
					]
				: []),
			findPlugin(),
			caretStaysPlugin(() => undoManager.undoing || undoManager.redoing),
			...(options.editable === false ? [readOnlyPlugin()] : []),
			commentsPlugin(anchorContext),
			inputRules({ rules: markdownRules() }),
			keymap(editingKeys()),
			keymap(baseKeymap)
		]
	});
	const view = new EditorView(element, {
		state,
		attributes: {
			role: 'textbox',
			'aria-multiline': 'true',
			class: 'rich-text-content',
			...(options.editable === false ? { 'aria-readonly': 'true', inputmode: 'none' } : {}),
			...options.attributes
		},
		transformPastedHTML: (html) => cleanPastedHtml(wordListsToLists(html)),
		// A read-only text stays focusable with a caret, so a keyboard selects a passage to comment
		// on (Shift + arrows) without caret browsing; readOnlyPlugin refuses every change of ours.
		editable: () => true,
		// Called with the view as `this`, also while the view is being built (the binding's first render).
		dispatchTransaction(this: EditorView, tr: Transaction) {
			// y-prosemirror 1.3.7 may dispatch a queued cursor update after the view is destroyed
			// (yjs/y-prosemirror#265): there is nothing left to update.
			if (this.isDestroyed) return;
			this.updateState(this.state.apply(tr));
			const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
			if (tr.docChanged && !meta?.isChangeOrigin) options.onLocalChange?.();
			const current = readState(this.state, undoManager);
			for (const listener of listeners) listener(current);
			const at = commentAt(this.state);
			if (at !== atComment) {
				atComment = at;
				for (const listener of commentListeners) listener(at);
			}
		}
	});
	binding =
		(ySyncPluginKey.getState(view.state) as { binding?: typeof binding } | undefined)?.binding ?? null;

	// A local edit reaches Yjs after its transaction: then the passages are worked out again from
	// their relative positions (edits from elsewhere do this as they arrive, see rich-text-anchors.ts).
	let destroyed = false;
	let refreshQueued = false;
	const refreshComments = () => {
		refreshQueued = false;
		if (!destroyed) view.dispatch(view.state.tr.setMeta(commentsKey, 'refresh' satisfies CommentsMeta));
	};
	const onYjsChange = (transaction: Y.Transaction) => {
		if (
			refreshQueued ||
			![...transaction.changedParentTypes.keys()].some((t) => (t as unknown) === fragment)
		) {
			return;
		}
		if (!commentsKey.getState(view.state)?.comments.length) return;
		refreshQueued = true;
		queueMicrotask(refreshComments);
	};
	fragment.doc?.on('afterTransaction', onYjsChange);
	let shownComments = '[]';
	// Undo and redo change the document without a transaction of ours: tell the toolbar.
	const onStack = () => {
		const current = readState(view.state, undoManager);
		for (const listener of listeners) listener(current);
	};
	undoManager.on('stack-item-added', onStack);
	undoManager.on('stack-item-popped', onStack);

	const run = (command: Command) => {
		command(view.state, view.dispatch, view);
		view.focus();
	};

	const commands: RichTextCommands = {
		toggleBold: () => run(toggleMark(strong)),
		toggleItalic: () => run(toggleMark(em)),
		toggleHeading: (level) => {
			const active = readState(view.state, undoManager).block === `heading${level}`;
			run(active ? setBlockType(nodes.paragraph) : setBlockType(nodes.heading, { level }));
		},
		toggleBulletList: () => run(toggleList(nodes.bullet_list)),
		toggleOrderedList: () => run(toggleList(nodes.ordered_list)),
		toggleBlockquote: () => run(inAncestor(view.state, nodes.blockquote) ? lift : wrapIn(nodes.blockquote)),
		setLink: (raw) => {
			const href = safeHref(raw);
			if (!href) return false;
			run((state, dispatch) => {
				const { from, to, empty } = state.selection;
				if (!dispatch) return true;
				const tr = state.tr;
				if (empty) {
					tr.insertText(raw.trim(), from).addMark(from, from + raw.trim().length, link.create({ href }));
				} else {
					tr.removeMark(from, to, link).addMark(from, to, link.create({ href }));
				}
				dispatch(tr.scrollIntoView());
				return true;
			});
			return true;
		},
		removeLink: () =>
			run((state, dispatch) => {
				const range = linkRange(state);
				if (dispatch && range) dispatch(state.tr.removeMark(range.from, range.to, link));
				return !!range;
			}),
		undo: () => run(undoCommand),
		redo: () => run(redoCommand),
		focus: () => view.focus(),
		find: (query) => {
			const range = findRange(view.state.doc, query);
			view.dispatch(view.state.tr.setMeta(findKey, range ?? 'clear'));
			if (!range) return false;
			const dom = view.domAtPos(range.from).node;
			(dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({ block: 'center' });
			return true;
		}
	};
	if (options.find) commands.find(options.find);

	return {
		commands,
		get state() {
			return readState(view.state, undoManager);
		},
		onChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		selectionAnchor() {
			const context = anchorContext();
			const { from, to, empty } = view.state.selection;
			return context && !empty ? anchorOf(view.state.doc, from, to, context) : null;
		},
		setComments(list) {
			const json = JSON.stringify(list);
			if (json === shownComments) return;
			shownComments = json;
			const meta: CommentsMeta = { comments: decodeComments(list) };
			view.dispatch(view.state.tr.setMeta(commentsKey, meta));
		},
		commentRanges: () => commentsKey.getState(view.state)?.ranges ?? new Map(),
		onCommentAt(listener) {
			commentListeners.add(listener);
			return () => commentListeners.delete(listener);
		},
		revealComment(id) {
			const range = commentsKey.getState(view.state)?.ranges.get(id);
			if (!range) return false;
			view.dispatch(
				view.state.tr
					.setSelection(TextSelection.create(view.state.doc, range.from, range.to))
					.scrollIntoView()
			);
			view.focus();
			return true;
		},
		destroy() {
			destroyed = true;
			fragment.doc?.off('afterTransaction', onYjsChange);
			listeners.clear();
			commentListeners.clear();
			undoManager.off('stack-item-added', onStack);
			undoManager.off('stack-item-popped', onStack);
			view.destroy();
			undoManager.destroy();
			unregisterUndo();
		}
	};
}

function readState(state: EditorState, undoManager: Y.UndoManager): RichTextState {
	const parent = state.selection.$from.parent;
	const block: BlockKind =
		parent.type === nodes.heading ? (parent.attrs.level === 3 ? 'heading3' : 'heading2') : 'paragraph';
	const list = listAround(state);
	const linkMark = link.isInSet(state.selection.$from.marks());
	return {
		bold: markActive(state, strong),
		italic: markActive(state, em),
		link: linkMark ? (linkMark.attrs.href as string) : null,
		block,
		bulletList: list === nodes.bullet_list,
		orderedList: list === nodes.ordered_list,
		blockquote: inAncestor(state, nodes.blockquote),
		canUndo: undoManager.canUndo(),
		canRedo: undoManager.canRedo(),
		selected: !state.selection.empty
	};
}
