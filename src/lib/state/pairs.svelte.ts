/**
 * My mentor pairs: the list (from the device at once, refreshed from the server when online), the
 * pairs I have not been told about yet, and the keeper that, while signed in, holds each active
 * pair's room open, so the agreement, the meetings and the evaluation are on the device before
 * anyone goes offline. An ended pair's room is refused by the server; unlike a group, its copy
 * stays on the device, read-only, so the two keep what they wrote.
 */
import { pairsApi } from '$lib/api/pairs';
import { otherOf, pairRoom, type Pair } from '$domain/pair';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { RoomKeeper } from './room-keeper.svelte';

/** Active pairs first (newest first), then ended ones (the latest ended first). */
export function pairsInOrder(pairs: readonly Pair[]): Pair[] {
	return [...pairs].sort((a, b) => {
		if ((a.endedAt === null) !== (b.endedAt === null)) return a.endedAt === null ? -1 : 1;
		return (b.endedAt ?? b.createdAt).localeCompare(a.endedAt ?? a.createdAt) || a.id.localeCompare(b.id);
	});
}

export class PairList {
	#items = $state.raw<Pair[]>([]);
	#seen = $state.raw<string[]>([]);
	#loaded = $state(false);
	#fromServer = $state(false);
	#loading: Promise<void> | null = null;
	/** The account the list is of (another one signing in on this page starts afresh). */
	#owner: string | null = null;

	/** Every pair of mine, active first. */
	get items() {
		return this.#items;
	}
	get active(): Pair[] {
		return this.#items.filter((p) => p.endedAt === null);
	}
	get ended(): Pair[] {
		return this.#items.filter((p) => p.endedAt !== null);
	}
	get loaded() {
		return this.#loaded;
	}
	/** The list is the server's answer of this visit (not only the device's copy). */
	get fromServer() {
		return this.#fromServer;
	}
	/** Active pairs this device has not told me about yet. */
	get unseen(): Pair[] {
		return this.active.filter((p) => !this.#seen.includes(p.id));
	}

	/** What to tell me of each new pair: who the other one is, on which side, in which scheme. */
	get announcements(): { id: string; name: string; side: 'mentor' | 'mentee'; scheme: string }[] {
		const me = app.user?.id;
		if (!me) return [];
		return this.unseen.map((pair) => {
			const other = otherOf(pair, me);
			return {
				id: pair.id,
				name: other.name,
				side: other.userId === pair.mentor.userId ? 'mentor' : 'mentee',
				scheme: pair.programmeName
			};
		});
	}

	find(id: string): Pair | null {
		return this.#items.find((p) => p.id === id) ?? null;
	}

	/** Reads the device's copy (once), then asks the server when online; concurrent calls share one. */
	load(): Promise<void> {
		this.#loading ??= this.#load().finally(() => (this.#loading = null));
		return this.#loading;
	}

	async #load(): Promise<void> {
		const owner = app.user?.id ?? null;
		if (owner !== this.#owner) {
			this.#owner = owner;
			this.#loaded = false;
			this.#fromServer = false;
		}
		if (!this.#loaded) {
			const settings = await loadSettings();
			this.#items = pairsInOrder(settings.pairs ?? []);
			this.#seen = settings.seenPairs ?? [];
			this.#loaded = true;
		}
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await pairsApi.myPairs(token);
		if (!result.ok) return;
		this.#items = pairsInOrder(result.value.pairs);
		this.#fromServer = true;
		await saveSetting('pairs', result.value.pairs).catch((e) => handleError(e, 'saving mentor pairs'));
	}

	/** I have been told about this pair (dismissed the announcement, or opened it). */
	async markSeen(id: string): Promise<void> {
		if (this.#seen.includes(id)) return;
		// Ids of pairs that are gone from the list are dropped, so the list never grows for ever.
		const known = this.#items.map((p) => p.id);
		this.#seen = [...this.#seen.filter((seen) => known.includes(seen)), id];
		await saveSetting('seenPairs', this.#seen).catch((e) => handleError(e, 'saving seen pairs'));
	}
}

export const myPairs = new PairList();

/** Holds each active pair open; an ended pair's copy is kept (read-only), never deleted. */
export const pairKeeper = new RoomKeeper({
	wanted: () =>
		myPairs.loaded
			? { rooms: myPairs.active.map((p) => pairRoom(p.id)), fromServer: myPairs.fromServer }
			: null,
	refresh: () => myPairs.load(),
	// Refused: most likely ended by the coordinator; the list says when.
	onRefused: () => void myPairs.load().catch((e) => handleError(e, 'loading mentor pairs')),
	what: 'loading mentor pairs'
});
