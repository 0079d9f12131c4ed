/**
 * Which rooms an account may open, and how. The server knows room names, never their content.
 *   user:<id>                     the account's private document: write for that account only
 *   user:<id>:<name>              a document the account owns (`<name>` is a word, optionally
 *                                 `:<key>`): the owner writes; others only as granted (read or write)
 *   programme:<id>                the programme's shared document: coordinators write, other members read
 *   programme:<id>:discussion     the programme's discussion: every member writes
 *   programme:<id>:ideas:<key>    the idea market of one seminar (`<key>`: its event id): every member writes
 *   programme:<id>:themes:<key>   the facilitator's themes for that market: coordinators write, other members read
 *   group:<id>                    a colloquium group's document: its members write; nobody else opens it,
 *                                 not even the programme's coordinators
 *   pair:<id>                     a mentor pair's space: while the pair is active its mentor and mentee
 *                                 write; nobody else opens it, not even the scheme's coordinators
 * A guest account (made by accepting a room invite) opens only the rooms granted to it.
 * Non-members (and unknown programmes, groups and pairs, and ended pairs) are forbidden; any other
 * name is an unknown room.
 * Asked at every upgrade, so a removed member is refused from then on.
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

/** Whether the account is a member of the group (false for an unknown group). */
export type GroupMembershipLookup = (groupId: string, userId: string) => boolean;

/** Whether the account is the mentor or the mentee of the pair and it is active (false for an unknown pair). */
export type PairLookup = (pairId: string, userId: string) => boolean;

const USER_ROOM = /^user:([^:]+)$/;
const OWNED_ROOM = /^user:([^:]+):[a-z][a-z0-9-]{0,31}(:[A-Za-z0-9_-]{1,64})?$/;
/** Groups: 1 the programme, 2 `discussion`, `ideas` or `themes`. */
const PROGRAMME_ROOM = /^programme:([^:]+)(?::(discussion)|:(ideas|themes):[A-Za-z0-9_-]{1,64})?$/;
const GROUP_ROOM = /^group:([^:]+)$/;
const PAIR_ROOM = /^pair:([^:]+)$/;

const FORBIDDEN: RoomDecision = { ok: false, code: 'forbidden' };

export function authorizeRoom(
	room: string,
	user: RoomUser,
	roleIn: MembershipLookup,
	grantOf: GrantLookup = () => null,
	inGroup: GroupMembershipLookup = () => false,
	inPair: PairLookup = () => false
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
		const [, programmeId, discussion, market] = programmeRoom;
		const role = roleIn(programmeId, user.id);
		if (!role) return FORBIDDEN;
		const everyoneWrites = discussion !== undefined || market === 'ideas';
		return { ok: true, access: everyoneWrites || role === 'coordinator' ? 'write' : 'read' };
	}
	const groupRoom = GROUP_ROOM.exec(room);
	if (groupRoom) {
		return !user.guest && inGroup(groupRoom[1], user.id) ? { ok: true, access: 'write' } : FORBIDDEN;
	}
	const pairRoom = PAIR_ROOM.exec(room);
	if (pairRoom) {
		return !user.guest && inPair(pairRoom[1], user.id) ? { ok: true, access: 'write' } : FORBIDDEN;
	}
	return { ok: false, code: 'unknownRoom' };
}

/** The owner of a room `user:<id>:<name>` (one that can be shared), or null for any other room. */
export function ownerOfRoom(room: string): string | null {
	return OWNED_ROOM.exec(room)?.[1] ?? null;
}

/**
 * The programme a room `programme:<id>…` belongs to (its document, discussion, idea markets and
 * their themes), or null for any other room (also a group's: the server looks its programme up).
 */
export function programmeOfRoom(room: string): string | null {
	return PROGRAMME_ROOM.exec(room)?.[1] ?? null;
}

/** The group of a room `group:<id>`, or null. */
export function groupOfRoom(room: string): string | null {
	return GROUP_ROOM.exec(room)?.[1] ?? null;
}

export function groupRoom(groupId: string): string {
	return `group:${groupId}`;
}
