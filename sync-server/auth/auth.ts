/**
 * The authentication service: login, refresh, logout and token checks, on top of accounts,
 * sessions and tokens. The HTTP API and the WebSocket upgrade both go through `authenticate`.
 */
import type { Db } from '../db.ts';
import { AccountRepository, publicUser, type Account, type NewAccount, type PublicUser } from './accounts.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { SessionRepository } from './sessions.ts';
import { signToken, verifyToken } from './tokens.ts';

export interface Grant {
	token: string;
	user: PublicUser;
	/** ISO date of the token's (and session's) expiry. */
	expiresAt: string;
}

export interface Identity {
	account: Account;
	sessionId: string;
}

export interface AuthOptions {
	db: Db;
	signingKey: Uint8Array;
	tokenTtlMs: number;
	now: () => number;
}

export class Auth {
	readonly accounts: AccountRepository;
	readonly sessions: SessionRepository;
	#key: Uint8Array;
	#ttl: number;
	#now: () => number;

	constructor({ db, signingKey, tokenTtlMs, now }: AuthOptions) {
		this.accounts = new AccountRepository(db);
		this.sessions = new SessionRepository(db);
		this.#key = signingKey;
		this.#ttl = tokenTtlMs;
		this.#now = now;
	}

	/** A grant for the right credentials, else null (same answer and similar time for both failures). */
	async login(email: string, password: string): Promise<Grant | null> {
		const found = this.accounts.findForLogin(email);
		if (!found) return verifyAgainstDummy(password).then(() => null);
		if (!(await verifyPassword(password, found.passwordHash))) return null;
		const session = this.sessions.create(found.account.id, this.#ttl, this.#now());
		return this.#grant(found.account, session.id, session.expiresAt);
	}

	/** Creates the first coordinator and signs them in; null if any account already exists. */
	async setup(
		input: Omit<NewAccount, 'passwordHash' | 'role'> & { password: string }
	): Promise<Grant | null> {
		if (this.accounts.count() > 0) return null;
		const passwordHash = await hashPassword(input.password);
		const account = this.accounts.createFirst({ ...input, role: 'coordinator', passwordHash }, this.#now());
		if (!account) return null;
		const session = this.sessions.create(account.id, this.#ttl, this.#now());
		return this.#grant(account, session.id, session.expiresAt);
	}

	/** A new session for an account that was just created (joining through an invite). */
	async signIn(account: Account): Promise<Grant> {
		const session = this.sessions.create(account.id, this.#ttl, this.#now());
		return this.#grant(account, session.id, session.expiresAt);
	}

	/** The account and session behind a token: signature, expiry, live session and existing account. */
	async authenticate(token: string | null | undefined): Promise<Identity | null> {
		if (!token) return null;
		const now = this.#now();
		const claims = await verifyToken(this.#key, token, now);
		if (!claims) return null;
		const session = this.sessions.findLive(claims.sessionId, now);
		if (!session || session.userId !== claims.userId) return null;
		const account = this.accounts.findById(session.userId);
		return account ? { account, sessionId: session.id } : null;
	}

	/** A new token for the same session, which now expires one TTL from now. */
	async refresh(identity: Identity): Promise<Grant> {
		const expiresAt = this.#now() + this.#ttl;
		this.sessions.extend(identity.sessionId, expiresAt);
		return this.#grant(identity.account, identity.sessionId, expiresAt);
	}

	logout(identity: Identity): void {
		this.sessions.revoke(identity.sessionId, this.#now());
	}

	async #grant(account: Account, sessionId: string, expiresAt: number): Promise<Grant> {
		const token = await signToken(this.#key, { userId: account.id, sessionId, expiresAt }, this.#now());
		return { token, user: publicUser(account), expiresAt: new Date(expiresAt).toISOString() };
	}
}
