/**
 * The demo's mentor scheme: "Mentorordningen 2026–2027", open for registration, with Ingrid
 * Haugen as its coordinator. Kari Nordmann (a leader) and Sigrid Berg (a mentor) are members who
 * have not registered yet, so a newcomer walks registration on both sides; four more leaders have
 * registered already, so matching has something to weigh. Per Hansen is a mentor here too. Its
 * four guides carry the suggested texts (domain/mentor-guide-defaults.ts).
 */
import type { AccountRepository } from '../../sync-server/auth/accounts.ts';
import type { MemberRole } from '../../sync-server/programmes/memberships.ts';
import type { Programmes } from '../../sync-server/programmes/index.ts';
import { dateInNorway } from '../../sync-server/programmes/registrations.ts';
import type { SqliteStorage } from '../../sync-server/storage/sqlite.ts';
import * as Y from 'yjs';
import { defaultGuide } from '$domain/mentor-guide-defaults';
import { GUIDE_KEYS } from '$domain/mentor-guides';
import type { RegistrationDetails } from '$domain/mentor-registration';
import { writeGuide } from '$sync/scheme-guides';

export const DEMO_SCHEME_NAME = 'Mentorordningen 2026–2027';

/** Leaders with accounts only in the scheme (the demo password signs them in too). */
export const DEMO_SCHEME_PEOPLE: readonly {
	email: string;
	name: string;
	role: MemberRole;
	registration: RegistrationDetails;
}[] = [
	{
		email: 'ola@demo.lederlogg.no',
		name: 'Ola Nilsen',
		role: 'participant',
		registration: {
			side: 'mentee',
			library: 'Hammerfest videregående skole, skolebiblioteket',
			sector: 'school',
			yearsAsLeader: 1,
			wantsToWorkOn: 'Budsjett, og å lede kolleger jeg nylig var en av.',
			wishes: 'En som kjenner skolebibliotek.',
			wishedMentor: ''
		}
	},
	{
		email: 'aslak@demo.lederlogg.no',
		name: 'Aslak Eira',
		role: 'participant',
		registration: {
			side: 'mentee',
			library: 'Kautokeino folkebibliotek',
			sector: 'public',
			yearsAsLeader: 2,
			wantsToWorkOn: 'Stedsutvikling og samarbeid med kommunen om biblioteket som møteplass.',
			wishes: 'Gjerne en som har ledet et lite bibliotek i nord.',
			wishedMentor: 'Hanne Lie'
		}
	},
	{
		email: 'hanne@demo.lederlogg.no',
		name: 'Hanne Lie',
		role: 'mentor',
		registration: {
			side: 'mentor',
			library: 'Tromsø bibliotek og byarkiv',
			yearsAsLeader: 15,
			experience:
				'Biblioteksjef i 15 år: stedsutvikling, meråpent bibliotek, budsjett og omstilling, samarbeid med kommunen.',
			sectors: ['public', 'academic'],
			capacity: 2
		}
	},
	{
		email: 'tor@demo.lederlogg.no',
		name: 'Tor Johansen',
		role: 'mentor',
		registration: {
			side: 'mentor',
			library: 'Alta videregående skole',
			yearsAsLeader: 9,
			experience: 'Skolebibliotekleder i ni år: personalledelse, budsjett og samarbeid med skoleledelsen.',
			sectors: ['school'],
			capacity: 1
		}
	}
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes the scheme unless the coordinator has it already; answers its id and whether it was made.
 * `ids`: the demo's own accounts by role (coordinator, participant, coach, mentor).
 */
export async function seedScheme(
	programmes: Programmes,
	accounts: AccountRepository,
	storage: SqliteStorage,
	ids: Record<string, string>,
	passwordHash: string,
	now: number
): Promise<{ schemeId: string; created: boolean }> {
	const existing = programmes.programmes
		.listForUser(ids.coordinator)
		.find((p) => p.kind === 'mentor-scheme' && p.name === DEMO_SCHEME_NAME);
	if (existing) return { schemeId: existing.id, created: false };

	const scheme = programmes.programmes.create(
		{ name: DEMO_SCHEME_NAME, kind: 'mentor-scheme', createdBy: ids.coordinator },
		now
	);
	programmes.registrations.setPeriod(scheme.id, {
		opensOn: dateInNorway(now - 7 * DAY_MS),
		closesOn: dateInNorway(now + 30 * DAY_MS)
	});
	programmes.members.add(scheme.id, ids.participant, 'participant', now);
	programmes.members.add(scheme.id, ids.mentor, 'mentor', now);
	programmes.members.add(scheme.id, ids.coach, 'mentor', now);
	programmes.registrations.register(
		scheme.id,
		ids.coach,
		{
			side: 'mentor',
			library: 'Vadsø bibliotek',
			yearsAsLeader: 12,
			experience:
				'Biblioteksjef i tolv år og veileder i lederutviklingsprogrammet: personalledelse og endring.',
			sectors: ['public', 'school'],
			capacity: 1
		},
		now
	);
	for (const person of DEMO_SCHEME_PEOPLE) {
		const account =
			accounts.findForLogin(person.email)?.account ??
			accounts.create({ email: person.email, name: person.name, role: 'participant', passwordHash }, now);
		programmes.members.add(scheme.id, account.id, person.role, now);
		programmes.registrations.register(scheme.id, account.id, person.registration, now);
	}
	const doc = new Y.Doc();
	const origin = Symbol('demo');
	for (const key of GUIDE_KEYS) writeGuide(doc, key, defaultGuide(key), origin);
	await storage.append(`programme:${scheme.id}`, [Y.encodeStateAsUpdate(doc)]);
	doc.destroy();
	return { schemeId: scheme.id, created: true };
}
