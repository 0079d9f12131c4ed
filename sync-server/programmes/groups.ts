/**
 * Colloquium groups: a programme's coordinators make groups of its members, and each group's
 * members (only they) open the room `group:<id>`. The server knows a group's name and members,
 * never its document. Members must be members of the programme, checked in the same transaction
 * that writes them; leaving the programme removes an account from its groups
 * (memberships.ts `remove`).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.ts';

export interface GroupMember {
	userId: string;
	name: string;
}

export interface Group {
	id: string;
	programmeId: string;
	programmeName: string;
	name: string;
	createdAt: number;
	/** Sorted by name. */
	members: GroupMember[];
}

/** Who may do what with a group is decided from these (http/groups-api.ts). */
export interface GroupRef {
	id: string;
	programmeId: string;
}

/** `notMembers`: the ids (in the order given) that are not members of the programme. */
export type GroupWrite<T> = { ok: true; value: T } | { ok: false; notMembers: string[] };

interface Row {
	id: string;
	programme_id: string;
	programme_name: string;
	name: string;
	created_at: number;
}

const SELECT_GROUPS = `SELECT g.id, g.programme_id, p.name AS programme_name, g.name, g.created_at
	FROM groups g JOIN programmes p ON p.id = g.programme_id`;

const byName = new Intl.Collator('nb', { sensitivity: 'base' });

export class GroupRepository {
	#db: Db;
	/** Prepared once: it runs at every socket upgrade to a group room. */
	#isMember;

	constructor(db: Db) {
		this.#db = db;
		// A row left for someone who is no longer in the programme still opens nothing.
		this.#isMember = db
			.prepare<[string, string], number>(
				`SELECT 1 FROM group_members gm
				JOIN groups g ON g.id = gm.group_id
				JOIN memberships m ON m.programme_id = g.programme_id AND m.user_id = gm.user_id
				WHERE gm.group_id = ? AND gm.user_id = ?`
			)
			.pluck();
	}

	/** Whether the account is a member of the group (and still of its programme). */
	isMember(groupId: string, userId: string): boolean {
		return this.#isMember.get(groupId, userId) !== undefined;
	}

	/** Creates the group with these members (duplicates ignored), if every one is in the programme. */
	create(
		input: { programmeId: string; name: string; memberIds: readonly string[]; createdBy: string },
		now = Date.now()
	): GroupWrite<Group> {
		const id = randomUUID();
		return this.#db
			.transaction((): GroupWrite<Group> => {
				const memberIds = unique(input.memberIds);
				const notMembers = this.#notMembers(input.programmeId, memberIds);
				if (notMembers.length > 0) return { ok: false, notMembers };
				this.#db
					.prepare(
						'INSERT INTO groups (id, programme_id, name, created_by, created_at) VALUES (?, ?, ?, ?, ?)'
					)
					.run(id, input.programmeId, input.name, input.createdBy, now);
				this.#addMembers(id, memberIds, now);
				return { ok: true, value: this.find(id)! };
			})
			.immediate();
	}

	/** The group's id and programme, or null. */
	ref(id: string): GroupRef | null {
		return (
			this.#db
				.prepare<[string], GroupRef>('SELECT id, programme_id AS programmeId FROM groups WHERE id = ?')
				.get(id) ?? null
		);
	}

