import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LectureSchema, ModuleSchema, SyllabusItemSchema } from '$domain/programme';
import { pageTotals, syllabusByLecture, syllabusByModule } from '$domain/syllabus';

const modules = [
	v.parse(ModuleSchema, { id: 'm1', title: 'Biblioteket i samfunnet', credits: 10 }),
	v.parse(ModuleSchema, { id: 'm2', title: 'Lederrollen', credits: 10 }),
	v.parse(ModuleSchema, { id: 'm3', title: 'Uten pensum', credits: 10 })
];
const lectures = [
	v.parse(LectureSchema, { id: 'l10', title: 'Forelesning 10', moduleId: 'm1' }),
	v.parse(LectureSchema, { id: 'l2', title: 'Forelesning 2', moduleId: 'm1' }),
	v.parse(LectureSchema, { id: 'r1', title: 'Rollen', moduleId: 'm2' })
];
const item = (
	id: string,
	pages: number,
	kind: 'set' | 'self-chosen',
	moduleIds: string[],
	lectureIds: string[] = []
) => v.parse(SyllabusItemSchema, { id, title: id, pages, kind, moduleIds, lectureIds });
const syllabus = [
	item('a-bok', 300, 'set', ['m1'], ['l2', 'l10']),
	item('b-artikler', 100, 'set', ['m1', 'm2']),
	item('c-egen', 200, 'self-chosen', ['m1']),
	item('d-rolle', 50, 'set', ['m2'], ['r1', 'l2']),
	item('e-loes', 20, 'set', [], ['gone'])
];

describe('the syllabus by module', () => {
	const byModule = syllabusByModule(modules, lectures, syllabus);

	it('follows the module order, skips modules without items, items of no module last', () => {
		expect(byModule.map((m) => m.module?.id ?? null)).toEqual(['m1', 'm2', null]);
	});

	it('groups per linked lecture of the module, in lecture order, then the general items', () => {
		const [m1, m2, rest] = byModule;
		expect(m1.groups.map((g) => [g.lecture?.id ?? null, g.items.map((i) => i.id)])).toEqual([
			['l2', ['a-bok']],
			['l10', ['a-bok']],
			[null, ['b-artikler', 'c-egen']]
		]);
		// A link to a lecture of another module does not make a group here.
		expect(m2.groups.map((g) => [g.lecture?.id ?? null, g.items.map((i) => i.id)])).toEqual([
			['r1', ['d-rolle']],
			[null, ['b-artikler']]
		]);
		expect(rest.groups).toEqual([{ lecture: null, items: [syllabus[4]] }]);
	});

	it('counts each item once in a module, set and self-chosen apart', () => {
		expect(byModule.map(({ setPages, selfChosenPages }) => [setPages, selfChosenPages])).toEqual([
			[400, 200],
			[150, 0],
			[20, 0]
		]);
		expect(pageTotals([syllabus[0], syllabus[0], syllabus[2]])).toEqual({
			setPages: 300,
			selfChosenPages: 200
		});
	});
});

describe('the syllabus by lecture', () => {
	it('lists lectures in the lectures page order, then items linking no lecture, with totals', () => {
		const byLecture = syllabusByLecture(modules, lectures, syllabus);
		expect(byLecture.map((g) => [g.lecture?.id ?? null, g.items.map((i) => i.id), g.setPages])).toEqual([
			['l2', ['a-bok', 'd-rolle'], 350],
			['l10', ['a-bok'], 300],
			['r1', ['d-rolle'], 50],
			[null, ['b-artikler', 'c-egen', 'e-loes'], 120]
		]);
		expect(byLecture[3].selfChosenPages).toBe(200);
	});
});
