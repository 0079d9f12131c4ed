/**
 * Holds a changing set of rooms open while signed in with an account (not a guest), so each is on
 * the device before anyone goes offline and no change waits unsent because its page closed: my
 * colloquium groups, my active mentor pairs. What each kind does with a room it lets go (deletes
 * the copy, or keeps it) is its own choice; what a refusal does is the pool's (room-pool.ts).
 */
import { untrack } from 'svelte';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import { SharedStart } from './shared-start';

export interface KeptRooms {
	/**
	 * The rooms to hold now (read inside an effect, so it follows the state it reads), or null
	 * while the list is not known yet. `fromServer`: the list is the server's word of this visit.
	 */
	wanted(): { rooms: readonly string[]; fromServer: boolean } | null;
	/** Fetches the list again (at start, when the connection comes back, when the app is shown again). */
	refresh(): Promise<void>;
	/**
	 * A room let go: `fromServer`, the server's list no longer has it; `refused`, the server
	 * refused the room while it was held.
	 */
	letGo?(room: string, how: { fromServer: boolean; refused: boolean }): void;
	/** The server refused a held room (e.g. the pair was ended): the list may have changed. */
	onRefused?(room: string): void;
	/** For the error log: "loading groups". */
	what: string;
}

export class RoomKeeper {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	#held = new Map<string, { pooled: PooledRoom; stopWatching: () => void }>();
	#shared = new SharedStart(() => this.#start());

	constructor(private readonly kept: KeptRooms) {}

	/** Starts holding (shared by whoever asks); returns the function that lets go. */
	watch(): () => void {
		return this.#shared.hold();
	}

	#start(): () => void {
		const refresh = () => void this.kept.refresh().catch((e) => handleError(e, this.kept.what));
		const stopEffect = $effect.root(() => {
			$effect(() => {
				const signedIn = app.user !== null && app.mode === 'account' && !app.isGuest;
				const wanted = signedIn ? this.kept.wanted() : null;
				untrack(() => this.#follow(wanted?.rooms ?? [], wanted?.fromServer ?? false));
			});
		});
		// Shown again (back from another app): a group or pair made meanwhile shows without a reload.
		const shown = () => {
			if (document.visibilityState === 'visible' && navigator.onLine) refresh();
		};
		refresh();
		window.addEventListener('online', refresh);
		document.addEventListener('visibilitychange', shown);
		return () => {
			window.removeEventListener('online', refresh);
			document.removeEventListener('visibilitychange', shown);
			stopEffect();
			this.#follow([], false);
		};
	}

	/** Holds exactly these rooms. */
	#follow(rooms: readonly string[], fromServer: boolean): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const wanted = new Set(rooms);
		for (const [room, held] of this.#held) {
			if (wanted.has(room)) continue;
			this.#held.delete(room);
			held.stopWatching();
			const refused = held.pooled.shared.access === 'removed';
			releaseRoom(room);
			this.kept.letGo?.(room, { fromServer, refused });
		}
		for (const room of wanted) {
			if (this.#held.has(room)) continue;
			const pooled = acquireRoom(room);
			const stopWatching = pooled.shared.onAccess((access) => {
				if (access === 'removed') this.kept.onRefused?.(room);
			});
			this.#held.set(room, { pooled, stopWatching });
		}
	}
}
