/** Single-use invitations to a programme, with a role (see invite-table.ts for codes and their life). */
import type { Db } from '../db.ts';
import { InviteTable, singleUseFields, type SingleUseInvite, type SingleUseRow } from '../invite-table.ts';
import type { MemberRole } from './memberships.ts';

export { inviteStatus, newInviteCode, normalizeCode, type InviteStatus } from '../invite-table.ts';

export interface Invite extends SingleUseInvite {
	programmeId: string;
	email: string;
	name: string;
	role: MemberRole;
}

export interface NewInvite {
	programmeId: string;
	email: string;
	name: string;
	role: MemberRole;
	createdBy: string;
}

interface Row extends SingleUseRow {
	programme_id: string;
	email: string;
	name: string;
	role: MemberRole;
}

export class InviteRepository extends InviteTable<Invite, Row> {
	constructor(db: Db) {
		super(db, 'invites', 'programme_id', (row) => ({
			...singleUseFields(row),
			programmeId: row.programme_id,
			email: row.email,
			name: row.name,
			role: row.role
		}));
	}

	create(input: NewInvite, ttlMs: number, now = Date.now()): Invite {
		const { programmeId, email, name, role, createdBy } = input;
		return this.insert({ programme_id: programmeId, email, name, role }, createdBy, ttlMs, now);
	}

	listForProgramme(programmeId: string): Invite[] {
		return this.listFor(programmeId);
	}
}
