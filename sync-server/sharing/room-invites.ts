/**
 * Single-use invitations into one room, made by its owner for someone by name and email (typically
 * someone outside every programme). Codes are made and matched like programme invites.
 */
import type { Db } from '../db.ts';
import { newInviteCode, normalizeCode } from '../programmes/invites.ts';
import type { Access } from '../rooms/authorize.ts';

export interface RoomInvite {
	code: string;
	room: string;
	access: Access;
	email: string;
	name: string;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	revokedAt: number | null;
	usedBy: string | null;
}

export interface NewRoomInvite {
	room: string;
	access: Access;
	email: string;
	name: string;
	createdBy: string;
}

interface Row {
	code: string;
	room: string;
	access: Access;
	email: string;
	name: string;
	created_by: string;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	revoked_at: number | null;
	used_by: string | null;
}

export class RoomInviteRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	create(input: NewRoomInvite, ttlMs: number, now = Date.now()): RoomInvite {
		for (;;) {
			const invite: RoomInvite = {
				...input,
				code: newInviteCode(),
				createdAt: now,
				expiresAt: now + ttlMs,
				usedAt: null,
				revokedAt: null,
				usedBy: null
			};
			const inserted = this.#db
				.prepare(
					`INSERT OR IGNORE INTO room_invites (code, room, access, email, name, created_by, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					invite.code,
					invite.room,
					invite.access,
					invite.email,
					invite.name,
					invite.createdBy,
					now,
					invite.expiresAt
				);
			if (inserted.changes > 0) return invite;
		}
	}

	find(code: string): RoomInvite | null {
		const row = this.#db
			.prepare<[string], Row>('SELECT * FROM room_invites WHERE code = ?')
			.get(normalizeCode(code));
		return row ? toInvite(row) : null;
	}

	listForRoom(room: string): RoomInvite[] {
		return this.#db
			.prepare<[string], Row>('SELECT * FROM room_invites WHERE room = ? ORDER BY created_at DESC')
			.all(room)
			.map(toInvite);
	}

	/** Marks a pending invite used; false if it was not pending any more. */
	markUsed(code: string, userId: string, now = Date.now()): boolean {
		return (
			this.#db
				.prepare(
					`UPDATE room_invites SET used_at = ?, used_by = ?
					WHERE code = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?`
				)
				.run(now, userId, normalizeCode(code), now).changes > 0
		);
	}

	/** Revokes an unused invite into the room; false if there is none to revoke. */
	revoke(room: string, code: string, now = Date.now()): boolean {
		return (
			this.#db
				.prepare(
					`UPDATE room_invites SET revoked_at = coalesce(revoked_at, ?)
					WHERE code = ? AND room = ? AND used_at IS NULL`
				)
				.run(now, normalizeCode(code), room).changes > 0
		);
	}
}

function toInvite(row: Row): RoomInvite {
	return {
		code: row.code,
		room: row.room,
		access: row.access,
		email: row.email,
		name: row.name,
		createdBy: row.created_by,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		usedAt: row.used_at,
		revokedAt: row.revoked_at,
		usedBy: row.used_by
	};
}
