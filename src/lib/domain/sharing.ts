/**
 * Sharing documents I own with others: the rooms (`user:<owner>:plan`, `user:<owner>:conversation:<id>`,
 * `user:<owner>:draft:<id>` and its comments `user:<owner>:draft-comments:<id>`),
 * and what the server says about who has access (grants, room invites, rooms shared with me).
 * The server knows only room names and access; what a room holds is ours to read from its name.
 */
import * as v from 'valibot';
import { INVITE_STATUSES } from './session';

export const ACCESS_LEVELS = ['read', 'write'] as const;
export type RoomAccessLevel = (typeof ACCESS_LEVELS)[number];

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The room of my training plan as I share it (read-only) with my coach. */
export const planRoom = (ownerId: string) => `user:${ownerId}:plan`;

/** The room of a three-party conversation, owned by the participant who prepared it. */
export const conversationRoom = (ownerId: string, id: string) => `user:${ownerId}:conversation:${id}`;

/** The room of a draft (its text, title, facts and versions), owned by its author. */
export const draftRoom = (ownerId: string, id: string) => `user:${ownerId}:draft:${id}`;

/** The room of a draft's comments: others may comment without being able to change the text. */
export const draftCommentsRoom = (ownerId: string, id: string) => `user:${ownerId}:draft-comments:${id}`;

export type SharedRoomKind =
	| { kind: 'plan'; ownerId: string }
	| { kind: 'conversation'; ownerId: string; id: string }
	| { kind: 'draft'; ownerId: string; id: string }
	| { kind: 'draft-comments'; ownerId: string; id: string };

/** What a shared room holds, read from its name; null for rooms this app does not share. */
export function sharedRoomKind(room: string): SharedRoomKind | null {
	const plan = /^user:([^:]+):plan$/.exec(room);
	if (plan) return { kind: 'plan', ownerId: plan[1] };
	const conversation = /^user:([^:]+):conversation:([^:]+)$/.exec(room);
	if (conversation && ID.test(conversation[2])) {
		return { kind: 'conversation', ownerId: conversation[1], id: conversation[2] };
	}
	const draft = /^user:([^:]+):(draft|draft-comments):([^:]+)$/.exec(room);
	if (draft && ID.test(draft[3])) {
		return { kind: draft[2] as 'draft' | 'draft-comments', ownerId: draft[1], id: draft[3] };
	}
	return null;
}

/** A room someone shared with me (GET /api/shared). */
export const SharedWithMeSchema = v.object({
	room: v.string(),
	owner: v.object({ id: v.string(), name: v.string() }),
	access: v.picklist(ACCESS_LEVELS),
	grantedAt: v.string()
});
export type SharedWithMe = v.InferOutput<typeof SharedWithMeSchema>;

/** Someone I shared a room with (GET /api/rooms/:room/grants). */
export const RoomGrantSchema = v.object({
	userId: v.string(),
	name: v.string(),
	email: v.string(),
	guest: v.boolean(),
	access: v.picklist(ACCESS_LEVELS),
	grantedAt: v.string()
});
export type RoomGrant = v.InferOutput<typeof RoomGrantSchema>;

/** An invite into one of my rooms. */
export const RoomInviteSchema = v.object({
	code: v.string(),
	name: v.string(),
	email: v.string(),
	access: v.picklist(ACCESS_LEVELS),
	status: v.picklist(INVITE_STATUSES),
	expiresAt: v.string()
});
export type RoomInvite = v.InferOutput<typeof RoomInviteSchema>;

export const RoomGrantsSchema = v.object({
	grants: v.array(RoomGrantSchema),
	invites: v.array(RoomInviteSchema)
});
export type RoomGrants = v.InferOutput<typeof RoomGrantsSchema>;

/** What the guest page shows before accepting (GET /api/room-invites/:code). */
export const RoomInvitationSchema = v.object({
	room: v.string(),
	owner: v.object({ name: v.string() }),
	email: v.string(),
	name: v.string(),
	access: v.picklist(ACCESS_LEVELS),
	expiresAt: v.string()
});
export type RoomInvitation = v.InferOutput<typeof RoomInvitationSchema>;

/** The form to invite someone (the manager) into a room by name and email. */
export const NewRoomInviteSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(100)),
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('email'))
});
