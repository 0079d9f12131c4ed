/**
 * Room grants: the owner of a room `user:<id>:<name>` lets another account read it or write in it.
 * One row per (room, account); granting again changes the access.
 */
import type { Db } from '../db.ts';
import type { Access } from '../rooms/authorize.ts';

export interface Grant {
	room: string;
	userId: string;
	access: Access;
	grantedAt: number;
}

/** A grant with the grantee's name and email, for the owner's list. */
export interface GranteeGrant extends Grant {
	name: string;
	email: string;
	guest: boolean;
}

/** A grant with its owner's name, for the grantee's "shared with me". */
export interface SharedRoom extends Grant {
	ownerName: string;
}

interface Row {
	room: string;
	user_id: string;
	access: Access;
	granted_at: number;
}

export class GrantRepository {
	#db: Db;
	/** Prepared once: it runs at every socket upgrade. */
	#access;

	constructor(db: Db) {
		this.#db = db;
		this.#access = db
			.prepare<[string, string], Access>('SELECT access FROM room_grants WHERE room = ? AND user_id = ?')
			.pluck();
	}

	/** The access granted to the account in the room, or null. */
	access(room: string, userId: string): Access | null {
		return this.#access.get(room, userId) ?? null;
	}

	/** Grants (or changes) the account's access; returns the grant. */
	put(room: string, userId: string, access: Access, now = Date.now()): Grant {
		this.#db
			.prepare(
				`INSERT INTO room_grants (room, user_id, access, granted_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (room, user_id) DO UPDATE SET access = excluded.access`
			)
			.run(room, userId, access, now);
		return this.#get(room, userId)!;
	}

	/** Takes the account's access away; false if it had none. */
	remove(room: string, userId: string): boolean {
		return (
			this.#db.prepare('DELETE FROM room_grants WHERE room = ? AND user_id = ?').run(room, userId).changes > 0
		);
	}

	/** Everyone the room is shared with, oldest grant first. */
	listForRoom(room: string): GranteeGrant[] {
		return this.#db
			.prepare<[string], Row & { name: string; email: string; guest: number }>(
				`SELECT g.*, a.name, a.email, a.guest FROM room_grants g JOIN accounts a ON a.id = g.user_id
				WHERE g.room = ? ORDER BY g.granted_at, a.name`
			)
			.all(room)
			.map((row) => ({ ...toGrant(row), name: row.name, email: row.email, guest: row.guest === 1 }));
	}

	/** The rooms shared with the account, newest first, with the name of each room's owner. */
	listForUser(userId: string, ownerName: (room: string) => string | null): SharedRoom[] {
		return this.#db
			.prepare<[string], Row>('SELECT * FROM room_grants WHERE user_id = ? ORDER BY granted_at DESC')
			.all(userId)
			.flatMap((row) => {
				const name = ownerName(row.room);
				return name === null ? [] : [{ ...toGrant(row), ownerName: name }];
			});
	}

	#get(room: string, userId: string): Grant | null {
		const row = this.#db
			.prepare<[string, string], Row>('SELECT * FROM room_grants WHERE room = ? AND user_id = ?')
			.get(room, userId);
		return row ? toGrant(row) : null;
	}
}

function toGrant(row: Row): Grant {
	return { room: row.room, userId: row.user_id, access: row.access, grantedAt: row.granted_at };
}
