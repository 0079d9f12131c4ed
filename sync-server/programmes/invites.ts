/**
 * Single-use invitations to a programme. A code is 10 characters from an alphabet without look-alikes
 * (no 0/O, 1/I), crypto-random: 50 bits, typable from paper. Matching ignores case, spaces and dashes.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import type { MemberRole } from './memberships.ts';

/** 32 symbols, so `byte % 32` is unbiased. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

export type InviteStatus = 'pending' | 'used' | 'revoked' | 'expired';

export interface Invite {
	code: string;
	programmeId: string;
	email: string;
	name: string;
	role: MemberRole;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	revokedAt: number | null;
	usedBy: string | null;
}

export interface NewInvite {
	programmeId: string;
	email: string;
	name: string;
	role: MemberRole;
	createdBy: string;
}

interface Row {
	code: string;
	programme_id: string;
	email: string;
	name: string;
	role: MemberRole;
	created_by: string;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	revoked_at: number | null;
	used_by: string | null;
}

export function newInviteCode(): string {
	const bytes = randomBytes(CODE_LENGTH);
	let code = '';
	for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
	return code;
}

/** The stored form of a code as a person may type it. */
export function normalizeCode(code: string): string {
	return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Where an invite stands; any single-use invite (a programme's or a room's) has these fields. */
export function inviteStatus(
	invite: Pick<Invite, 'usedAt' | 'revokedAt' | 'expiresAt'>,
	now: number
): InviteStatus {
	if (invite.usedAt !== null) return 'used';
	if (invite.revokedAt !== null) return 'revoked';
	return invite.expiresAt <= now ? 'expired' : 'pending';
}

export class InviteRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	create(input: NewInvite, ttlMs: number, now = Date.now()): Invite {
		for (;;) {
			const invite: Invite = {
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
					`INSERT OR IGNORE INTO invites (code, programme_id, email, name, role, created_by, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					invite.code,
					invite.programmeId,
					invite.email,
					invite.name,
					invite.role,
					invite.createdBy,
					now,
					invite.expiresAt
				);
			if (inserted.changes > 0) return invite;
		}
	}

	find(code: string): Invite | null {
		const row = this.#db
			.prepare<[string], Row>('SELECT * FROM invites WHERE code = ?')
			.get(normalizeCode(code));
		return row ? toInvite(row) : null;
	}

	listForProgramme(programmeId: string): Invite[] {
		return this.#db
			.prepare<[string], Row>('SELECT * FROM invites WHERE programme_id = ? ORDER BY created_at DESC')
			.all(programmeId)
			.map(toInvite);
	}

	/** Marks a pending invite used; false if it was not pending any more. */
	markUsed(code: string, userId: string, now = Date.now()): boolean {
		return (
			this.#db
				.prepare(
					`UPDATE invites SET used_at = ?, used_by = ?
					WHERE code = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?`
				)
				.run(now, userId, normalizeCode(code), now).changes > 0
		);
	}

	/** Revokes an unused invite of the programme; false if there is none to revoke. */
	revoke(programmeId: string, code: string, now = Date.now()): boolean {
		return (
			this.#db
				.prepare(
					`UPDATE invites SET revoked_at = coalesce(revoked_at, ?)
					WHERE code = ? AND programme_id = ? AND used_at IS NULL`
				)
				.run(now, normalizeCode(code), programmeId).changes > 0
		);
	}
}

function toInvite(row: Row): Invite {
	return {
		code: row.code,
		programmeId: row.programme_id,
		email: row.email,
		name: row.name,
		role: row.role,
		createdBy: row.created_by,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		usedAt: row.used_at,
		revokedAt: row.revoked_at,
		usedBy: row.used_by
	};
}
