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

/** The prototype's one scratch draft, kept in the workspace (issue 5 replaces it with drafts). */
export const mountDraftPrototype: MountRichText = async (element, options) => {
	const { mountEditor } = await import('$sync/rich-text');
	if (!app.workspace) throw new Error('The workspace is not open yet.');
	return mountEditor(element, app.workspace.draftPrototype(), options);
};
