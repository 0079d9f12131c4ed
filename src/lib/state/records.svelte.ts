/**
 * One collection of records in the personal workspace (the training plan's goals, reading
 * sessions, change tasks …) as a live list: read from the device, updated after every change
 * made here, in another tab or on another device, and written through the workspace, which
 * journals and syncs it like every other change. Works offline and without an account.
 */
import type * as v from 'valibot';
import { app } from './app.svelte';

type RecordSchema = v.GenericSchema<unknown, { id: string }>;

export class Records<S extends RecordSchema> {
	#items = $state.raw<v.InferOutput<S>[]>([]);
	#loaded = $state(false);
	#stop: (() => void) | null = null;

	constructor(
		readonly collection: string,
		readonly schema: S
	) {}

	get items(): v.InferOutput<S>[] {
		return this.#items;
	}
	/** False until the workspace has been read from the device. */
	get loaded() {
		return this.#loaded;
	}

	/** Starts following the collection; returns the function that stops (for onMount / $effect). */
	open(): () => void {
		let stopped = false;
		void app.boot().then(() => {
			const workspace = app.workspace;
			if (stopped || !workspace) return;
			const read = () => (this.#items = workspace.records(this.collection, this.schema));
			read();
			this.#loaded = true;
			this.#stop = workspace.onRecordsChanged([this.collection], read);
		});
		return () => {
			stopped = true;
			this.#stop?.();
			this.#stop = null;
		};
	}

	get(id: string): v.InferOutput<S> | undefined {
		return this.#items.find((item) => item.id === id);
	}

	/** Saves a record on the device at once (synced later). Throws a ValiError when invalid. */
	put(record: unknown): v.InferOutput<S> {
		return this.#workspace().putRecord(this.collection, this.schema, record);
	}

	remove(id: string): void {
		this.#workspace().removeRecord(this.collection, id);
	}

	#workspace() {
		const workspace = app.workspace;
		if (!workspace) throw new Error('The workspace is not open');
		return workspace;
	}
}

/** A fresh id for a new record. */
export function newRecordId(): string {
	return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
