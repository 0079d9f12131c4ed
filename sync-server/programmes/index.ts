/**
 * Programmes, their memberships, invites and groups, and mentor schemes' registrations and pairs:
 * the repositories on one database, and joining.
 */
import type { AccountRepository } from '../auth/accounts.ts';
import type { Db } from '../db.ts';
import { GroupRepository } from './groups.ts';
import { InviteRepository } from './invites.ts';
import { Joining } from './join.ts';
import { MembershipRepository } from './memberships.ts';
import { PairRepository } from './pairs.ts';
import { ProgrammeRepository } from './programmes.ts';
import { RegistrationRepository } from './registrations.ts';
import { SurveyRepository } from './surveys.ts';

export class Programmes {
	readonly programmes: ProgrammeRepository;
	readonly members: MembershipRepository;
	readonly invites: InviteRepository;
	readonly joining: Joining;
	readonly surveys: SurveyRepository;
	readonly groups: GroupRepository;
	readonly registrations: RegistrationRepository;
	readonly pairs: PairRepository;

	constructor(db: Db, accounts: AccountRepository) {
		this.programmes = new ProgrammeRepository(db);
		this.members = new MembershipRepository(db);
		this.invites = new InviteRepository(db);
		this.joining = new Joining(db, accounts, this.members, this.invites);
		this.surveys = new SurveyRepository(db);
		this.groups = new GroupRepository(db);
		this.registrations = new RegistrationRepository(db);
		this.pairs = new PairRepository(db);
	}
}
