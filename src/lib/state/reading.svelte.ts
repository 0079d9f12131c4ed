/**
 * The reading log as its pages use it: the syllabus of every programme of the account (read
 * from the programme documents on the device) beside the participant's own texts, sessions and
 * notes (records in the personal workspace, offline and without an account too, synced to the
 * account's other devices), and the progress computed from them.
 */
import {
	OwnTextSchema,
	READING_COLLECTIONS,
	ReadingNoteSchema,
	ReadingSessionSchema,
	readingTexts,
	textKey,
	type ReadingText,
	type TextRef
} from '$domain/reading';
import { programmeReading, readByText } from '$domain/reading-progress';
import { isTrainingProgramme, type MyProgramme } from '$domain/session';
import { utcToZoned } from '$domain/zoned-time';
import { handleError } from './handle-error';
import { myProgrammes, ProgrammeView } from './programmes.svelte';
import { newRecordId, Records } from './records.svelte';

/** Today's date in the programme's zone ("2026-03-01"). */
export function readingToday(now = Date.now()): string {
	return utcToZoned(now).slice(0, 10);
}

export class ReadingLog {
	readonly ownTexts = new Records(READING_COLLECTIONS.texts, OwnTextSchema);
	readonly sessions = new Records(READING_COLLECTIONS.sessions, ReadingSessionSchema);
	readonly notes = new Records(READING_COLLECTIONS.notes, ReadingNoteSchema);
	#views = $state.raw<ProgrammeView[]>([]);

	/** The account's programmes that have loaded on this device. */
	readonly programmes = $derived(
		this.#views.flatMap((view) => (view.programme ? [{ id: view.id, programme: view.programme }] : []))
	);
	readonly texts: ReadingText[] = $derived(readingTexts(this.programmes, this.ownTexts.items));
	/** Pages read per text key (capped at each text's pages). */
	readonly read = $derived(readByText(this.texts, this.sessions.items));
	/** True once the workspace has been read (programmes may follow later). */
	get loaded() {
		return this.ownTexts.loaded && this.sessions.loaded && this.notes.loaded;
	}

	/** Starts following the workspace and the account's programmes; returns the stop function. */
	open(): () => void {
		const stops = [this.ownTexts.open(), this.sessions.open(), this.notes.open()];
		const follow = (ids: readonly string[]) => {
			const keep = this.#views.filter((view) => ids.includes(view.id));
			for (const view of this.#views) if (!keep.includes(view)) view.destroy();
			const added = ids
				.filter((id) => !keep.some((view) => view.id === id))
				.map((id) => new ProgrammeView(id));
			for (const view of added) view.open().catch((e) => handleError(e, 'opening a programme'));
			this.#views = [...keep, ...added];
		};
		const training = (items: readonly MyProgramme[]) => items.filter(isTrainingProgramme).map((p) => p.id);
		const unsubscribe = myProgrammes.subscribe((items) => follow(training(items)));
		if (myProgrammes.loaded) follow(training(myProgrammes.items));
		myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
		return () => {
			unsubscribe();
			for (const stop of stops) stop();
			for (const view of this.#views) view.destroy();
			this.#views = [];
		};
	}

	text(key: string): ReadingText | undefined {
		return this.texts.find((t) => t.key === key);
	}
	/** A programme's name and lectures, for a text's page. */
	programme(id: string) {
		return this.programmes.find((p) => p.id === id)?.programme ?? null;
	}

	/** Progress per programme, for `today` (see domain/reading-progress.ts). */
	progress(today: string) {
		return this.programmes.map(({ id, programme }) => ({
			id,
			name: programme.name,
			reading: programmeReading(id, programme, this.texts, this.sessions.items, today)
		}));
	}

	sessionsOf(key: string) {
		return this.sessions.items
			.filter((s) => textKey(s.textRef) === key)
			.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
	}
	notesOf(key: string) {
		return this.notes.items
			.filter((n) => textKey(n.textRef) === key)
			.sort((a, b) => a.page - b.page || a.createdAt - b.createdAt);
	}

	/** Saves an own text (throws a ValiError when invalid: validate the form first). */
	addText(input: Record<string, unknown>) {
		return this.ownTexts.put({ ...input, id: newRecordId(), createdAt: Date.now() });
	}
	logSession(textRef: TextRef, input: Record<string, unknown>) {
		return this.sessions.put({ ...input, textRef, id: newRecordId(), createdAt: Date.now() });
	}
	addNote(textRef: TextRef, input: Record<string, unknown>) {
		return this.notes.put({ ...input, textRef, id: newRecordId(), createdAt: Date.now() });
	}
	removeSession(id: string) {
		this.sessions.remove(id);
	}
	removeNote(id: string) {
		this.notes.remove(id);
	}
}
