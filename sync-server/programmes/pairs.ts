/**
 * Mentor pairs: a mentor and a mentee of one scheme, matched by its coordinators. While a pair is
 * active its two (only they, not the coordinators) open the room `pair:<id>`; an ended pair's room
 * opens for no one. The server knows who the two are and, from what their devices report, the dates
 * of their meetings and whether each was held, never what they write. Both accounts must be members
 * of the scheme, checked in the same transaction that writes the pair; a member removed from the
 * scheme ends their active pairs in it (memberships.ts `remove`).
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Db } from '../db.ts';
import { MeetingsReportSchema, type MeetingDate } from '../mentor-scheme.ts';

export interface PairPerson {
	userId: string;
	name: string;
}

export interface StoredPair {
	id: string;
	programmeId: string;
	programmeName: string;
	mentor: PairPerson;
	mentee: PairPerson;
	createdAt: number;
	endedAt: number | null;
}

/** A pair with the last meetings its devices reported, for the scheme's coordinators. */
export interface ReportedPair extends StoredPair {
	meetings: MeetingDate[];
	reportedAt: number | null;
}

/** Who may do what with a pair is decided from these (http/pairs-api.ts). */
export interface PairRef {
	id: string;
	programmeId: string;
	mentorId: string;
	menteeId: string;
	endedAt: number | null;
}

export type PairCreation =
	| { ok: true; id: string }
	| { ok: false; reason: 'notMembers'; ids: string[] }
	| { ok: false; reason: 'alreadyPaired' };

interface Row {
	id: string;
	programme_id: string;
	programme_name: string;
	mentor_id: string;
	mentor_name: string;
	mentee_id: string;
	mentee_name: string;
	created_at: number;
	ended_at: number | null;
	meetings: string | null;
	reported_at: number | null;
}

const SELECT_PAIRS = `SELECT pr.id, pr.programme_id, p.name AS programme_name,
		pr.mentor_id, mentor.name AS mentor_name, pr.mentee_id, mentee.name AS mentee_name,
		pr.created_at, pr.ended_at, pm.meetings, pm.reported_at
	FROM pairs pr
	JOIN programmes p ON p.id = pr.programme_id
	JOIN accounts mentor ON mentor.id = pr.mentor_id
	JOIN accounts mentee ON mentee.id = pr.mentee_id
	LEFT JOIN pair_meetings pm ON pm.pair_id = pr.id`;

export class PairRepository {
	#db: Db;
	/** Prepared once: it runs at every socket upgrade to a pair room. */
	#isOneOfActive;

	constructor(db: Db) {
		this.#db = db;
		// Still a member of the scheme too: a pair row never opens the room on its own.
		this.#isOneOfActive = db
			.prepare<{ pairId: string; userId: string }, number>(
				`SELECT 1 FROM pairs pr
				JOIN memberships m ON m.programme_id = pr.programme_id AND m.user_id = @userId
				WHERE pr.id = @pairId AND pr.ended_at IS NULL
					AND (pr.mentor_id = @userId OR pr.mentee_id = @userId)`
			)
			.pluck();
	}

	/** Whether the account is the mentor or the mentee of the pair and the pair is active. */
	isOneOfActive(pairId: string, userId: string): boolean {
		return this.#isOneOfActive.get({ pairId, userId }) !== undefined;
	}

	/**
	 * Matches a mentor with a mentee of the scheme: both must be members (`notMembers` names those
	 * who are not, in the order given), and the two must not already be an active pair, in either role.
	 */
	create(
		input: { programmeId: string; mentorId: string; menteeId: string; createdBy: string },
		now = Date.now()
	): PairCreation {
		const { programmeId, mentorId, menteeId, createdBy } = input;
		return this.#db
			.transaction((): PairCreation => {
				const isMember = this.#db
					.prepare<[string, string], number>(
						'SELECT 1 FROM memberships WHERE programme_id = ? AND user_id = ?'
					)
					.pluck();
				const ids = [mentorId, menteeId].filter((id) => isMember.get(programmeId, id) === undefined);
				if (ids.length > 0) return { ok: false, reason: 'notMembers', ids };
				const paired = this.#db
					.prepare<[string, string, string, string, string], number>(
						`SELECT 1 FROM pairs WHERE programme_id = ? AND ended_at IS NULL
						AND ((mentor_id = ? AND mentee_id = ?) OR (mentor_id = ? AND mentee_id = ?))`
					)
					.pluck()
					.get(programmeId, mentorId, menteeId, menteeId, mentorId);
				if (paired !== undefined) return { ok: false, reason: 'alreadyPaired' };
				const id = randomUUID();
				this.#db
					.prepare(
						`INSERT INTO pairs (id, programme_id, mentor_id, mentee_id, created_by, created_at)
						VALUES (?, ?, ?, ?, ?, ?)`
					)
					.run(id, programmeId, mentorId, menteeId, createdBy, now);
				return { ok: true, id };
			})
			.immediate();
	}

