/**
 * Seeds DATA_DIR with the demo: one account per role, a programme with those members, and the
 * programme document itself (stored like any synced update), and a mentor scheme (scheme.ts).
 * Running it again changes nothing; a data directory seeded before the scheme existed gets it.
 */
import * as Y from 'yjs';
import { hashPassword } from '../../sync-server/auth/passwords.ts';
import { AccountRepository } from '../../sync-server/auth/accounts.ts';
import { openDatabase } from '../../sync-server/db.ts';
import { Programmes } from '../../sync-server/programmes/index.ts';
import { SqliteStorage } from '../../sync-server/storage/sqlite.ts';
import type { Collection } from '$domain/programme';
import { putItem, setProgrammeName } from '$sync/programme-doc';
import { demoProgramme } from './content.ts';
import { seedScheme } from './scheme.ts';

export const DEMO_PEOPLE = [
	{
		email: 'koordinator@demo.lederlogg.no',
		name: 'Ingrid Haugen',
		role: 'coordinator',
		account: 'coordinator'
	},
	{ email: 'deltaker@demo.lederlogg.no', name: 'Kari Nordmann', role: 'participant', account: 'participant' },
	{ email: 'veileder@demo.lederlogg.no', name: 'Per Hansen', role: 'coach', account: 'participant' },
	{ email: 'mentor@demo.lederlogg.no', name: 'Sigrid Berg', role: 'mentor', account: 'participant' }
] as const;
export const DEMO_PASSWORD = 'demo-lederlogg';

export interface DemoResult {
	programmeId: string;
	/** The demo's mentor scheme. */
	schemeId: string;
	created: boolean;
}

export async function seedDemo(dataDir: string, now = Date.now()): Promise<DemoResult> {
	const db = openDatabase(dataDir);
	try {
		const accounts = new AccountRepository(db);
		const programmes = new Programmes(db, accounts);
		const storage = new SqliteStorage(db, { closeDb: false });
		const passwordHash = await hashPassword(DEMO_PASSWORD);
		const ids: Record<string, string> = {};
		for (const person of DEMO_PEOPLE) {
			const account =
				accounts.findForLogin(person.email)?.account ??
				accounts.create({ email: person.email, name: person.name, role: person.account, passwordHash }, now);
			ids[person.role] = account.id;
		}
		const existing = programmes.programmes.listForUser(ids.coordinator).find((p) => p.kind === 'programme');
		const programmeId = existing?.id ?? (await seedProgramme(programmes, storage, ids, now));
		const scheme = await seedScheme(programmes, accounts, storage, ids, passwordHash, now);
		return { programmeId, schemeId: scheme.schemeId, created: !existing || scheme.created };
	} finally {
		db.close();
	}
}

async function seedProgramme(
	programmes: Programmes,
	storage: SqliteStorage,
	ids: Record<string, string>,
	now: number
): Promise<string> {
	const content = demoProgramme(now);
	const programme = programmes.programmes.create(
		{ name: content.name, kind: 'programme', createdBy: ids.coordinator },
		now
	);
	for (const person of DEMO_PEOPLE.slice(1))
		programmes.members.add(programme.id, ids[person.role], person.role, now);

	const doc = new Y.Doc();
	const origin = Symbol('demo');
	setProgrammeName(doc, content.name, origin);
	for (const collection of ['modules', 'events', 'lectures', 'syllabus', 'requirements'] as Collection[]) {
		for (const item of content[collection]) putItem(doc, collection, item, origin);
	}
	await storage.append(`programme:${programme.id}`, [Y.encodeStateAsUpdate(doc)]);
	doc.destroy();
	return programme.id;
}
