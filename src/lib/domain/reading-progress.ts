/**
 * Reading progress: pages read per text, against a programme's set and self-chosen page quotas
 * (per module and in total), over time, and whether the participant is on track for the exam.
 * Dates are calendar dates ("2026-03-01") in the programme's zone; `today` is passed in.
 */
import { programmeTotals, type Module, type Programme, type ProgrammeEvent } from './programme';
import { textKey, type ReadingSession, type ReadingText } from './reading';

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (isoDate: string) => Math.round(Date.parse(isoDate) / DAY_MS);

/** The pages one session covers: its range (both ends included) or its count. */
export function sessionPages(session: Pick<ReadingSession, 'pages' | 'fromPage' | 'toPage'>): number {
	return session.fromPage >= 1 && session.toPage >= session.fromPage
		? session.toPage - session.fromPage + 1
		: session.pages;
}

/**
 * Pages read of one text: every page inside some range counts once (reading pages 1–20 twice
 * is 20 pages), counted sessions add their pages, and the whole is capped at the text's pages.
 */
export function pagesRead(
	sessions: readonly Pick<ReadingSession, 'pages' | 'fromPage' | 'toPage'>[],
	textPages: number
): number {
	const ranges: [number, number][] = [];
	let counted = 0;
	for (const s of sessions) {
		if (s.fromPage >= 1 && s.toPage >= s.fromPage) {
			const from = s.fromPage;
			const to = Math.min(s.toPage, textPages);
			if (from <= to) ranges.push([from, to]);
		} else counted += s.pages;
	}
	ranges.sort((a, b) => a[0] - b[0]);
	let inRanges = 0;
	let reached = 0; // the last page already counted
	for (const [from, to] of ranges) {
		const start = Math.max(from, reached + 1);
		if (to >= start) inRanges += to - start + 1;
		reached = Math.max(reached, to);
	}
	return Math.min(textPages, inRanges + counted);
}

/** Pages read per text key. */
export function readByText(
	texts: readonly ReadingText[],
	sessions: readonly ReadingSession[]
): Map<string, number> {
	const byKey = new Map<string, ReadingSession[]>();
	for (const s of sessions) {
		const key = textKey(s.textRef);
		byKey.set(key, [...(byKey.get(key) ?? []), s]);
	}
	return new Map(texts.map((t) => [t.key, pagesRead(byKey.get(t.key) ?? [], t.pages)]));
}

export interface Quota {
	/** Pages to read (from the syllabus). */
	quota: number;
	/** Pages read (not capped at the quota: reading more is shown as more). */
	read: number;
}

export interface ModuleReading {
	/** Null for the texts that belong to no module of the programme. */
	module: Module | null;
	set: Quota;
	selfChosen: Quota;
}

export interface OnTrack {
	/** The plan's first day: see `onTrack`. */
	start: string;
	/** The exam's first day. */
	exam: string;
	/** Pages the plan expects by today, and the pages that count toward it. */
	expected: number;
	counted: number;
	quota: number;
	onTrack: boolean;
}

export interface ProgrammeReading {
	set: Quota;
	selfChosen: Quota;
	/** Set and self-chosen together, each capped at its quota (what counts toward the exam). */
	total: Quota;
	modules: ModuleReading[];
	/** Counted pages after each day with a session, in date order (for the chart). */
	history: { date: string; pages: number }[];
	/** Null when the programme has no exam. */
	onTrack: OnTrack | null;
}

function sumRead(
	texts: readonly ReadingText[],
	read: ReadonlyMap<string, number>,
	kind: ReadingText['kind']
) {
	return texts.filter((t) => t.kind === kind).reduce((sum, t) => sum + (read.get(t.key) ?? 0), 0);
}

/** Set plus self-chosen pages read, each capped at its quota. */
function counted(
	texts: readonly ReadingText[],
	read: ReadonlyMap<string, number>,
	quotas: { set: number; self: number }
) {
	return (
		Math.min(sumRead(texts, read, 'set'), quotas.set) +
		Math.min(sumRead(texts, read, 'self-chosen'), quotas.self)
	);
}

/**
 * The exam the reading aims at: the first exam that has not ended by today, else the last one.
 * Its first day, or null when the programme has no exam.
 */
