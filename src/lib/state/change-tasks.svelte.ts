/**
 * My change tasks and their check-ins, live from the personal workspace (offline, device-only
 * and synced like notes), and the verbs the task pages use.
 */
import * as v from 'valibot';
import {
	CHANGE_CHECK_INS,
	CHANGE_TASKS,
	ChangeTaskFieldsSchema,
	ChangeTaskSchema,
	CheckInFieldsSchema,
	CheckInSchema,
	checkInsOf,
	CloseTaskSchema,
	nextCheckIn,
	summariseTasks,
	type ChangeTask,
	type CheckIn
} from '$domain/change-task';
import type { NoteSession } from '$domain/note';
import { locale, t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { newRecordId, Records } from './records.svelte';
import { toasts } from './toasts.svelte';

/** The seminar note a new task starts from: its title becomes "what", the task links to it. */
export interface TaskSource {
	noteId: string;
	title: string;
	session: NoteSession | null;
}

export class ChangeTasks {
	readonly tasks = new Records(CHANGE_TASKS, ChangeTaskSchema);
	readonly checkIns = new Records(CHANGE_CHECK_INS, CheckInSchema);

	/** Active tasks by next check-in, then done tasks. */
	readonly summary = $derived(summariseTasks(this.tasks.items, this.checkIns.items, locale.deviceTimeZone));

	get loaded(): boolean {
		return this.tasks.loaded && this.checkIns.loaded;
	}

	/** Starts following both collections; returns the function that stops. */
	open(): () => void {
		const stops = [this.tasks.open(), this.checkIns.open()];
		return () => stops.forEach((stop) => stop());
	}

	get(id: string): ChangeTask | undefined {
		return this.tasks.get(id);
	}
	checkInsOf(taskId: string): CheckIn[] {
		return checkInsOf(taskId, this.checkIns.items);
	}
	nextCheckIn(task: ChangeTask): string | null {
		return nextCheckIn(task, this.checkInsOf(task.id), locale.deviceTimeZone);
	}

	/** A new active task (validate the fields first: throws a ValiError when invalid). */
	create(fields: v.InferInput<typeof ChangeTaskFieldsSchema>, source: TaskSource | null = null): ChangeTask {
		const now = Date.now();
		return this.tasks.put({
			...v.parse(ChangeTaskFieldsSchema, fields),
			id: newRecordId(),
			status: 'active',
			noteId: source?.noteId ?? '',
			session: source?.session ?? null,
			reflection: '',
			doneAt: null,
			createdAt: now,
			updatedAt: now
		});
	}

	update(id: string, fields: v.InferInput<typeof ChangeTaskFieldsSchema>): ChangeTask {
		const task = this.#task(id);
		return this.tasks.put({ ...task, ...v.parse(ChangeTaskFieldsSchema, fields), updatedAt: Date.now() });
	}

	/** Adds a check-in and moves the task's next check-in to `next` ('' to let the app suggest one). */
	addCheckIn(taskId: string, fields: v.InferInput<typeof CheckInFieldsSchema>, next: string): CheckIn {
		const task = this.#task(taskId);
		const now = Date.now();
		const checkIn = this.checkIns.put({
			...v.parse(CheckInFieldsSchema, fields),
			id: newRecordId(),
			taskId,
			createdAt: now,
			updatedAt: now
		});
		this.tasks.put({ ...task, nextCheckIn: next, updatedAt: now });
		return checkIn;
	}

	/** Marks a task done with its closing reflection (required: throws a ValiError without). */
	close(id: string, reflection: string): ChangeTask {
		const task = this.#task(id);
		const parsed = v.parse(CloseTaskSchema, { reflection });
		const now = Date.now();
		return this.tasks.put({ ...task, ...parsed, status: 'done', doneAt: now, updatedAt: now });
	}

	/** Takes a done task up again (its reflection is kept for when it is closed again). */
	reopen(id: string): ChangeTask {
		const task = this.#task(id);
		return this.tasks.put({ ...task, status: 'active', doneAt: null, updatedAt: Date.now() });
	}

	/** Deletes a task with its check-ins; the toast offers to undo. */
	remove(id: string): void {
		const task = this.#task(id);
		const checkIns = this.checkInsOf(id);
		for (const checkIn of checkIns) this.checkIns.remove(checkIn.id);
		this.tasks.remove(id);
		toasts.show({
			kind: 'info',
			message: t('tasks.deleted'),
			action: {
				label: t('note.undo'),
				run: () => {
					this.tasks.put(task);
					for (const checkIn of checkIns) this.checkIns.put(checkIn);
				}
			}
		});
	}

	#task(id: string): ChangeTask {
		const task = this.tasks.get(id);
		if (!task) throw new Error(`No change task ${id}`);
		return task;
	}
}

/** The note a new task is made from, read from the workspace (null when it is not there). */
export async function taskSource(noteId: string): Promise<TaskSource | null> {
	await app.boot();
	const note = app.workspace?.readNote(noteId);
	if (!note || note.deletedAt !== null) return null;
	return { noteId: note.id, title: note.title.trim(), session: note.session };
}
