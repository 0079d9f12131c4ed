import { randomUUID } from 'node:crypto';
import type { Db } from '../db.ts';

export interface Session {
	id: string;
	userId: string;
	createdAt: number;
	expiresAt: number;
	revokedAt: number | null;
}

interface Row {
	id: string;
	user_id: string;
	created_at: number;
	expires_at: number;
	revoked_at: number | null;
}

/** Login sessions in SQLite. A token is only as valid as its session. */
export class SessionRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	create(userId: string, ttlMs: number, now = Date.now()): Session {
		const session: Session = {
			id: randomUUID(),
			userId,
			createdAt: now,
			expiresAt: now + ttlMs,
			revokedAt: null
		};
		this.#db
			.prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
			.run(session.id, userId, now, session.expiresAt);
		return session;
	}

	/** The session if it exists, is not revoked and has not expired. */
	findLive(id: string, now = Date.now()): Session | null {
		const row = this.#db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?').get(id);
		if (!row || row.revoked_at !== null || row.expires_at <= now) return null;
		return {
			id: row.id,
			userId: row.user_id,
			createdAt: row.created_at,
			expiresAt: row.expires_at,
			revokedAt: row.revoked_at
		};
	}

	extend(id: string, expiresAt: number): void {
		this.#db
			.prepare('UPDATE sessions SET expires_at = ? WHERE id = ? AND revoked_at IS NULL')
			.run(expiresAt, id);
	}

	revoke(id: string, now = Date.now()): void {
		this.#db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
	}

	/** Deletes sessions that expired or were revoked more than `graceMs` ago. */
	prune(now = Date.now(), graceMs = 0): number {
		const before = now - graceMs;
		return this.#db
			.prepare('DELETE FROM sessions WHERE expires_at < ? OR (revoked_at IS NOT NULL AND revoked_at < ?)')
			.run(before, before).changes;
	}
}
