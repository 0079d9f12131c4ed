/**
 * Rich-text editors as the UI uses them: a mount function per document, which loads the editor
 * code (ProseMirror + y-prosemirror, see sync/rich-text.ts) only when it is first called.
 */
import type { RichTextEditor, RichTextOptions } from '$sync/rich-text';
import { app } from './app.svelte';

export type {
	AnchoredComment,
	BlockKind,
	RichTextCommands,
	RichTextEditor,
	RichTextState
} from '$sync/rich-text';

/** What a RichTextEditor component is given: mounts an editor for one document into `element`. */
export type MountRichText = (element: HTMLElement, options?: RichTextOptions) => Promise<RichTextEditor>;

/**
 * A note's body (its plain-text body of the walking skeleton is migrated first, if it has text
 * not migrated yet). Local edits touch the note's `updatedAt`, as typing in its title does.
 */
export const mountNoteBody =
	(noteId: string): MountRichText =>
	async (element, options = {}) => {
		const { mountEditor } = await import('$sync/rich-text');
		const workspace = app.workspace;
		if (!workspace) throw new Error('The workspace is not open yet.');
		const fragment = workspace.noteBody(noteId);
		if (!fragment) throw new Error(`No note ${noteId} in the workspace.`);
		return mountEditor(element, fragment, {
			...options,
			onLocalChange: () => {
				options.onLocalChange?.();
				workspace.touchNote(noteId);
			}
		});
	};
