/** Programmes in SQLite. The server knows a programme's id, name and kind, never its documents. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.ts';
import type { MemberRole } from './memberships.ts';

export const PROGRAMME_KINDS = ['programme', 'mentor-scheme'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export interface Programme {
	id: string;
	name: string;
	kind: ProgrammeKind;
	createdBy: string | null;
	createdAt: number;
}

/** A programme as one member sees it in their list. */
export interface MyProgramme {
	id: string;
	name: string;
	kind: ProgrammeKind;
	role: MemberRole;
}

interface Row {
	id: string;
	name: string;
	kind: ProgrammeKind;
	created_by: string | null;
	created_at: number;
}

export class ProgrammeRepository {
	#db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	/** Creates the programme with its creator as its first coordinator, in one transaction. */
	create(input: { name: string; kind: ProgrammeKind; createdBy: string }, now = Date.now()): Programme {
		const programme: Programme = { id: randomUUID(), ...input, createdAt: now };
		this.#db.transaction(() => {
			this.#db
				.prepare('INSERT INTO programmes (id, name, kind, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
				.run(programme.id, programme.name, programme.kind, programme.createdBy, now);
			this.#db
				.prepare(
					"INSERT INTO memberships (programme_id, user_id, role, added_at) VALUES (?, ?, 'coordinator', ?)"
				)
				.run(programme.id, input.createdBy, now);
		})();
		return programme;
	}

	find(id: string): Programme | null {
		const row = this.#db.prepare<[string], Row>('SELECT * FROM programmes WHERE id = ?').get(id);
		return row
			? { id: row.id, name: row.name, kind: row.kind, createdBy: row.created_by, createdAt: row.created_at }
			: null;
	}

	/** The programmes `userId` is a member of, with their role in each. */
	listForUser(userId: string): MyProgramme[] {
		return this.#db
			.prepare<[string], MyProgramme>(
				`SELECT p.id, p.name, p.kind, m.role FROM memberships m JOIN programmes p ON p.id = m.programme_id
				WHERE m.user_id = ? ORDER BY p.created_at, p.name`
			)
			.all(userId);
	}
}
