/**
 * `npm run bench:matching`: how long the coordinator's matching page takes to rank every mentor for
 * every unmatched mentee and suggest an assignment (domain/matching.ts), for a scheme the size of
 * the union's (about 20 + 20) and far beyond it. Pure CPU in Node; prints median and max of
 * repeated runs per size.
 */
import { matchScheme } from '../src/lib/domain/matching.ts';
import type { Registration } from '../src/lib/domain/mentor-registration.ts';

const WORDS = [
	'budsjett',
	'personalledelse',
	'stedsutvikling',
	'samarbeid med kommunen',
	'skolen',
	'meråpent bibliotek',
	'omstilling',
	'strategi',
	'arrangementer',
	'lesefremming',
	'digital kompetanse',
	'konflikter i staben'
];
const SECTORS = ['public', 'school', 'academic'] as const;
const FIRST = ['Kari', 'Ola', 'Aslak', 'Sigrid', 'Per', 'Hanne', 'Tor', 'Ingrid', 'Marit', 'Nils'];
const LAST = ['Nordmann', 'Eira', 'Berg', 'Hansen', 'Lie', 'Johansen', 'Haugen', 'Olsen'];

/** A deterministic pseudo-random sequence, so every run measures the same scheme. */
function random(seed: number) {
	return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function scheme(mentees: number, mentors: number): Registration[] {
	const next = random(mentees * 7919 + mentors);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const some = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(', ');
	const at = new Date(0).toISOString();
	const name = (i: number) => `${pick(FIRST)} ${pick(LAST)} ${i}`;
	const mentorNames = Array.from({ length: mentors }, (_, i) => name(i));
	const out: Registration[] = [];
	for (let i = 0; i < mentors; i++)
		out.push({
			programmeId: 's',
			userId: `mentor-${i}`,
			name: mentorNames[i],
			registeredAt: at,
			updatedAt: at,
			details: {
				side: 'mentor',
				library: 'Bibliotek',
				yearsAsLeader: 5 + Math.floor(next() * 25),
				experience: `Leder i mange år: ${some(4)}.`,
				sectors: [pick(SECTORS)],
				capacity: 1 + Math.floor(next() * 3)
			}
		});
	for (let i = 0; i < mentees; i++)
		out.push({
			programmeId: 's',
			userId: `mentee-${i}`,
			name: name(mentors + i),
			registeredAt: at,
			updatedAt: at,
			details: {
				side: 'mentee',
				library: 'Bibliotek',
				sector: pick(SECTORS),
				yearsAsLeader: Math.floor(next() * 4),
				wantsToWorkOn: `Jeg vil jobbe med ${some(3)}.`,
				wishes: next() < 0.5 ? `Gjerne en som kan ${some(1)}.` : '',
				wishedMentor: next() < 0.3 ? pick(mentorNames) : ''
			}
		});
	return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log('matchScheme: rank every mentor for every mentee, reasons included, and suggest an assignment');
for (const [mentees, mentors] of [
	[20, 20],
	[60, 40],
	[200, 120]
]) {
	const registrations = scheme(mentees, mentors);
	const runs = mentees > 100 ? 10 : 30;
	// The first run tokenises every text (then remembered, as on the page while it stays open).
	const firstStart = performance.now();
	matchScheme(registrations, []);
	const first = performance.now() - firstStart;
	const times: number[] = [];
	let suggested = 0;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const result = matchScheme(registrations, []);
		times.push(performance.now() - start);
		suggested = result.assignment.length;
	}
	console.log(
		`  ${String(mentees).padStart(3)} mentees × ${String(mentors).padStart(3)} mentors: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${runs} runs), first run ${first.toFixed(1)} ms; ${suggested} pairs suggested`
	);
}
