/**
 * Matching a mentor scheme's mentees with its mentors: for each mentee not yet in an active pair,
 * every mentor ranked by how well they fit, each with the reasons as values the UI words
 * ("Ønsket av adepten", "Kjenner skolebibliotek", "12 år mer ledererfaring", "Felles tema:
 * budsjett", "Full: 2 av 2"); and one suggested assignment for the whole scheme that the
 * coordinator confirms pair by pair. Pure and deterministic: the same registrations and pairs give
 * the same ranking and the same suggestions on every device.
 *
 * What counts, strongest first:
 *  - a named wish (`wishedMentor`) naming the mentor: all words of the wish in the mentor's name,
 *    case and accents aside ("sigrid" or "Sigrid Berg" → Sigrid Berg); several names may be given
 *    ("Sigrid Berg eller Per Hansen"); a wished mentor is ranked first, full or not;
 *  - sector: the mentor knows the mentee's sector;
 *  - experience: the mentor has clearly more years as leader (at least EXPERIENCE_GAP), a little
 *    more the more they have; fewer years than the mentee counts against;
 *  - shared themes: words of what the mentee wants to work on and wishes for that also occur in
 *    the mentor's experience, compared by stem (domain/stem.ts) after search normalisation.
 * A mentor whose active pairs fill their capacity is marked full: still listed (the coordinator may
 * override), ranked after those with room, and never part of the suggested assignment.
 */
import type { MenteeDetails, MentorDetails, Registration, Sector } from './mentor-registration';
import type { Pair } from './pair';
import { searchTokens } from './search';
import { stem } from './stem';

export const WEIGHT = {
	wished: 100,
	sector: 20,
	experience: 10,
	lessExperience: -10,
	theme: 6
} as const;
/** Years more as leader that count as "clearly more". */
export const EXPERIENCE_GAP = 5;
/** Themes counted in the score (more are still listed). */
const THEMES_SCORED = 3;
/** Themes listed in a reason. */
export const THEMES_LISTED = 5;

export type MatchReason =
	| { kind: 'wished' }
	| { kind: 'sector'; sector: Sector }
	| { kind: 'moreExperience'; years: number }
	| { kind: 'lessExperience'; years: number }
	| { kind: 'themes'; themes: string[] }
	| { kind: 'full'; active: number; capacity: number };

export interface MenteeEntry {
	userId: string;
	name: string;
	details: MenteeDetails;
	registeredAt: string;
}
export interface MentorEntry {
	userId: string;
	name: string;
	details: MentorDetails;
	registeredAt: string;
}

export interface Candidate {
	mentorId: string;
	name: string;
	score: number;
	wished: boolean;
	full: boolean;
	reasons: MatchReason[];
}

export interface MentorLoad {
	mentor: MentorEntry;
	/** Active pairs with this mentor as mentor. */
	active: number;
	capacity: number;
	/** Places left (never below 0). */
	remaining: number;
}

export interface MenteeMatch {
	mentee: MenteeEntry;
	/** Every registered mentor but the mentee themself, best first. */
	candidates: Candidate[];
	/** The mentor the suggested assignment gives this mentee (null: none fits or none has room). */
	suggested: Candidate | null;
}

export interface SchemeMatch {
	/** Registered mentees without an active pair as mentee, in registration order. */
	unmatched: MenteeMatch[];
	/** Registered mentors with their load, by name. */
	mentors: MentorLoad[];
	/** The suggested pairs, in the order they were chosen (named wishes first). */
	assignment: { menteeId: string; mentorId: string }[];
}

// ----- names -------------------------------------------------------------------------------------

const NAME_FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss', đ: 'd', ł: 'l' };

/** Lower case without accents, æ/ø/å spelt out: names are typed in many ways ("Bjornstad"). */
export function foldName(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('nb')
		.replace(/[æøåßđł]/g, (ch) => NAME_FOLD[ch] ?? ch);
}

