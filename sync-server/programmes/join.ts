/**
 * Accepting an invite: the invite is used, the membership added (and for a newcomer the account
 * created) in one transaction, so a code can never be used twice, even by two requests at once.
 */
import type { Account, AccountRepository } from '../auth/accounts.ts';
import { DuplicateEmailError } from '../auth/accounts.ts';
import type { Db } from '../db.ts';
import { inviteStatus, type Invite, type InviteRepository } from './invites.ts';
import type { MembershipRepository } from './memberships.ts';

export type JoinRefusal = 'unknown' | 'gone' | 'accountExists' | 'wrongAccount' | 'alreadyMember';
export type JoinResult = { ok: true; account: Account; invite: Invite } | { ok: false; reason: JoinRefusal };

export class Joining {
	#db: Db;
	#accounts: AccountRepository;
	#members: MembershipRepository;
	#invites: InviteRepository;

	constructor(db: Db, accounts: AccountRepository, members: MembershipRepository, invites: InviteRepository) {
		this.#db = db;
		this.#accounts = accounts;
		this.#members = members;
		this.#invites = invites;
	}

	/** A newcomer: creates the account with the invite's email. Coordinator invites make coordinator accounts. */
	createAccount(code: string, input: { name: string; passwordHash: string }, now: number): JoinResult {
		try {
			return this.#db
				.transaction((): JoinResult => {
					const invite = this.#pending(code, now);
					if (!invite.ok) return invite;
					const account = this.#accounts.create(
						{
							email: invite.invite.email,
							name: input.name,
							role: invite.invite.role === 'coordinator' ? 'coordinator' : 'participant',
							passwordHash: input.passwordHash
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

	/** Someone who already has an account, signed in as the invite's email. Their account role is kept. */
	addAccount(code: string, account: Account, now: number): JoinResult {
		return this.#db
			.transaction((): JoinResult => {
				const invite = this.#pending(code, now);
				if (!invite.ok) return invite;
				if (invite.invite.email !== account.email) return { ok: false, reason: 'wrongAccount' };
				return this.#use(invite.invite, account, now);
			})
			.immediate();
	}

	#pending(code: string, now: number): { ok: true; invite: Invite } | { ok: false; reason: JoinRefusal } {
		const invite = this.#invites.find(code);
		if (!invite) return { ok: false, reason: 'unknown' };
		if (inviteStatus(invite, now) !== 'pending') return { ok: false, reason: 'gone' };
		return { ok: true, invite };
	}

	#use(invite: Invite, account: Account, now: number): JoinResult {
		if (!this.#members.add(invite.programmeId, account.id, invite.role, now)) {
			return { ok: false, reason: 'alreadyMember' };
		}
		this.#invites.markUsed(invite.code, account.id, now);
		return { ok: true, account, invite };
	}
}
