import { describe, expect, it } from 'vitest';
import { foldName, matchScheme, sharedThemes, wishNames, type MatchReason } from '$domain/matching';
import type { MenteeDetails, MentorDetails, Registration } from '$domain/mentor-registration';
import type { Pair } from '$domain/pair';

let clock = 0;
const at = () => new Date(Date.UTC(2026, 7, 1, 8, 0, clock++)).toISOString();

function mentee(userId: string, name: string, details: Partial<MenteeDetails> = {}): Registration {
	const time = at();
	return {
		programmeId: 'p1',
		userId,
		name,
		registeredAt: time,
		updatedAt: time,
		details: {
			side: 'mentee',
			library: 'Loppa bibliotek',
			sector: 'public',
			yearsAsLeader: 1,
			wantsToWorkOn: 'Å finne meg til rette',
			wishes: '',
			wishedMentor: '',
			...details
		}
	};
}

function mentor(userId: string, name: string, details: Partial<MentorDetails> = {}): Registration {
	const time = at();
	return {
		programmeId: 'p1',
		userId,
		name,
		registeredAt: time,
		updatedAt: time,
		details: {
			side: 'mentor',
			library: 'Tromsø bibliotek',
			yearsAsLeader: 3,
			experience: 'Lang fartstid.',
			sectors: ['academic'],
			capacity: 1,
			...details
		}
	};
}

function pair(mentorId: string, menteeId: string, endedAt: string | null = null): Pair {
	return {
		id: `${mentorId}-${menteeId}`,
		programmeId: 'p1',
		programmeName: 'Mentorordning 2026',
		mentor: { userId: mentorId, name: mentorId },
		mentee: { userId: menteeId, name: menteeId },
		createdAt: at(),
		endedAt
	};
}

const kinds = (reasons: MatchReason[]) => reasons.map((r) => r.kind);

describe('named wishes', () => {
	it('match the mentor by all words of the wish, case and accents aside', () => {
		expect(wishNames('Sigrid', 'Sigrid Berg')).toBe(true);
		expect(wishNames('sigrid berg', 'Sigrid Berg')).toBe(true);
		expect(wishNames('  BERG ', 'Sigrid Berg')).toBe(true);
		expect(wishNames('Bjornstad', 'Åse Bjørnstad')).toBe(true);
		expect(wishNames('ase bjørnstad', 'Åse Bjørnstad')).toBe(true);
		expect(wishNames('Andre', 'André Næss')).toBe(true);
		expect(wishNames('Nass', 'André Næss')).toBe(false);
		expect(wishNames('Naess', 'André Næss')).toBe(true);
		expect(foldName('Ærlig Øye Åsen')).toBe('aerlig oye asen');
	});

	it('refuse a wish with a word the name lacks, parts of words, and empty wishes', () => {
		expect(wishNames('Sigrid Hansen', 'Sigrid Berg')).toBe(false);
		expect(wishNames('Sig', 'Sigrid Berg')).toBe(false);
		expect(wishNames('', 'Sigrid Berg')).toBe(false);
		expect(wishNames('  ,  ', 'Sigrid Berg')).toBe(false);
		expect(wishNames('Sigrid', '')).toBe(false);
	});

	it('take several names as alternatives', () => {
		expect(wishNames('Per Hansen eller Sigrid Berg', 'Sigrid Berg')).toBe(true);
		expect(wishNames('Per Hansen, Sigrid', 'Sigrid Berg')).toBe(true);
		expect(wishNames('Per Hansen / Ola', 'Sigrid Berg')).toBe(false);
	});
});

describe('shared themes', () => {
	it('meet by stem and show the shortest form, in the mentee’s order', () => {
		const wanted = mentee('a', 'Kari', {
			wantsToWorkOn: 'Budsjettet for neste år og stedsutvikling i kommunen',
			wishes: 'Noen som kan personalledelse'
		}).details as MenteeDetails;
		const offered = mentor('m', 'Sigrid', {
			experience: 'Har ledet budsjett og personalledelse i tjue år, og drevet stedsutvikling.'
		}).details as MentorDetails;
		expect(sharedThemes(wanted, offered)).toEqual(['budsjett', 'stedsutvikling', 'personalledelse']);
	});

	it('ignore function words and what every registration says', () => {
		const wanted = mentee('a', 'Kari', {
			wantsToWorkOn: 'Jeg ønsker erfaring som leder av et bibliotek, gjerne også mer'
		}).details as MenteeDetails;
		const offered = mentor('m', 'Sigrid', {
			experience: 'Leder med erfaring fra bibliotek, ønsker også gjerne mer'
		}).details as MentorDetails;
		expect(sharedThemes(wanted, offered)).toEqual([]);
	});
});

