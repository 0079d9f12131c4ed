/** Note lists, search and the verbs on notes (create, delete with undo, attach to a programme session). */
import {
	newNoteId,
	type NewNote,
	type NoteIndexRow,
	type NoteKind,
	type NoteSession,
	type SessionRef
} from '$domain/note';
import { watchNotes, watchSessionNotes } from '$data/notes-index';
import type { NoteTextField } from '$sync/workspace';
import { t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { toasts } from './toasts.svelte';

/** A live, searchable list of notes from the device index. */
export class NoteList {
	#rows = $state<NoteIndexRow[]>([]);
	#loaded = $state(false);
	#query = '';
	#subscription: { unsubscribe(): void } | null = null;

	get rows() {
		return this.#rows;
	}
	get loaded() {
		return this.#loaded;
	}

	search(query: string): void {
		this.#query = query;
		this.#subscription?.unsubscribe();
		this.#subscription = watchNotes(query, (rows) => {
			if (query !== this.#query) return;
			this.#rows = rows;
			this.#loaded = true;
		});
	}

	destroy(): void {
		this.#subscription?.unsubscribe();
	}
}

/** A live list of my notes attached to one session (an event or an agenda item), newest first. */
export class SessionNoteList {
	#rows = $state<NoteIndexRow[]>([]);
	#loaded = $state(false);
	#subscription: { unsubscribe(): void } | null = null;

	get rows() {
		return this.#rows;
	}
	get loaded() {
		return this.#loaded;
	}

	watch(ref: SessionRef): void {
		this.#subscription?.unsubscribe();
		this.#loaded = false;
		this.#subscription = watchSessionNotes(ref, (rows) => {
			this.#rows = rows;
			this.#loaded = true;
		});
	}

	destroy(): void {
		this.#subscription?.unsubscribe();
		this.#subscription = null;
	}
}

function workspace() {
	if (!app.workspace) throw new Error('The workspace is not open yet.');
	return app.workspace;
}

export function createNote(input: NewNote = {}): string {
	const id = workspace().createNote(input, Date.now(), newNoteId());
	return id;
}

/**
 * Creates a seminar note already attached to a session, starting with `title`. The free-text
 * seminar field gets the event's title, so older app versions still see which gathering it is from.
 */
export function createSessionNote(session: NoteSession, title = ''): string {
	return createNote({
		kind: 'seminar',
		title: title.slice(0, 300),
		seminar: session.eventTitle.slice(0, 300),
		session
	});
}

export function deleteNote(id: string): void {
	try {
		workspace().setDeleted(id, true);
		toasts.show({
			kind: 'info',
			message: t('note.deleted'),
			action: { label: t('note.undo'), run: () => restoreNote(id) }
		});
	} catch (e) {
		handleError(e, 'deleting a note');
	}
}

export function restoreNote(id: string): void {
	try {
		workspace().setDeleted(id, false);
		toasts.show({ kind: 'info', message: t('note.restored') });
	} catch (e) {
		handleError(e, 'restoring a note');
	}
}

/** One open note: its fields, live from the document, and the verbs the editor needs. */
export class NoteEditor {
	#note = $state<ReturnType<Workspace['readNote']>>(null);
	#stop: () => void;

	constructor(readonly id: string) {
		const ws = workspace();
		this.#note = ws.readNote(id);
		this.#stop = ws.onNotesChanged((ids) => {
			if (ids.has(id)) this.#note = ws.readNote(id);
		});
	}

	get note() {
		return this.#note;
	}

	setKind = (kind: NoteKind) => workspace().setKind(this.id, kind);
	setSeminar = (seminar: string) => workspace().setSeminar(this.id, seminar);
	setTags = (tags: string[]) => workspace().setTags(this.id, tags);
	/**
	 * Attaches the note to a session (replacing any other). An empty seminar field, or one that
	 * named the previous session, follows the new session's event.
	 */
	attach = (session: NoteSession) => {
		const ws = workspace();
		const note = ws.readNote(this.id);
		if (note && (!note.seminar.trim() || note.seminar === note.session?.eventTitle))
			ws.setSeminar(this.id, session.eventTitle);
		ws.setSession(this.id, session);
	};
	detach = () => workspace().setSession(this.id, null);

	/** A Svelte action: binds an input or textarea to the note's title or body. */
	bind = (element: HTMLInputElement | HTMLTextAreaElement, field: NoteTextField) => {
		const binding = workspace().bindText(this.id, field, element);
		return { destroy: () => binding?.destroy() };
	};

	destroy(): void {
		this.#stop();
	}
}

type Workspace = NonNullable<typeof app.workspace>;
