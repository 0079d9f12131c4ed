/**
 * Single-use invitations, to a programme (programmes/invites.ts) or into one room
 * (sharing/room-invites.ts): one table each, the same life. A code is 10 characters from an
 * alphabet without look-alikes (no 0/O, 1/I), crypto-random: 50 bits, typable from paper. Matching
 * ignores case, spaces and dashes. An invite is pending until it is used, revoked or expires.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

/** 32 symbols, so `byte % 32` is unbiased. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

export type InviteStatus = 'pending' | 'used' | 'revoked' | 'expired';

/** What every invite has, whatever it invites to. */
export interface SingleUseInvite {
	code: string;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	revokedAt: number | null;
	usedBy: string | null;
}

/** The columns every invite table has. */
export interface SingleUseRow {
	code: string;
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

export function inviteStatus(
	invite: Pick<SingleUseInvite, 'usedAt' | 'revokedAt' | 'expiresAt'>,
	now: number
): InviteStatus {
	if (invite.usedAt !== null) return 'used';
	if (invite.revokedAt !== null) return 'revoked';
	return invite.expiresAt <= now ? 'expired' : 'pending';
}

export function singleUseFields(row: SingleUseRow): SingleUseInvite {
	return {
		code: row.code,
		createdBy: row.created_by,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		usedAt: row.used_at,
		revokedAt: row.revoked_at,
		usedBy: row.used_by
	};
}

/**
 * One table of invites, each scoped to what it invites to (`scope`: a programme id, a room).
 * The table and column names are the repositories' own constants, never input.
 */
export class InviteTable<I extends SingleUseInvite, R extends SingleUseRow> {
	constructor(
		protected readonly db: Db,
		private readonly table: string,
		private readonly scope: string,
		private readonly fromRow: (row: R) => I
	) {}

	/** Stores a new invite with its own columns (`scope` among them) and a fresh code. */
	protected insert(own: Record<string, string>, createdBy: string, ttlMs: number, now: number): I {
		const names = ['code', 'created_by', 'created_at', 'expires_at', ...Object.keys(own)];
		const statement = this.db.prepare(
			`INSERT OR IGNORE INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
		);
		for (;;) {
			const code = newInviteCode();
			if (statement.run(code, createdBy, now, now + ttlMs, ...Object.values(own)).changes > 0) {
				return this.find(code)!;
			}
		}
	}

	find(code: string): I | null {
		const row = this.db
			.prepare<[string], R>(`SELECT * FROM ${this.table} WHERE code = ?`)
			.get(normalizeCode(code));
		return row ? this.fromRow(row) : null;
	}

	/** The invites of one programme or room, newest first. */
	listFor(scope: string): I[] {
		return this.db
			.prepare<[string], R>(`SELECT * FROM ${this.table} WHERE ${this.scope} = ? ORDER BY created_at DESC`)
			.all(scope)
			.map(this.fromRow);
	}

	/** Marks a pending invite used; false if it was not pending any more. */
	markUsed(code: string, userId: string, now = Date.now()): boolean {
		return (
			this.db
				.prepare(
					`UPDATE ${this.table} SET used_at = ?, used_by = ?
					WHERE code = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?`
				)
				.run(now, userId, normalizeCode(code), now).changes > 0
		);
	}

	/** Revokes an unused invite of this scope; false if there is none to revoke. */
	revoke(scope: string, code: string, now = Date.now()): boolean {
		return (
			this.db
				.prepare(
					`UPDATE ${this.table} SET revoked_at = coalesce(revoked_at, ?)
					WHERE code = ? AND ${this.scope} = ? AND used_at IS NULL`
				)
				.run(now, normalizeCode(code), scope).changes > 0
		);
	}
}
