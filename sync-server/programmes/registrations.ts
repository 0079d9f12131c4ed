/**
 * Registrations for a mentor scheme: one per side (mentee, mentor) per member, taken while the
 * scheme's registration period is open. The period is two calendar dates in Norway on the
 * programme's row (null: no limit on that side). Details are stored as JSON and parsed with the
 * domain's schema on the way in (http/registrations-api.ts) and out (here); a row that no longer
 * parses is left out rather than answered. A member removed from the scheme takes their
 * registrations along (memberships.ts `remove`).
 */
import * as v from 'valibot';
import type { Db } from '../db.ts';
import {
	RegistrationDetailsSchema,
	isOpenOn,
	type RegistrationDetails,
	type RegistrationPeriod,
	type RegistrationWindow,
	type Side
} from '../mentor-scheme.ts';

export interface StoredRegistration {
	programmeId: string;
	userId: string;
	/** The account's name. */
	name: string;
	details: RegistrationDetails;
	registeredAt: number;
	updatedAt: number;
}

interface Row {
	programme_id: string;
	user_id: string;
	name: string;
	details: string;
	registered_at: number;
	updated_at: number;
}

const SELECT = `SELECT r.programme_id, r.user_id, a.name, r.details, r.registered_at, r.updated_at
	FROM mentor_registrations r JOIN accounts a ON a.id = r.user_id`;

const byName = new Intl.Collator('nb', { sensitivity: 'base' });

const osloDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Oslo',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar date in Norway at `ms`, "YYYY-MM-DD". */
export function dateInNorway(ms: number): string {
	return osloDate.format(ms);
}

export class RegistrationRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	/** The programme's registration period (both null for a new scheme), or null for no such programme. */
	period(programmeId: string): RegistrationPeriod | null {
		const row = this.#db
			.prepare<[string], { opens_on: string | null; closes_on: string | null }>(
				`SELECT registration_opens_on AS opens_on, registration_closes_on AS closes_on
				FROM programmes WHERE id = ?`
			)
			.get(programmeId);
		return row ? { opensOn: row.opens_on, closesOn: row.closes_on } : null;
	}

	/** The period with the verdict for `now` (ms), or null for no such programme. */
	window(programmeId: string, now: number): RegistrationWindow | null {
		const period = this.period(programmeId);
		return period ? { ...period, open: isOpenOn(period, dateInNorway(now)) } : null;
	}

	setPeriod(programmeId: string, period: RegistrationPeriod): void {
		this.#db
			.prepare('UPDATE programmes SET registration_opens_on = ?, registration_closes_on = ? WHERE id = ?')
			.run(period.opensOn, period.closesOn, programmeId);
	}

	/** Stores (or replaces) the member's registration for the side in `details`. */
	register(
		programmeId: string,
		userId: string,
		details: RegistrationDetails,
		now: number
	): StoredRegistration {
		this.#db
			.prepare(
				`INSERT INTO mentor_registrations (programme_id, user_id, side, details, registered_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (programme_id, user_id, side) DO UPDATE SET details = excluded.details,
					updated_at = excluded.updated_at`
			)
			.run(programmeId, userId, details.side, JSON.stringify(details), now, now);
		return this.mine(programmeId, userId).find((r) => r.details.side === details.side)!;
	}

	/** The member's registrations (0–2), mentee first. */
	mine(programmeId: string, userId: string): StoredRegistration[] {
		const rows = this.#db
			.prepare<[string, string], Row>(`${SELECT} WHERE r.programme_id = ? AND r.user_id = ? ORDER BY r.side`)
			.all(programmeId, userId);
		return parsed(rows);
	}

	/** Withdraws the member's registration for one side; false if there was none. */
	withdraw(programmeId: string, userId: string, side: Side): boolean {
		return (
			this.#db
				.prepare('DELETE FROM mentor_registrations WHERE programme_id = ? AND user_id = ? AND side = ?')
				.run(programmeId, userId, side).changes > 0
		);
	}

	/** Every registration of the scheme, by name. */
	listForProgramme(programmeId: string): StoredRegistration[] {
		const rows = this.#db.prepare<[string], Row>(`${SELECT} WHERE r.programme_id = ?`).all(programmeId);
		return parsed(rows).sort(
			(a, b) =>
				byName.compare(a.name, b.name) ||
				a.userId.localeCompare(b.userId) ||
				a.details.side.localeCompare(b.details.side)
		);
	}
}

function parsed(rows: Row[]): StoredRegistration[] {
	const registrations: StoredRegistration[] = [];
	for (const row of rows) {
		const details = v.safeParse(RegistrationDetailsSchema, parseJson(row.details));
		if (!details.success) continue;
		registrations.push({
			programmeId: row.programme_id,
			userId: row.user_id,
			name: row.name,
			details: details.output,
			registeredAt: row.registered_at,
			updatedAt: row.updated_at
		});
	}
	return registrations;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
