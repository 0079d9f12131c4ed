/**
 * My pairs in one mentor scheme, for the scheme's home (links to `/pairs/<id>`).
 *
 * INTEGRATION POINT (issue 7): the list of my pairs belongs to the pair-space part — `myPairs` in
 * ./pairs.svelte.ts, kept on the device in settings `pairs`. Until that is merged, this reads
 * GET /api/pairs itself (online only). Once it is there, replace this class's body with
 *   `get items() { return myPairs.items.filter((p) => p.programmeId === this.programmeId); }`
 *   `load() { return myPairs.load(); }`
 * and drop the direct call.
 */
import * as v from 'valibot';
import { call } from '$lib/api/client';
import { PairSchema, type Pair } from '$domain/pair';
import { app } from './app.svelte';

export class SchemePairs {
	#items = $state.raw<Pair[]>([]);

	constructor(readonly programmeId: string) {}

	/** Mine in this scheme: active first, then ended, newest first. */
	get items(): Pair[] {
		return this.#items;
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await call('/api/pairs', { token }, v.object({ pairs: v.array(PairSchema) }));
		if (!result.ok) return;
		this.#items = result.value.pairs
			.filter((p) => p.programmeId === this.programmeId)
			.sort((a, b) => Number(!!a.endedAt) - Number(!!b.endedAt) || b.createdAt.localeCompare(a.createdAt));
	}
}
