/**
 * The server side of bench/workspace-open.ts, written straight into DATA_DIR before the server
 * starts (as scripts/demo/seed.ts does): the participant and a coordinator, the two-year programme
 * with its document, and the participant's workspace room with two years of work in it, less the
 * last `uncompacted` changes (the device gets those as separate y-indexeddb entries).
 */
import * as Y from 'yjs';
import type { Collection, Programme } from '$domain/programme';
import { putItem, setProgrammeName } from '$sync/programme-doc';
import { AccountRepository } from '../sync-server/auth/accounts.ts';
import { hashPassword } from '../sync-server/auth/passwords.ts';
import { openDatabase } from '../sync-server/db.ts';
import { Programmes } from '../sync-server/programmes/index.ts';
import { SqliteStorage } from '../sync-server/storage/sqlite.ts';
import { replayTwoYears, type History } from './workspace-history.ts';

export const PARTICIPANT = {
	email: 'deltaker@bench.lederlogg.no',
	password: 'bench-lederlogg',
	name: 'Kari Nordmann'
};

/** The participant, the programme (with membership and its document) and the workspace room. */
export async function seed(
	dataDir: string,
	programme: Programme,
	now: number,
	options: { recentSteps: number; uncompacted: number }
): Promise<History> {
	const db = openDatabase(dataDir);
	try {
		const accounts = new AccountRepository(db);
		const programmes = new Programmes(db, accounts);
		const passwordHash = await hashPassword(PARTICIPANT.password);
		const coordinator = accounts.create(
			{ email: 'koordinator@bench.lederlogg.no', name: 'Ingrid Haugen', role: 'coordinator', passwordHash },
			now
		);
		const participant = accounts.create({ ...PARTICIPANT, role: 'participant', passwordHash }, now);
		const created = programmes.programmes.create(
			{ name: programme.name, kind: 'programme', createdBy: coordinator.id },
			now
		);
		programmes.members.add(created.id, participant.id, 'participant', now);

		const doc = new Y.Doc();
		const origin = Symbol('bench');
		setProgrammeName(doc, programme.name, origin);
		for (const collection of ['modules', 'events', 'lectures', 'syllabus', 'requirements'] as Collection[])
			for (const item of programme[collection]) putItem(doc, collection, item, origin);
		const storage = new SqliteStorage(db, { closeDb: false });
		await storage.append(`programme:${created.id}`, [Y.encodeStateAsUpdate(doc)]);
		doc.destroy();

		const history = replayTwoYears(created.id, programme, now, options.recentSteps);
		await storage.append(`user:${participant.id}`, [
			history.earlier,
			...history.recent.slice(0, -options.uncompacted)
		]);
		return history;
	} finally {
		db.close();
	}
}
