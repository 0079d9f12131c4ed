/**
 * Which rooms an account may open, and how. The server knows room names, never their content.
 *   user:<id>                     the account's private document: write for that account only
 *   user:<id>:<name>              a document the account owns (`<name>` is a word, optionally
 *                                 `:<key>`): the owner writes; others only as granted (read or write)
 *   programme:<id>                the programme's shared document: coordinators write, other members read
 *   programme:<id>:discussion     the programme's discussion: every member writes
 * A guest account (made by accepting a room invite) opens only the rooms granted to it.
 * Non-members (and unknown programmes) are forbidden; any other name is an unknown room.
 */
import type { MemberRole } from '../programmes/memberships.ts';

export type Access = 'write' | 'read';

export type RoomDecision = { ok: true; access: Access } | { ok: false; code: 'forbidden' | 'unknownRoom' };

export interface RoomUser {
	id: string;
	guest?: boolean;
}

/** The account's role in a programme, or null for a non-member or an unknown programme. */
export type MembershipLookup = (programmeId: string, userId: string) => MemberRole | null;

/** The access granted to the account in the room by its owner, or null. */
export type GrantLookup = (room: string, userId: string) => Access | null;

const USER_ROOM = /^user:([^:]+)$/;
const OWNED_ROOM = /^user:([^:]+):[a-z][a-z0-9-]{0,31}(:[A-Za-z0-9_-]{1,64})?$/;
const PROGRAMME_ROOM = /^programme:([^:]+)(:discussion)?$/;

const FORBIDDEN: RoomDecision = { ok: false, code: 'forbidden' };

export function authorizeRoom(
	room: string,
	user: RoomUser,
	roleIn: MembershipLookup,
	grantOf: GrantLookup = () => null
): RoomDecision {
	const userRoom = USER_ROOM.exec(room);
	if (userRoom) {
		return userRoom[1] === user.id && !user.guest ? { ok: true, access: 'write' } : FORBIDDEN;
	}
	const ownedRoom = OWNED_ROOM.exec(room);
	if (ownedRoom) {
		if (ownedRoom[1] === user.id) return user.guest ? FORBIDDEN : { ok: true, access: 'write' };
		const access = grantOf(room, user.id);
		return access ? { ok: true, access } : FORBIDDEN;
	}
	const programmeRoom = PROGRAMME_ROOM.exec(room);
	if (programmeRoom) {
		const role = roleIn(programmeRoom[1], user.id);
		if (!role) return FORBIDDEN;
		const discussion = programmeRoom[2] !== undefined;
		return { ok: true, access: discussion || role === 'coordinator' ? 'write' : 'read' };
	}
	return { ok: false, code: 'unknownRoom' };
}

/** The owner of a room `user:<id>:<name>` (one that can be shared), or null for any other room. */
export function ownerOfRoom(room: string): string | null {
	return OWNED_ROOM.exec(room)?.[1] ?? null;
}

/** The programme a room belongs to (its document or its discussion), or null for any other room. */
export function programmeOfRoom(room: string): string | null {
	return PROGRAMME_ROOM.exec(room)?.[1] ?? null;
}

/** The rooms of a programme, e.g. to close a removed member's sockets. */
export function programmeRooms(programmeId: string): string[] {
	return [`programme:${programmeId}`, `programme:${programmeId}:discussion`];
}