const nameWords = (text: string) => foldName(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** "Sigrid Berg eller Per Hansen" → two alternatives; ",", ";", "/", "&", "og", "eller", "or", "and". */
const ALTERNATIVES = /\s*(?:[,;/&+]|\b(?:eller|og|or|and)\b)\s*/iu;

/** Whether a named wish names this person: all words of one alternative are words of the name. */
export function wishNames(wish: string, name: string): boolean {
	const words = new Set(nameWords(name));
	if (!words.size) return false;
	return wish
		.split(ALTERNATIVES)
		.map(nameWords)
		.some((alternative) => alternative.length > 0 && alternative.every((w) => words.has(w)));
}

// ----- themes ------------------------------------------------------------------------------------

/** Words that say nothing about a theme: function words, and what every registration says. */
const STOP = new Set(
	(
		'alle andre annet bare blant blir både dette disse eller etter fått gjennom gjerne godt ' +
		'hadde hvordan ikke jobbe kunne mange mellom meste mine mitt noen noko også over rundt ' +
		'samme selv siden skal slik særlig spesielt under veldig ville være vært ønske ønsker ' +
		'arbeid arbeide bibliotek bibliotekleder erfaring erfaren leder lære mentor adept ting ' +
		'jobb flere mye mer litt'
	)
		.split(' ')
		.map(stem)
);
const MIN_THEME = 4;

/**
 * Theme words by text: the same registration is compared with every candidate, so each text is
 * tokenised and stemmed once (a bounded memo; it only ever holds what the texts give).
 */
const themeMemo = new Map<string, Map<string, string>>();
const THEME_MEMO_MAX = 2000;

/** The theme words of a text by stem, each with its shortest written form. */
function themeWords(text: string): Map<string, string> {
	const known = themeMemo.get(text);
	if (known) return known;
	const words = collectThemeWords(text);
	if (themeMemo.size >= THEME_MEMO_MAX) themeMemo.clear();
	themeMemo.set(text, words);
	return words;
}

function collectThemeWords(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const token of searchTokens(text)) {
		if (token.length < MIN_THEME || /^\d+$/.test(token)) continue;
		const key = stem(token);
		if (STOP.has(key)) continue;
		const known = out.get(key);
		if (known === undefined || token.length < known.length) out.set(key, token);
	}
	return out;
}

/** Themes the mentee asks for that the mentor's experience speaks of, in the mentee's order. */
export function sharedThemes(mentee: MenteeDetails, mentor: MentorDetails): string[] {
	const wanted = themeWords(`${mentee.wantsToWorkOn}\n${mentee.wishes}`);
	const offered = themeWords(mentor.experience);
	const shared: string[] = [];
	for (const [key, word] of wanted) {
		const theirs = offered.get(key);
		if (theirs !== undefined) shared.push(theirs.length < word.length ? theirs : word);
	}
	return shared;
}

// ----- ranking -----------------------------------------------------------------------------------

/** One mentor for one mentee: the score and the reasons for it. */
export function scoreMentor(mentee: MenteeEntry, load: MentorLoad): Candidate {
	const { mentor } = load;
	const reasons: MatchReason[] = [];
	let score = 0;
	const wished = !!mentee.details.wishedMentor && wishNames(mentee.details.wishedMentor, mentor.name);
	if (wished) {
		score += WEIGHT.wished;
		reasons.push({ kind: 'wished' });
	}
	if (mentor.details.sectors.includes(mentee.details.sector)) {
		score += WEIGHT.sector;
		reasons.push({ kind: 'sector', sector: mentee.details.sector });
	}
	const gap = mentor.details.yearsAsLeader - mentee.details.yearsAsLeader;
	if (gap >= EXPERIENCE_GAP) {
		// A little more for more, so that among equals the more experienced comes first.
		score += WEIGHT.experience + Math.min(gap - EXPERIENCE_GAP, 20) / 4;
		reasons.push({ kind: 'moreExperience', years: gap });
	} else if (gap < 0) {
		score += WEIGHT.lessExperience;
		reasons.push({ kind: 'lessExperience', years: -gap });
	}
	const themes = sharedThemes(mentee.details, mentor.details);
	if (themes.length) {
		score += WEIGHT.theme * Math.min(themes.length, THEMES_SCORED);
		reasons.push({ kind: 'themes', themes: themes.slice(0, THEMES_LISTED) });
	}
	const full = load.remaining <= 0;
	if (full) reasons.push({ kind: 'full', active: load.active, capacity: load.capacity });
	return { mentorId: mentor.userId, name: mentor.name, score, wished, full, reasons };
}

