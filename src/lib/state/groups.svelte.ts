/**
 * My colloquium groups: the list (from the device at once, refreshed from the server when online)
 * and the keeper that, while signed in, holds each group's document open, so its pages and meeting
 * log are on the device before anyone goes offline and no change waits unsent because its page
 * closed. A group that leaves the server's list (I was taken out of it) is deleted from the device.
 */
import { api } from '$lib/api/client';
import { groupRoom, type Group } from '$domain/group';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { acquireRoom, deleteRoomCopy, releaseRoom, type PooledRoom } from './room-pool';
import { SharedStart } from './shared-start';

export class GroupList {
	#items = $state<Group[]>([]);
	#loaded = $state(false);
	#fromServer = $state(false);

	get items() {
		return this.#items;
	}
	get loaded() {
		return this.#loaded;
	}
	/** The list is the server's answer of this visit (not only the device's copy). */
	get fromServer() {
		return this.#fromServer;
	}

	find(id: string): Group | null {
		return this.#items.find((g) => g.id === id) ?? null;
	}

	async load(): Promise<void> {
		if (!this.#loaded) {
			this.#items = (await loadSettings()).groups ?? [];
			this.#loaded = true;
		}
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await api.myGroups(token);
		if (!result.ok) return;
		await this.#set(result.value.groups);
	}

	/** One group changed on the server (renamed, new members): keep the list in step. */
	async replace(group: Group): Promise<void> {
		const others = this.#items.filter((g) => g.id !== group.id);
		const mine = group.members.some((m) => m.userId === app.user?.id);
		await this.#set(mine ? [...others, group] : others);
	}

	async #set(groups: Group[]): Promise<void> {
		this.#items = groups;
		this.#fromServer = true;
		await saveSetting('groups', groups).catch((e) => handleError(e, 'saving groups'));
	}
}

export const myGroups = new GroupList();

export class GroupKeeper {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	#held = new Map<string, PooledRoom>();
	#shared = new SharedStart(() => this.#start());

	/** Starts holding (shared by whoever asks); returns the function that lets go. */
	watch(): () => void {
		return this.#shared.hold();
	}

	#start(): () => void {
		const refresh = () => void myGroups.load().catch((e) => handleError(e, 'loading groups'));
		const stopEffect = $effect.root(() => {
			$effect(() => {
				const signedIn = app.user !== null && app.mode === 'account' && !app.isGuest;
				if (!signedIn || !myGroups.loaded) return this.#follow([], false);
				this.#follow(
					myGroups.items.map((g) => g.id),
					myGroups.fromServer
				);
			});
		});
		refresh();
		window.addEventListener('online', refresh);
		return () => {
			window.removeEventListener('online', refresh);
			stopEffect();
			this.#follow([], false);
		};
	}

	/** Holds exactly these groups; `removed`: those let go are no longer mine (the server said so). */
	#follow(ids: readonly string[], removed: boolean): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const wanted = new Set(ids);
		for (const [id, held] of this.#held) {
			if (wanted.has(id)) continue;
			this.#held.delete(id);
			const room = groupRoom(id);
			// A room the server refused is deleted by the pool already.
			const refused = held.shared.access === 'removed';
			releaseRoom(room);
			if (removed && !refused) void deleteRoomCopy(room).catch((e) => handleError(e, 'deleting a group'));
		}
		for (const id of wanted) if (!this.#held.has(id)) this.#held.set(id, acquireRoom(groupRoom(id)));
	}
}

export const groupKeeper = new GroupKeeper();