describe('matchScheme', () => {
	it('ranks the named wish first, then sector, experience and themes, with the reasons', () => {
		const kari = mentee('kari', 'Kari Nordmann', {
			sector: 'school',
			yearsAsLeader: 2,
			wantsToWorkOn: 'Budsjett og samarbeid med skolen',
			wishedMentor: 'sigrid'
		});
		const sigrid = mentor('sigrid', 'Sigrid Berg', { sectors: ['public'], yearsAsLeader: 1 });
		const per = mentor('per', 'Per Hansen', {
			sectors: ['school', 'public'],
			yearsAsLeader: 14,
			experience: 'Budsjett i mange år, samarbeid med skoler.'
		});
		const ola = mentor('ola', 'Ola Dunk', { sectors: ['school'], yearsAsLeader: 3 });
		const result = matchScheme([kari, sigrid, per, ola], []);
		const [first, second, third] = result.unmatched[0].candidates;
		expect([first.name, second.name, third.name]).toEqual(['Sigrid Berg', 'Per Hansen', 'Ola Dunk']);
		expect(first.reasons).toEqual([{ kind: 'wished' }, { kind: 'lessExperience', years: 1 }]);
		expect([first.score, second.score, third.score]).toEqual([90, 49.75, 20]);
		expect(second.reasons).toEqual([
			{ kind: 'sector', sector: 'school' },
			{ kind: 'moreExperience', years: 12 },
			{ kind: 'themes', themes: ['budsjett', 'samarbeid', 'skolen'] }
		]);
		expect(kinds(third.reasons)).toEqual(['sector']);
		expect(result.unmatched[0].suggested?.mentorId).toBe('sigrid');
		expect(result.assignment).toEqual([{ menteeId: 'kari', mentorId: 'sigrid' }]);
	});

	it('counts fewer years than the mentee against the mentor, and only clearly more years for', () => {
		const kari = mentee('kari', 'Kari', { yearsAsLeader: 6, sector: 'academic' });
		const younger = mentor('y', 'Yngve', { yearsAsLeader: 4 });
		const equal = mentor('e', 'Eli', { yearsAsLeader: 10 });
		const older = mentor('o', 'Ole', { yearsAsLeader: 11 });
		const { candidates } = matchScheme([kari, younger, equal, older], []).unmatched[0];
		expect(candidates.map((c) => [c.name, c.score])).toEqual([
			['Ole', 30],
			['Eli', 20],
			['Yngve', 10]
		]);
		expect(candidates[2].reasons).toContainEqual({ kind: 'lessExperience', years: 2 });
		expect(kinds(candidates[1].reasons)).toEqual(['sector']);
	});

	it('marks mentors full by their active pairs, ranks them after those with room, and never suggests them', () => {
		const kari = mentee('kari', 'Kari', { sector: 'academic' });
		const nils = mentee('nils', 'Nils', { sector: 'academic' });
		const anne = mentee('anne', 'Anne', { sector: 'academic' });
		const sigrid = mentor('sigrid', 'Sigrid', { capacity: 2, yearsAsLeader: 20 });
		const per = mentor('per', 'Per', { capacity: 1, sectors: ['public'] });
		const pairs = [pair('sigrid', 'x'), pair('sigrid', 'y'), pair('sigrid', 'z', at())];
		const result = matchScheme([kari, nils, anne, sigrid, per], pairs);
		const load = result.mentors.find((m) => m.mentor.userId === 'sigrid')!;
		expect([load.active, load.capacity, load.remaining]).toEqual([2, 2, 0]);
		const candidates = result.unmatched[0].candidates;
		expect(candidates.map((c) => c.name)).toEqual(['Per', 'Sigrid']);
		expect(candidates[1]).toMatchObject({ full: true });
		expect(candidates[1].reasons.at(-1)).toEqual({ kind: 'full', active: 2, capacity: 2 });
		// Per has one place and no positive fit for anyone: nobody is suggested.
		expect(result.assignment).toEqual([]);
	});

	it('assigns greedily by score within capacity, named wishes first, and leaves paired mentees out', () => {
		const a = mentee('a', 'A', { sector: 'public', yearsAsLeader: 1 });
		const b = mentee('b', 'B', { sector: 'public', yearsAsLeader: 1, wishedMentor: 'Per' });
		const c = mentee('c', 'C', { sector: 'school', yearsAsLeader: 1 });
		const d = mentee('d', 'D', { sector: 'public' });
		const sigrid = mentor('sigrid', 'Sigrid', {
			sectors: ['public', 'school'],
			yearsAsLeader: 20,
			capacity: 1
		});
		const per = mentor('per', 'Per', { sectors: ['public'], yearsAsLeader: 20, capacity: 1 });
		const ola = mentor('ola', 'Ola', { sectors: ['school'], yearsAsLeader: 2, capacity: 2 });
		const result = matchScheme([a, b, c, d, sigrid, per, ola], [pair('ola', 'd')]);
		expect(result.unmatched.map((m) => m.mentee.userId)).toEqual(['a', 'b', 'c']);
		// B wished for Per; A (registered first) then takes Sigrid; C gets Ola (school), not Sigrid.
		expect(result.assignment).toEqual([
			{ menteeId: 'b', mentorId: 'per' },
			{ menteeId: 'a', mentorId: 'sigrid' },
			{ menteeId: 'c', mentorId: 'ola' }
		]);
		expect(result.unmatched.map((m) => m.suggested?.mentorId)).toEqual(['sigrid', 'per', 'ola']);
	});

	it('never pairs someone with themself and is deterministic whatever the input order', () => {
		const both = [mentee('kari', 'Kari'), mentor('kari', 'Kari', { sectors: ['public'] })];
		expect(matchScheme(both, []).unmatched[0].candidates).toEqual([]);

		const regs = [
			mentee('a', 'A', { wantsToWorkOn: 'budsjett' }),
			mentee('b', 'B', { wantsToWorkOn: 'budsjett' }),
			mentor('m1', 'Mona', { experience: 'budsjett', capacity: 1 }),
			mentor('m2', 'Mona', { experience: 'budsjett', capacity: 1 })
		];
		const forward = matchScheme(regs, []);
		const backward = matchScheme([...regs].reverse(), []);
		expect(backward).toEqual(forward);
		expect(forward.assignment).toEqual([
			{ menteeId: 'a', mentorId: 'm1' },
			{ menteeId: 'b', mentorId: 'm2' }
		]);
	});
});
