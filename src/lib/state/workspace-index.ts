/**
 * Keeps the device's note index (data layer) in step with the workspace document (sync layer).
 * Lists and search read only the index; this is the one place that projects notes into it.
 */
import { projectNote, type NoteIndexRow } from '$domain/note';
import { putNotes, replaceNotes } from '$data/notes-index';
import type { Workspace } from '$sync/workspace';
import { handleError } from './handle-error';

const DEBOUNCE_MS = 150;

export class WorkspaceIndexer {
	#pending = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | null = null;
	#stop: () => void;

	constructor(private readonly workspace: Workspace) {
		this.#stop = workspace.onNotesChanged((ids) => {
			for (const id of ids) this.#pending.add(id);
			this.#timer ??= setTimeout(() => void this.flush(), DEBOUNCE_MS);
		});
	}

	/** Rebuilds the whole index from the document (after it loaded from disk). */
	async reconcile(): Promise<void> {
		const rows = this.workspace
			.noteIds()
			.map((id) => this.workspace.readNote(id))
			.flatMap((note) => (note ? [projectNote(note)] : []));
		await replaceNotes(rows).catch((e) => handleError(e, 'rebuilding the note index'));
	}

	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const ids = [...this.#pending];
		this.#pending.clear();
		const rows: NoteIndexRow[] = [];
		for (const id of ids) {
			const note = this.workspace.readNote(id);
			if (note) rows.push(projectNote(note));
		}
		await putNotes(rows).catch((e) => handleError(e, 'updating the note index'));
	}

	destroy(): void {
		this.#stop();
		if (this.#timer) clearTimeout(this.#timer);
	}
}
