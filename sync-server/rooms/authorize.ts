/**
 * Which rooms an account may open, and how. The server knows room names, never their content.
 *   user:<id>                     the account's private document: write for that account only
 *   programme:<id>                the programme's shared document: coordinators write, other members read
 *   programme:<id>:discussion     the programme's discussion: every member writes
 * Non-members (and unknown programmes) are forbidden; any other name is an unknown room.
 */
import type { MemberRole } from '../programmes/memberships.ts';

export type Access = 'write' | 'read';

export type RoomDecision = { ok: true; access: Access } | { ok: false; code: 'forbidden' | 'unknownRoom' };

export interface RoomUser {
	id: string;
}

/** The account's role in a programme, or null for a non-member or an unknown programme. */
export type MembershipLookup = (programmeId: string, userId: string) => MemberRole | null;

const USER_ROOM = /^user:(.+)$/;
const PROGRAMME_ROOM = /^programme:([^:]+)(:discussion)?$/;

export function authorizeRoom(room: string, user: RoomUser, roleIn: MembershipLookup): RoomDecision {
	const userRoom = USER_ROOM.exec(room);
	if (userRoom) {
		return userRoom[1] === user.id ? { ok: true, access: 'write' } : { ok: false, code: 'forbidden' };
	}
	const programmeRoom = PROGRAMME_ROOM.exec(room);
	if (programmeRoom) {
		const role = roleIn(programmeRoom[1], user.id);
		if (!role) return { ok: false, code: 'forbidden' };
		const discussion = programmeRoom[2] !== undefined;
		return { ok: true, access: discussion || role === 'coordinator' ? 'write' : 'read' };
	}
	return { ok: false, code: 'unknownRoom' };
}

/** The programme a room belongs to (its document or its discussion), or null for any other room. */
export function programmeOfRoom(room: string): string | null {
	return PROGRAMME_ROOM.exec(room)?.[1] ?? null;
}

/** The rooms of a programme, e.g. to close a removed member's sockets. */
export function programmeRooms(programmeId: string): string[] {
	return [`programme:${programmeId}`, `programme:${programmeId}:discussion`];
}
