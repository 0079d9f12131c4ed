/**
 * The one SQLite file, `DATA_DIR/lederlogg.sqlite`: accounts, sessions, programmes with their
 * memberships, invites and groups, mentor schemes' registrations and pairs, room grants and
 * invites, and room storage.
 * WAL lets the accounts CLI write while the server runs; synchronous=FULL makes a commit durable.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** Each entry moves the schema from version `index` to `index + 1`. Append only. */
const MIGRATIONS: string[] = [
	`CREATE TABLE accounts (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		role TEXT NOT NULL CHECK (role IN ('coordinator', 'participant')),
		password_hash TEXT NOT NULL,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		revoked_at INTEGER
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE TABLE room_snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, seq INTEGER NOT NULL);
	CREATE TABLE room_updates (
		room TEXT NOT NULL,
		seq INTEGER NOT NULL,
		data BLOB NOT NULL,
		PRIMARY KEY (room, seq)
	) WITHOUT ROWID;`,
	`CREATE TABLE programmes (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		kind TEXT NOT NULL DEFAULT 'programme' CHECK (kind IN ('programme', 'mentor-scheme')),
		created_by TEXT,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE memberships (
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		role TEXT NOT NULL CHECK (role IN ('coordinator', 'participant', 'coach', 'mentor')),
		added_at INTEGER NOT NULL,
		PRIMARY KEY (programme_id, user_id)
	) WITHOUT ROWID;
	CREATE INDEX memberships_user ON memberships(user_id);
	CREATE TABLE invites (
		code TEXT PRIMARY KEY,
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		email TEXT NOT NULL,
		name TEXT NOT NULL,
		role TEXT NOT NULL CHECK (role IN ('coordinator', 'participant', 'coach', 'mentor')),
		created_by TEXT,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		used_at INTEGER,
		revoked_at INTEGER,
		used_by TEXT
	);
	CREATE INDEX invites_programme ON invites(programme_id);`,
	// When the member last had a socket open to one of the programme's rooms (ms; NULL: never).
	`ALTER TABLE memberships ADD COLUMN last_synced_at INTEGER;`,
	// Anonymous surveys: each member's latest answer (ratings 1–5 by item, JSON). Coordinators see
	// only the aggregate, and only from a minimum number of answers (programmes/surveys.ts).
	`CREATE TABLE survey_answers (
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		survey TEXT NOT NULL,
		user_id TEXT NOT NULL,
		answered_at INTEGER NOT NULL,
		ratings TEXT NOT NULL,
		PRIMARY KEY (programme_id, survey, user_id)
	);`,
	// Sharing: the owner of a room `user:<id>:<name>` grants another account read or write access,
	// directly or through a single-use invite. An invite accepted by someone without an account makes
	// a guest account, which opens only the rooms granted to it (rooms/authorize.ts).
	`ALTER TABLE accounts ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE room_grants (
		room TEXT NOT NULL,
		user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		access TEXT NOT NULL CHECK (access IN ('read', 'write')),
		granted_at INTEGER NOT NULL,
		PRIMARY KEY (room, user_id)
	) WITHOUT ROWID;
	CREATE INDEX room_grants_user ON room_grants(user_id);
	CREATE TABLE room_invites (
		code TEXT PRIMARY KEY,
		room TEXT NOT NULL,
		access TEXT NOT NULL CHECK (access IN ('read', 'write')),
		email TEXT NOT NULL,
		name TEXT NOT NULL,
		created_by TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		used_at INTEGER,
		revoked_at INTEGER,
		used_by TEXT
	);
	CREATE INDEX room_invites_room ON room_invites(room);`,
	// Colloquium groups of a programme (programmes/groups.ts): their members open `group:<id>`
	// (rooms/authorize.ts). A member removed from the programme leaves its groups too.
	`CREATE TABLE groups (
		id TEXT PRIMARY KEY,
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		name TEXT NOT NULL,
		created_by TEXT,
		created_at INTEGER NOT NULL
	);
	CREATE INDEX groups_programme ON groups(programme_id);
	CREATE TABLE group_members (
		group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		added_at INTEGER NOT NULL,
		PRIMARY KEY (group_id, user_id)
	) WITHOUT ROWID;
	CREATE INDEX group_members_user ON group_members(user_id);`,
	// Mentor schemes (programmes of kind 'mentor-scheme'): the registration period by calendar date
	// in Norway (NULL: no limit on that side), one registration per side and member (its details as
	// JSON, parsed on the way in and out), the pairs a coordinator matched (`pair:<id>`, opened only
	// by the active pair's two) and the last meeting dates a pair's devices reported.
	`ALTER TABLE programmes ADD COLUMN registration_opens_on TEXT;
	ALTER TABLE programmes ADD COLUMN registration_closes_on TEXT;
	CREATE TABLE mentor_registrations (
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		side TEXT NOT NULL CHECK (side IN ('mentee', 'mentor')),
		details TEXT NOT NULL,
		registered_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (programme_id, user_id, side)
	) WITHOUT ROWID;
	CREATE TABLE pairs (
		id TEXT PRIMARY KEY,
		programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
		mentor_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		mentee_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		created_by TEXT,
		created_at INTEGER NOT NULL,
		ended_at INTEGER,
		ended_by TEXT,
		CHECK (mentor_id <> mentee_id)
	);
	CREATE INDEX pairs_programme ON pairs(programme_id);
	CREATE INDEX pairs_mentor ON pairs(mentor_id);
	CREATE INDEX pairs_mentee ON pairs(mentee_id);
	CREATE TABLE pair_meetings (
		pair_id TEXT PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
		meetings TEXT NOT NULL,
		reported_at INTEGER NOT NULL
	);`
];

export function openDatabase(dataDir: string): Db {
	mkdirSync(dataDir, { recursive: true });
	const db = new Database(join(dataDir, 'lederlogg.sqlite'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	migrate(db);
	return db;
}

function migrate(db: Db): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	if (current > MIGRATIONS.length) {
		throw new Error(`Database schema version ${current} is newer than this server (${MIGRATIONS.length})`);
	}
	for (let version = current; version < MIGRATIONS.length; version++) {
		db.transaction(() => {
			db.exec(MIGRATIONS[version]);
			db.pragma(`user_version = ${version + 1}`);
		}).immediate();
	}
}
