/**
 * My private reflection after a mentor-pair meeting: a note of kind 'reflection' in MY workspace
 * (`user:<me>`, never shared), linked to the meeting by ids. It is opened from the meeting's page,
 * but nothing of it is ever written to the pair's document: the verbs here take the workspace only.
 * Its id follows from the pair and the meeting (domain/pair-meeting.ts), so each of my devices
 * finds the same note, and two of them starting it offline end up with one note.
 */
import type { NotePairMeeting, NoteSnapshot } from '$domain/note';
import { reflectionNoteId } from '$domain/pair-meeting';
import type { Workspace } from '$sync/workspace';
import { app } from './app.svelte';

/**
 * My reflection on a meeting, created if there is none (brought back if I had deleted it).
 * Answers its note id.
 */
export function openReflection(workspace: Workspace, link: NotePairMeeting, now = Date.now()): string {
	const id = reflectionNoteId(link.pairId, link.meetingId);
	const note = workspace.readNote(id);
	if (!note) workspace.createNote({ kind: 'reflection', title: link.title, pairMeeting: link }, now, id);
	else if (note.deletedAt !== null) workspace.setDeleted(id, false, now);
	return id;
}

/** Whether I have written a reflection on this meeting (live; on this device's workspace). */
export class MyReflection {
	#note = $state.raw<NoteSnapshot | null>(null);
	#stop = () => {};

	constructor(
		readonly pairId: string,
		readonly meetingId: string
	) {}

	get id(): string {
		return reflectionNoteId(this.pairId, this.meetingId);
	}
	/** The note, unless there is none or it was deleted. */
	get note(): NoteSnapshot | null {
		return this.#note && this.#note.deletedAt === null ? this.#note : null;
	}

	watch(): () => void {
		const workspace = app.workspace;
		if (!workspace) return () => {};
		const id = this.id;
		this.#note = workspace.readNote(id);
		this.#stop = workspace.onNotesChanged((ids) => {
			if (ids.has(id)) this.#note = workspace.readNote(id);
		});
		return () => this.#stop();
	}

	/** Opens it (creating it first if needed); answers the note id to go to. */
	open(title: string): string {
		const workspace = app.workspace;
		if (!workspace) throw new Error('The workspace is not open yet.');
		return openReflection(workspace, { pairId: this.pairId, meetingId: this.meetingId, title });
	}
}