export function examDate(
	events: readonly Pick<ProgrammeEvent, 'kind' | 'start' | 'end'>[],
	today: string
): string | null {
	const exams = events.filter((e) => e.kind === 'exam').sort((a, b) => a.start.localeCompare(b.start));
	if (!exams.length) return null;
	const next = exams.find((e) => e.end.slice(0, 10) >= today) ?? exams[exams.length - 1];
	return next.start.slice(0, 10);
}

/**
 * On track = the pages read (set and self-chosen, each capped at its quota) are at least the
 * linear share of the whole quota for the days gone: expected = ⌊quota × elapsed / span⌋, with
 * span the days from the plan's first day to the exam's first day and elapsed the days from the
 * first day to today, clamped to 0…span (so the whole quota is expected from the exam day on).
 * The plan's first day is the programme's first day (its earliest event before the exam) or the
 * first session's day if that is earlier; with neither, today. With no day between the first
 * day and the exam, the whole quota is expected from the exam day, nothing before.
 */
export function onTrack(input: {
	quota: number;
	counted: number;
	today: string;
	exam: string;
	programmeStart: string | null;
	firstSession: string | null;
}): OnTrack {
	const { quota, counted, today, exam } = input;
	const candidates = [input.programmeStart, input.firstSession].filter((d): d is string => !!d && d < exam);
	const start = candidates.length ? candidates.sort()[0] : today < exam ? today : exam;
	const span = dayNumber(exam) - dayNumber(start);
	const elapsed = dayNumber(today) - dayNumber(start);
	const share = span <= 0 ? (today >= exam ? 1 : 0) : Math.min(1, Math.max(0, elapsed / span));
	const expected = Math.floor(quota * share);
	return { start, exam, expected, counted, quota, onTrack: counted >= expected };
}

/** Everything the reading page shows for one programme. */
export function programmeReading(
	programmeId: string,
	programme: Pick<Programme, 'modules' | 'syllabus' | 'events'>,
	allTexts: readonly ReadingText[],
	allSessions: readonly ReadingSession[],
	today: string
): ProgrammeReading {
	const texts = allTexts.filter((t) => t.programmeId === programmeId);
	const keys = new Set(texts.map((t) => t.key));
	const sessions = allSessions.filter((s) => keys.has(textKey(s.textRef)));
	const read = readByText(texts, sessions);
	const totals = programmeTotals({ modules: programme.modules, syllabus: programme.syllabus });
	const quotas = { set: totals.setPages, self: totals.selfChosenPages };

	const known = new Set(programme.modules.map((m) => m.id));
	const groups: { module: Module | null; texts: ReadingText[] }[] = [
		...programme.modules.map((module) => ({
			module,
			texts: texts.filter((t) => t.moduleIds.includes(module.id))
		})),
		{ module: null, texts: texts.filter((t) => !t.moduleIds.some((id) => known.has(id))) }
	];
	const modules = groups
		.filter((g) => g.texts.length > 0)
		.map(({ module, texts: inModule }) => {
			const syllabus = inModule.filter((t) => !t.own);
			const quota = (kind: ReadingText['kind']) =>
				syllabus.filter((t) => t.kind === kind).reduce((sum, t) => sum + t.pages, 0);
			return {
				module,
				set: { quota: quota('set'), read: sumRead(inModule, read, 'set') },
				selfChosen: { quota: quota('self-chosen'), read: sumRead(inModule, read, 'self-chosen') }
			};
		});

	const dates = [...new Set(sessions.map((s) => s.date))].sort();
	const history = dates.map((date) => ({
		date,
		pages: counted(
			texts,
			readByText(
				texts,
				sessions.filter((s) => s.date <= date)
			),
			quotas
		)
	}));

	const total = { quota: quotas.set + quotas.self, read: counted(texts, read, quotas) };
	const exam = examDate(programme.events, today);
	const starts = programme.events.map((e) => e.start.slice(0, 10)).filter((d) => !exam || d < exam);
	return {
		set: { quota: quotas.set, read: sumRead(texts, read, 'set') },
		selfChosen: { quota: quotas.self, read: sumRead(texts, read, 'self-chosen') },
		total,
		modules,
		history,
		onTrack: exam
			? onTrack({
					quota: total.quota,
					counted: total.read,
					today,
					exam,
					programmeStart: starts.length ? starts.sort()[0] : null,
					firstSession: dates[0] ?? null
				})
			: null
	};
}
