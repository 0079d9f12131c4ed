/** Who belongs to which programme, and as what. One row per (programme, account). */
import type { Db } from '../db.ts';

export const MEMBER_ROLES = ['coordinator', 'participant', 'coach', 'mentor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: MemberRole;
	addedAt: number;
	/** When the member last had a socket open to one of the programme's rooms (ms), or null: never. */
	lastSyncedAt: number | null;
}

export type RemoveResult = 'removed' | 'notMember' | 'lastCoordinator';

export class MembershipRepository {
	#db: Db;
	/** Prepared once: it runs at every socket open and close. */
	#recordSync;

	constructor(db: Db) {
		this.#db = db;
		this.#recordSync = db.prepare<[number, string, string]>(
			`UPDATE memberships SET last_synced_at = max(coalesce(last_synced_at, 0), ?)
			WHERE programme_id = ? AND user_id = ?`
		);
	}

	/** The account's role in the programme, or null if it is not a member (or there is no such programme). */
	role(programmeId: string, userId: string): MemberRole | null {
		return (
			this.#db
				.prepare<[string, string], MemberRole>(
					'SELECT role FROM memberships WHERE programme_id = ? AND user_id = ?'
				)
				.pluck()
				.get(programmeId, userId) ?? null
		);
	}

	/** Adds the account; false if it already is a member (its role is left as it was). */
	add(programmeId: string, userId: string, role: MemberRole, now = Date.now()): boolean {
		return (
			this.#db
				.prepare(
					'INSERT OR IGNORE INTO memberships (programme_id, user_id, role, added_at) VALUES (?, ?, ?, ?)'
				)
				.run(programmeId, userId, role, now).changes > 0
		);
	}

	/**
	 * Removes the member, unless it is the programme's last coordinator (check and delete in one
	 * transaction). In the same transaction the member leaves the programme's groups, and in a mentor
	 * scheme their registrations go and their active pairs end (`by`: who removed them).
	 */
	remove(programmeId: string, userId: string, by: string | null = null, now = Date.now()): RemoveResult {
		return this.#db
			.transaction((): RemoveResult => {
				const role = this.role(programmeId, userId);
				if (!role) return 'notMember';
				if (role === 'coordinator' && this.#coordinators(programmeId) <= 1) return 'lastCoordinator';
				this.#db
					.prepare('DELETE FROM memberships WHERE programme_id = ? AND user_id = ?')
					.run(programmeId, userId);
				this.#db
					.prepare(
						`DELETE FROM group_members
						WHERE user_id = ? AND group_id IN (SELECT id FROM groups WHERE programme_id = ?)`
					)
					.run(userId, programmeId);
				this.#db
					.prepare('DELETE FROM mentor_registrations WHERE programme_id = ? AND user_id = ?')
					.run(programmeId, userId);
				this.#db
					.prepare(
						`UPDATE pairs SET ended_at = ?, ended_by = ?
						WHERE programme_id = ? AND ended_at IS NULL AND (mentor_id = ? OR mentee_id = ?)`
					)
					.run(now, by, programmeId, userId, userId);
				return 'removed';
			})
			.immediate();
	}

	/**
	 * Records that the member had a socket to the programme's rooms at `at` (when it opens and when
	 * it closes). Never moves backwards, so a clock step back does not undo a later sync; a
	 * non-member has no row and nothing changes.
	 */
	recordSync(programmeId: string, userId: string, at: number): void {
		this.#recordSync.run(at, programmeId, userId);
	}

	/** Whether the two accounts are members of at least one programme together. */
	shareAProgramme(userId: string, otherId: string): boolean {
		return (
			this.#db
				.prepare<[string, string], number>(
					`SELECT 1 FROM memberships a JOIN memberships b ON a.programme_id = b.programme_id
					WHERE a.user_id = ? AND b.user_id = ? LIMIT 1`
				)
				.pluck()
				.get(userId, otherId) !== undefined
		);
	}

	list(programmeId: string): Member[] {
		return this.#db
			.prepare<[string], Member>(
				`SELECT m.user_id AS userId, a.name, a.email, m.role, m.added_at AS addedAt,
					m.last_synced_at AS lastSyncedAt
				FROM memberships m JOIN accounts a ON a.id = m.user_id
				WHERE m.programme_id = ? ORDER BY m.added_at, a.name`
			)
			.all(programmeId);
	}

	#coordinators(programmeId: string): number {
		return (
			this.#db
				.prepare<[string], number>(
					"SELECT count(*) FROM memberships WHERE programme_id = ? AND role = 'coordinator'"
				)
				.pluck()
				.get(programmeId) ?? 0
		);
	}
}
