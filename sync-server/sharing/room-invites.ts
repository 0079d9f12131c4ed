/**
 * Single-use invitations into one room, made by its owner for someone by name and email (typically
 * someone outside every programme). Codes and their life as for programme invites (invite-table.ts).
 */
import type { Db } from '../db.ts';
import { InviteTable, singleUseFields, type SingleUseInvite, type SingleUseRow } from '../invite-table.ts';
import type { Access } from '../rooms/authorize.ts';

export interface RoomInvite extends SingleUseInvite {
	room: string;
	access: Access;
	email: string;
	name: string;
}

export interface NewRoomInvite {
	room: string;
	access: Access;
	email: string;
	name: string;
	createdBy: string;
}

interface Row extends SingleUseRow {
	room: string;
	access: Access;
	email: string;
	name: string;
}

export class RoomInviteRepository extends InviteTable<RoomInvite, Row> {
	constructor(db: Db) {
		super(db, 'room_invites', 'room', (row) => ({
			...singleUseFields(row),
			room: row.room,
			access: row.access,
			email: row.email,
			name: row.name
		}));
	}

	create(input: NewRoomInvite, ttlMs: number, now = Date.now()): RoomInvite {
		const { room, access, email, name, createdBy } = input;
		return this.insert({ room, access, email, name }, createdBy, ttlMs, now);
	}

	listForRoom(room: string): RoomInvite[] {
		return this.listFor(room);
	}
}