	/** The pair's id, scheme, two and end, or null. */
	ref(id: string): PairRef | null {
		const row = this.#db
			.prepare<
				[string],
				{ programme_id: string; mentor_id: string; mentee_id: string; ended_at: number | null }
			>('SELECT programme_id, mentor_id, mentee_id, ended_at FROM pairs WHERE id = ?')
			.get(id);
		return row
			? {
					id,
					programmeId: row.programme_id,
					mentorId: row.mentor_id,
					menteeId: row.mentee_id,
					endedAt: row.ended_at
				}
			: null;
	}

	find(id: string): StoredPair | null {
		const row = this.#db.prepare<[string], Row>(`${SELECT_PAIRS} WHERE pr.id = ?`).get(id);
		return row ? toPair(row) : null;
	}

	/** The account's pairs as mentor or mentee, active and ended, in every scheme: oldest first. */
	listForMember(userId: string): StoredPair[] {
		return this.#db
			.prepare<[string, string], Row>(
				`${SELECT_PAIRS} WHERE pr.mentor_id = ? OR pr.mentee_id = ? ORDER BY pr.created_at, pr.id`
			)
			.all(userId, userId)
			.map(toPair);
	}

	/** Every pair of the scheme, with the meetings last reported: oldest first. */
	listForProgramme(programmeId: string): ReportedPair[] {
		return this.#db
			.prepare<[string], Row>(`${SELECT_PAIRS} WHERE pr.programme_id = ? ORDER BY pr.created_at, pr.id`)
			.all(programmeId)
			.map((row) => ({ ...toPair(row), ...reported(row) }));
	}

	/** The ids of the scheme's pairs the account is one of (active and ended). */
	idsOfMember(programmeId: string, userId: string): string[] {
		return this.#db
			.prepare<[string, string, string], string>(
				'SELECT id FROM pairs WHERE programme_id = ? AND (mentor_id = ? OR mentee_id = ?)'
			)
			.pluck()
			.all(programmeId, userId, userId);
	}

	/** Ends the pair; false if it had already ended (or there is none). */
	end(id: string, endedBy: string, now = Date.now()): boolean {
		return (
			this.#db
				.prepare('UPDATE pairs SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL')
				.run(now, endedBy, id).changes > 0
		);
	}

	/** Replaces the meetings last reported for the pair; false if it has ended (or there is none). */
	reportMeetings(id: string, meetings: readonly MeetingDate[], now = Date.now()): boolean {
		const json = JSON.stringify(meetings.map(({ date, held }) => ({ date, held })));
		return (
			this.#db
				.prepare(
					`INSERT INTO pair_meetings (pair_id, meetings, reported_at)
					SELECT id, ?, ? FROM pairs WHERE id = ? AND ended_at IS NULL
					ON CONFLICT (pair_id) DO UPDATE SET meetings = excluded.meetings, reported_at = excluded.reported_at`
				)
				.run(json, now, id).changes > 0
		);
	}
}

function toPair(row: Row): StoredPair {
	return {
		id: row.id,
		programmeId: row.programme_id,
		programmeName: row.programme_name,
		mentor: { userId: row.mentor_id, name: row.mentor_name },
		mentee: { userId: row.mentee_id, name: row.mentee_name },
		createdAt: row.created_at,
		endedAt: row.ended_at
	};
}

/** The stored report, parsed again on the way out (an unreadable one counts as none). */
function reported(row: Row): { meetings: MeetingDate[]; reportedAt: number | null } {
	if (row.meetings === null) return { meetings: [], reportedAt: null };
	let json: unknown = null;
	try {
		json = { meetings: JSON.parse(row.meetings) };
	} catch {
		// falls through to the parse below, which fails
	}
	const report = v.safeParse(MeetingsReportSchema, json);
	return report.success
		? { meetings: report.output.meetings, reportedAt: row.reported_at }
		: { meetings: [], reportedAt: null };
}
