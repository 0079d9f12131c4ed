/** Sharing rooms with other accounts: grants, room invites and accepting them, on one database. */
import type { AccountRepository } from '../auth/accounts.ts';
import type { Db } from '../db.ts';
import { GrantRepository } from './grants.ts';
import { RoomJoining } from './join.ts';
import { RoomInviteRepository } from './room-invites.ts';

export class Sharing {
	readonly grants: GrantRepository;
	readonly invites: RoomInviteRepository;
	readonly joining: RoomJoining;

	constructor(db: Db, accounts: AccountRepository) {
		this.grants = new GrantRepository(db);
		this.invites = new RoomInviteRepository(db);
		this.joining = new RoomJoining(db, accounts, this.grants, this.invites);
	}
}
