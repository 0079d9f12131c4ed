/**
 * Rooms open in this page (three-party conversations, drafts and their comments, groups, mentor
 * pairs), each a `SharedRoom` shared by reference count between whoever needs it (its page, the
 * list, the keeper). When the server refuses the account a room (unshared, taken out of a group),
 * its copy is deleted from this device and it leaves the list of what is shared with me — except
 * a mentor pair's: the server refuses an ended pair, and the two keep reading what they wrote.
 */
import { pairOfRoom } from '$domain/pair';
import { sharedDbName } from '$sync/doc-names';
import { PersistedDoc, storedDocNames } from '$sync/persisted-doc';
import { handleError } from './handle-error';
import { sharedWithMe } from './room-sharing.svelte';
import { SharedRoom } from './shared-room.svelte';

export interface PooledRoom {
	shared: SharedRoom;
	/** Resolves once the document has loaded from the device (and started syncing). */
	opened: Promise<void>;
}

interface Entry extends PooledRoom {
	users: number;
	stopWatching: () => void;
}

const open = new Map<string, Entry>();

/** Rooms whose copy stays on the device (read-only) when the server refuses them. */
export const keptWhenRefused = (room: string): boolean => pairOfRoom(room) !== '';

/** Opens (or shares) a room's document; call `releaseRoom` when done. */
export function acquireRoom(room: string): PooledRoom {
	const entry = open.get(room);
	if (entry) {
		entry.users++;
		return entry;
	}
	const shared = new SharedRoom(sharedDbName(room), room);
	const opened = shared.open();
	opened.catch((e) => handleError(e, 'opening a shared document'));
	const stopWatching = shared.onAccess((access) => {
		if (access === 'removed' && !keptWhenRefused(room)) void forgetRemoved(room, shared);
	});
	const created: Entry = { shared, opened, users: 1, stopWatching };
	open.set(room, created);
	return created;
}

export function releaseRoom(room: string): void {
	const entry = open.get(room);
	if (!entry || --entry.users > 0) return;
	open.delete(room);
	entry.stopWatching();
	// A refused room is closed (and deleted) already, unless its copy is kept.
	if (entry.shared.access !== 'removed' || keptWhenRefused(room)) entry.shared.destroy();
}

/**
 * Deletes a room's copy from this device (it is no longer shared with me, and was not open when
 * that happened). A room open here is left alone: the server's refusal deletes it.
 */
export async function deleteRoomCopy(room: string): Promise<void> {
	if (open.has(room)) return;
	await new PersistedDoc(sharedDbName(room)).wipe();
}

/**
 * Deletes the copies of rooms whose names start with `prefix` (e.g. `group:`) except `keep`: the
 * server's list is the truth, so a copy left behind (its deletion cut off by a reload or a closed
 * tab) leaves the device the next time the list comes. Rooms open here are left alone.
 */
export async function deleteRoomCopiesExcept(prefix: string, keep: readonly string[]): Promise<void> {
	const names = await storedDocNames(sharedDbName(prefix));
	const rooms = names.map((name) => name.slice(sharedDbName('').length));
	await Promise.all(rooms.filter((room) => !keep.includes(room)).map((room) => deleteRoomCopy(room)));
}

/** Writes every open room to the device (before a reload). */
export async function flushRooms(): Promise<void> {
	await Promise.all([...open.values()].map((entry) => entry.shared.flush()));
}

/** The server refused us: nothing here can reach anyone again, so nothing is kept. */
async function forgetRemoved(room: string, shared: SharedRoom): Promise<void> {
	try {
		await shared.discard();
		await sharedWithMe.forget(room);
	} catch (e) {
		handleError(e, 'deleting a document no longer shared');
	}
}