const collator = new Intl.Collator('nb');
const byName = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
	collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** Wished first, then those with room, then by score, then by name. */
export function compareCandidates(a: Candidate, b: Candidate): number {
	return (
		Number(b.wished) - Number(a.wished) ||
		Number(a.full) - Number(b.full) ||
		b.score - a.score ||
		byName({ name: a.name, userId: a.mentorId }, { name: b.name, userId: b.mentorId })
	);
}

/** Each mentor's active pairs in the scheme, and places left. */
export function mentorLoads(mentors: readonly MentorEntry[], pairs: readonly PairLike[]): MentorLoad[] {
	return [...mentors].sort(byName).map((mentor) => {
		const active = pairs.filter((p) => !p.endedAt && p.mentor.userId === mentor.userId).length;
		const capacity = mentor.details.capacity;
		return { mentor, active, capacity, remaining: Math.max(0, capacity - active) };
	});
}

export type PairLike = Pick<Pair, 'mentor' | 'mentee' | 'endedAt'>;

/** Splits a scheme's registrations by side (mentees in registration order). */
export function entriesOf(registrations: readonly Registration[]): {
	mentees: MenteeEntry[];
	mentors: MentorEntry[];
} {
	const mentees: MenteeEntry[] = [];
	const mentors: MentorEntry[] = [];
	const ordered = [...registrations].sort(
		(a, b) => a.registeredAt.localeCompare(b.registeredAt) || byName(a, b)
	);
	for (const r of ordered) {
		const entry = { userId: r.userId, name: r.name, registeredAt: r.registeredAt };
		if (r.details.side === 'mentee') mentees.push({ ...entry, details: r.details });
		else mentors.push({ ...entry, details: r.details });
	}
	return { mentees, mentors };
}

/**
 * The whole scheme: unmatched mentees with their ranked mentors, the mentors' loads, and the
 * suggested assignment — greedy by score within capacity, named wishes first (each wished mentor
 * with room goes to the mentees wishing for them, best fit first); a mentee gets a suggestion
 * only from a mentor with a positive score or wished for.
 */
export function matchScheme(registrations: readonly Registration[], pairs: readonly PairLike[]): SchemeMatch {
	const { mentees, mentors } = entriesOf(registrations);
	const loads = mentorLoads(mentors, pairs);
	const paired = new Set(pairs.filter((p) => !p.endedAt).map((p) => p.mentee.userId));
	const unmatched = mentees
		.filter((m) => !paired.has(m.userId))
		.map((mentee) => ({
			mentee,
			candidates: loads
				.filter((load) => load.mentor.userId !== mentee.userId)
				.map((load) => scoreMentor(mentee, load))
				.sort(compareCandidates)
		}));

	const left = new Map(loads.map((l) => [l.mentor.userId, l.remaining]));
	const edges = unmatched
		.flatMap((m, order) =>
			m.candidates
				.filter((c) => !c.full && (c.wished || c.score > 0))
				.map((candidate) => ({ menteeId: m.mentee.userId, order, candidate }))
		)
		.sort(
			(a, b) =>
				Number(b.candidate.wished) - Number(a.candidate.wished) ||
				b.candidate.score - a.candidate.score ||
				a.order - b.order ||
				compareCandidates(a.candidate, b.candidate)
		);
	const chosen = new Map<string, Candidate>();
	const assignment: SchemeMatch['assignment'] = [];
	for (const { menteeId, candidate } of edges) {
		if (chosen.has(menteeId) || (left.get(candidate.mentorId) ?? 0) <= 0) continue;
		chosen.set(menteeId, candidate);
		left.set(candidate.mentorId, (left.get(candidate.mentorId) ?? 0) - 1);
		assignment.push({ menteeId, mentorId: candidate.mentorId });
	}
	return {
		unmatched: unmatched.map((m) => ({ ...m, suggested: chosen.get(m.mentee.userId) ?? null })),
		mentors: loads,
		assignment
	};
}
