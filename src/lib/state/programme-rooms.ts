/**
 * The shared documents of the account's programmes, opened once per page and shared by whoever
 * needs them: the programme pages, and the keeper that holds every programme of the account open
 * while signed in, so each is on the device for reading offline before anyone opens it and no
 * change waits unsent because its page was closed.
 */
import { discussionRoom, programmeRoom } from '$domain/session';
import { PROGRAMME_DB_PREFIX } from '$sync/doc-names';
import { handleError } from './handle-error';
import { SharedRoom } from './shared-room.svelte';

export interface ProgrammeRooms {
	main: SharedRoom;
	discussion: SharedRoom;
	/** Resolves when both documents have loaded from the device (and started syncing). */
	opened: Promise<void>;
}

const open = new Map<string, { rooms: ProgrammeRooms; users: number }>();

/** Opens (or shares) a programme's documents; call `releaseProgramme` when done. */
export function acquireProgramme(id: string): ProgrammeRooms {
	const entry = open.get(id);
	if (entry) {
		entry.users++;
		return entry.rooms;
	}
	const main = new SharedRoom(PROGRAMME_DB_PREFIX + id, programmeRoom(id));
	const discussion = new SharedRoom(`${PROGRAMME_DB_PREFIX}${id}:discussion`, discussionRoom(id));
	const opened = Promise.all([main.open(), discussion.open()]).then(() => {});
	opened.catch((e) => handleError(e, 'opening a programme'));
	const rooms = { main, discussion, opened };
	open.set(id, { rooms, users: 1 });
	return rooms;
}

export function releaseProgramme(id: string): void {
	const entry = open.get(id);
	if (!entry || --entry.users > 0) return;
	open.delete(id);
	entry.rooms.main.destroy();
	entry.rooms.discussion.destroy();
}

/** Writes every open programme document to the device (before a reload). */
export async function flushProgrammes(): Promise<void> {
	await Promise.all(
		[...open.values()].flatMap(({ rooms }) => [rooms.main.flush(), rooms.discussion.flush()])
	);
}
