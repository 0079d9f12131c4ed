/**
 * The syllabus as the participant reads it: by module (and within a module, per linked lecture),
 * or by lecture, with the set and self-chosen pages of each group. An item linked to several
 * modules or lectures is listed under each, but counted once in every total.
 */
import { lecturesByModule, sortLectures } from './discussion';
import type { Lecture, Module, SyllabusItem } from './programme';

export interface PageTotals {
	setPages: number;
	selfChosenPages: number;
}

export interface LectureItems {
	/** Null for the items of the group that link no lecture ("Generelt"). */
	lecture: Lecture | null;
	items: SyllabusItem[];
}

export interface ModuleSyllabus extends PageTotals {
	/** Null for the items that belong to no (known) module. */
	module: Module | null;
	groups: LectureItems[];
}

const byTitle = new Intl.Collator('nb', { numeric: true }).compare;
const sortItems = (items: readonly SyllabusItem[]) => [...items].sort((a, b) => byTitle(a.title, b.title));

/** Set and self-chosen pages of some items, each item counted once. */
export function pageTotals(items: readonly SyllabusItem[]): PageTotals {
	const totals: PageTotals = { setPages: 0, selfChosenPages: 0 };
	for (const item of new Set(items)) {
		if (item.kind === 'set') totals.setPages += item.pages;
		else totals.selfChosenPages += item.pages;
	}
	return totals;
}

/**
 * Groups items per lecture, in the order given, then the items linking none of those lectures.
 * Only the given lectures count: a link to a lecture elsewhere (or deleted) lands in the rest.
 */
function perLecture(items: readonly SyllabusItem[], lectures: readonly Lecture[]): LectureItems[] {
	const groups: LectureItems[] = lectures.map((lecture) => ({
		lecture,
		items: sortItems(items.filter((i) => i.lectureIds.includes(lecture.id)))
	}));
	const ids = new Set(lectures.map((l) => l.id));
	groups.push({
		lecture: null,
		items: sortItems(items.filter((i) => !i.lectureIds.some((id) => ids.has(id))))
	});
	return groups.filter((g) => g.items.length > 0);
}

/** One entry per module with items, in module order; items of no known module last. */
export function syllabusByModule(
	modules: readonly Module[],
	lectures: readonly Lecture[],
	syllabus: readonly SyllabusItem[]
): ModuleSyllabus[] {
	const known = new Set(modules.map((m) => m.id));
	const entries: { module: Module | null; items: SyllabusItem[]; lectures: Lecture[] }[] = [
		...modules.map((module) => ({
			module,
			items: syllabus.filter((i) => i.moduleIds.includes(module.id)),
			lectures: lectures.filter((l) => l.moduleId === module.id)
		})),
		{
			module: null,
			items: syllabus.filter((i) => !i.moduleIds.some((id) => known.has(id))),
			lectures: lectures.filter((l) => !known.has(l.moduleId))
		}
	];
	return entries
		.filter((e) => e.items.length > 0)
		.map((e) => ({
			module: e.module,
			groups: perLecture(e.items, sortLectures(e.lectures)),
			...pageTotals(e.items)
		}));
}

/**
 * Every lecture with items linked to it, in the order of the lectures page (by module, then
 * title); then the items linking no lecture.
 */
export function syllabusByLecture(
	modules: readonly Module[],
	lectures: readonly Lecture[],
	syllabus: readonly SyllabusItem[]
): (LectureItems & PageTotals)[] {
	const ordered = lecturesByModule(modules, lectures).flatMap((g) => g.lectures);
	return perLecture(syllabus, ordered).map((g) => ({ ...g, ...pageTotals(g.items) }));
}
