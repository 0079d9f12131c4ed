/**
 * Which rooms an account may open, and how. The server knows room names, never their content.
 *   user:<id>   the account's private document: write for that account only
 */
export type Access = 'write' | 'read';

export type RoomDecision = { ok: true; access: Access } | { ok: false; code: 'forbidden' | 'unknownRoom' };

export interface RoomUser {
	id: string;
}

const USER_ROOM = /^user:(.+)$/;

export function authorizeRoom(room: string, user: RoomUser): RoomDecision {
	const userRoom = USER_ROOM.exec(room);
	if (userRoom) {
		return userRoom[1] === user.id ? { ok: true, access: 'write' } : { ok: false, code: 'forbidden' };
	}
	return { ok: false, code: 'unknownRoom' };
}