	find(id: string): Group | null {
		const row = this.#db.prepare<[string], Row>(`${SELECT_GROUPS} WHERE g.id = ?`).get(id);
		return row ? (this.#withMembers([row])[0] ?? null) : null;
	}

	/** Every group of the programme. */
	listForProgramme(programmeId: string): Group[] {
		const rows = this.#db
			.prepare<[string], Row>(`${SELECT_GROUPS} WHERE g.programme_id = ? ORDER BY g.created_at, g.name`)
			.all(programmeId);
		return this.#withMembers(rows);
	}

	/** The groups the account belongs to: in one programme, or (without one) in all of them. */
	listForMember(userId: string, programmeId?: string): Group[] {
		const rows = this.#db
			.prepare<[{ userId: string; programmeId: string | null }], Row>(
				`${SELECT_GROUPS}
				JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = @userId
				JOIN memberships m ON m.programme_id = g.programme_id AND m.user_id = @userId
				WHERE (@programmeId IS NULL OR g.programme_id = @programmeId)
				ORDER BY g.created_at, g.name`
			)
			.all({ userId, programmeId: programmeId ?? null });
		return this.#withMembers(rows);
	}

	/** The ids of the programme's groups. */
	idsOfProgramme(programmeId: string): string[] {
		return this.#db
			.prepare<[string], string>('SELECT id FROM groups WHERE programme_id = ?')
			.pluck()
			.all(programmeId);
	}

	/** Replaces the member set (same rule as `create`); `removed`: who is no longer a member. */
	setMembers(
		id: string,
		memberIds: readonly string[],
		now = Date.now()
	): GroupWrite<{ group: Group; removed: string[] }> | null {
		return this.#db
			.transaction((): GroupWrite<{ group: Group; removed: string[] }> | null => {
				const ref = this.ref(id);
				if (!ref) return null;
				const wanted = unique(memberIds);
				const notMembers = this.#notMembers(ref.programmeId, wanted);
				if (notMembers.length > 0) return { ok: false, notMembers };
				const current = this.#db
					.prepare<[string], string>('SELECT user_id FROM group_members WHERE group_id = ?')
					.pluck()
					.all(id);
				const keep = new Set(wanted);
				const removed = current.filter((userId) => !keep.has(userId));
				const remove = this.#db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?');
				for (const userId of removed) remove.run(id, userId);
				this.#addMembers(id, wanted, now);
				return { ok: true, value: { group: this.find(id)!, removed } };
			})
			.immediate();
	}

	/** Renames the group; null if there is no such group. */
	rename(id: string, name: string): Group | null {
		const changed = this.#db.prepare('UPDATE groups SET name = ? WHERE id = ?').run(name, id).changes;
		return changed > 0 ? this.find(id) : null;
	}

	/** Deletes the group and its members; false if there was none. */
	delete(id: string): boolean {
		return this.#db.prepare('DELETE FROM groups WHERE id = ?').run(id).changes > 0;
	}

	#addMembers(groupId: string, userIds: readonly string[], now: number): void {
		const insert = this.#db.prepare(
			'INSERT OR IGNORE INTO group_members (group_id, user_id, added_at) VALUES (?, ?, ?)'
		);
		for (const userId of userIds) insert.run(groupId, userId, now);
	}

	#notMembers(programmeId: string, userIds: readonly string[]): string[] {
		const isMember = this.#db
			.prepare<[string, string], number>('SELECT 1 FROM memberships WHERE programme_id = ? AND user_id = ?')
			.pluck();
		return userIds.filter((userId) => isMember.get(programmeId, userId) === undefined);
	}

	#withMembers(rows: Row[]): Group[] {
		if (rows.length === 0) return [];
		const members = new Map<string, GroupMember[]>(rows.map((row) => [row.id, []]));
		const list = this.#db
			.prepare<string[], { groupId: string; userId: string; name: string }>(
				`SELECT gm.group_id AS groupId, gm.user_id AS userId, a.name
				FROM group_members gm JOIN accounts a ON a.id = gm.user_id
				WHERE gm.group_id IN (${rows.map(() => '?').join(', ')})`
			)
			.all(...rows.map((row) => row.id));
		for (const { groupId, userId, name } of list) members.get(groupId)?.push({ userId, name });
		return rows.map((row) => ({
			id: row.id,
			programmeId: row.programme_id,
			programmeName: row.programme_name,
			name: row.name,
			createdAt: row.created_at,
			members: members
				.get(row.id)!
				.sort((a, b) => byName.compare(a.name, b.name) || a.userId.localeCompare(b.userId))
		}));
	}
}

function unique(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}
