/**
 * Accepting a room invite: the invite is used and the grant made (and for a newcomer a guest
 * account created) in one transaction, so a code can never be used twice.
 */
import type { Account, AccountRepository } from '../auth/accounts.ts';
import { DuplicateEmailError } from '../auth/accounts.ts';
import type { Db } from '../db.ts';
import { inviteStatus } from '../invite-table.ts';
import { ownerOfRoom } from '../rooms/authorize.ts';
import type { GrantRepository } from './grants.ts';
import type { RoomInvite, RoomInviteRepository } from './room-invites.ts';

export type RoomJoinRefusal = 'unknown' | 'gone' | 'accountExists' | 'wrongAccount' | 'ownRoom';
export type RoomJoinResult =
	{ ok: true; account: Account; invite: RoomInvite } | { ok: false; reason: RoomJoinRefusal };

export class RoomJoining {
	#db: Db;
	#accounts: AccountRepository;
	#grants: GrantRepository;
	#invites: RoomInviteRepository;

	constructor(db: Db, accounts: AccountRepository, grants: GrantRepository, invites: RoomInviteRepository) {
		this.#db = db;
		this.#accounts = accounts;
		this.#grants = grants;
		this.#invites = invites;
	}

	/** Someone without an account: makes a guest account with the invite's email. */
	createGuest(code: string, input: { name: string; passwordHash: string }, now: number): RoomJoinResult {
		try {
			return this.#db
				.transaction((): RoomJoinResult => {
					const invite = this.#pending(code, now);
					if (!invite.ok) return invite;
					const account = this.#accounts.create(
						{
							email: invite.invite.email,
							name: input.name,
							role: 'participant',
							passwordHash: input.passwordHash,
							guest: true
						},
						now
					);
					return this.#use(invite.invite, account, now);
				})
				.immediate();
		} catch (error) {
			if (error instanceof DuplicateEmailError) return { ok: false, reason: 'accountExists' };
			throw error;
		}
	}

	/** Someone with an account, signed in as the invite's email. */
	addAccount(code: string, account: Account, now: number): RoomJoinResult {
		return this.#db
			.transaction((): RoomJoinResult => {
				const invite = this.#pending(code, now);
				if (!invite.ok) return invite;
				if (invite.invite.email !== account.email) return { ok: false, reason: 'wrongAccount' };
				if (ownerOfRoom(invite.invite.room) === account.id) return { ok: false, reason: 'ownRoom' };
				return this.#use(invite.invite, account, now);
			})
			.immediate();
	}

	#pending(
		code: string,
		now: number
	): { ok: true; invite: RoomInvite } | { ok: false; reason: RoomJoinRefusal } {
		const invite = this.#invites.find(code);
		if (!invite) return { ok: false, reason: 'unknown' };
		if (inviteStatus(invite, now) !== 'pending') return { ok: false, reason: 'gone' };
		return { ok: true, invite };
	}

	#use(invite: RoomInvite, account: Account, now: number): RoomJoinResult {
		// Accepting never lowers access the account already has.
		const had = this.#grants.access(invite.room, account.id);
		this.#grants.put(invite.room, account.id, had === 'write' ? 'write' : invite.access, now);
		this.#invites.markUsed(invite.code, account.id, now);
		return { ok: true, account, invite };
	}
}
