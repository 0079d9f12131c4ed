import { randomUUID } from 'node:crypto';
import type { Db } from '../db.ts';

export const ROLES = ['coordinator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** A guest (someone invited into one shared room) opens only the rooms granted to it. */
	guest: boolean;
	createdAt: number;
}

export interface NewAccount {
	email: string;
	name: string;
	role: Role;
	passwordHash: string;
	guest?: boolean;
}

/** What the API shows of an account. */
export interface PublicUser {
	id: string;
	name: string;
	email: string;
	role: Role;
	guest: boolean;
}

interface Row {
	id: string;
	email: string;
	name: string;
	role: Role;
	password_hash: string;
	guest: number;
	created_at: number;
}

export class DuplicateEmailError extends Error {
	constructor(email: string) {
		super(`An account with the email ${email} already exists`);
	}
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function publicUser(account: Account): PublicUser {
	return {
		id: account.id,
		name: account.name,
		email: account.email,
		role: account.role,
		guest: account.guest
	};
}

/** Accounts in SQLite. Emails are stored trimmed and lower-cased, and are unique. */
export class AccountRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	count(): number {
		return this.#db.prepare<[], number>('SELECT count(*) FROM accounts').pluck().get() ?? 0;
	}

	create(input: NewAccount, now = Date.now()): Account {
		const account: Account = {
			id: randomUUID(),
			email: normalizeEmail(input.email),
			name: input.name.trim(),
			role: input.role,
			guest: input.guest ?? false,
			createdAt: now
		};
		try {
			this.#db
				.prepare(
					'INSERT INTO accounts (id, email, name, role, password_hash, guest, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
				)
				.run(
					account.id,
					account.email,
					account.name,
					account.role,
					input.passwordHash,
					account.guest ? 1 : 0,
					now
				);
		} catch (error) {
			if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
				throw new DuplicateEmailError(account.email);
			}
			throw error;
		}
		return account;
	}

	/** Creates the account only if no account exists (check and insert in one transaction). */
	createFirst(input: NewAccount, now = Date.now()): Account | null {
		return this.#db.transaction(() => (this.count() === 0 ? this.create(input, now) : null)).immediate();
	}

	findById(id: string): Account | null {
		const row = this.#db.prepare<[string], Row>('SELECT * FROM accounts WHERE id = ?').get(id);
		return row ? toAccount(row) : null;
	}

	/** The account with its password hash, for login. */
	findForLogin(email: string): { account: Account; passwordHash: string } | null {
		const row = this.#db
			.prepare<[string], Row>('SELECT * FROM accounts WHERE email = ?')
			.get(normalizeEmail(email));
		return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
	}

	list(): Account[] {
		return this.#db
			.prepare<[], Row>('SELECT * FROM accounts ORDER BY created_at, email')
			.all()
			.map(toAccount);
	}

	/** Removes the account and its sessions. Returns whether it existed. */
	remove(email: string): boolean {
		return this.#db.prepare('DELETE FROM accounts WHERE email = ?').run(normalizeEmail(email)).changes > 0;
	}
}

function toAccount(row: Row): Account {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		guest: row.guest === 1,
		createdAt: row.created_at
	};
}
