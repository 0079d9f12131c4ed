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
import { RoomKeeper } from './room-keeper.svelte';
import { deleteRoomCopiesExcept, deleteRoomCopy } from './room-pool';

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
		// The server's list is the truth: a copy of a group not on it leaves this device.
		await deleteRoomCopiesExcept(
			groupRoom(''),
			groups.map((g) => groupRoom(g.id))
		).catch((e) => handleError(e, 'deleting a group'));
	}
}

export const myGroups = new GroupList();

/** Holds each of my groups open; a group the server no longer lists is deleted from the device. */
export const groupKeeper = new RoomKeeper({
	wanted: () =>
		myGroups.loaded
			? { rooms: myGroups.items.map((g) => groupRoom(g.id)), fromServer: myGroups.fromServer }
			: null,
	refresh: () => myGroups.load(),
	letGo(room, { fromServer, refused }) {
		// A room the server refused is deleted by the pool already.
		if (fromServer && !refused) void deleteRoomCopy(room).catch((e) => handleError(e, 'deleting a group'));
	},
	what: 'loading groups'
});
