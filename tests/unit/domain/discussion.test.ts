import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	commentRequirementsFor,
	commentsOnQuestion,
	lecturesByModule,
	questionsCommented,
	sortLectures
} from '$domain/discussion';
import { LectureSchema, ModuleSchema, RequirementSchema } from '$domain/programme';

const module = (id: string, title: string) => v.parse(ModuleSchema, { id, title, credits: 10 });
const lecture = (id: string, title: string, moduleId = '', questions: string[] = []) =>
	v.parse(LectureSchema, {
		id,
		title,
		moduleId,
		questions: questions.map((q) => ({ id: q, text: `Spørsmål ${q}` }))
	});

describe('lectures by module', () => {
	const modules = [module('m2', 'Lederrollen'), module('m1', 'Biblioteket i samfunnet'), module('m3', 'Tom')];
	const lectures = [
		lecture('l10', 'Forelesning 10: Oppsummering', 'm1'),
		lecture('free', 'Gjesteforelesning'),
		lecture('l2', 'Forelesning 2: Institusjonsforståelse', 'm1'),
		lecture('gone', 'Forelesning i slettet modul', 'm9'),
		lecture('l1', 'Forelesning 1: Samfunnsoppdraget', 'm1'),
		lecture('r1', 'Rollen', 'm2')
	];

	it('follows the module order, numbers in order, without empty modules, the rest last', () => {
		const groups = lecturesByModule(modules, lectures);
		expect(groups.map((g) => g.module?.id ?? null)).toEqual(['m2', 'm1', null]);
		expect(groups[1].lectures.map((l) => l.id)).toEqual(['l1', 'l2', 'l10']);
		expect(groups[2].lectures.map((l) => l.id)).toEqual(['gone', 'free']);
		expect(lecturesByModule([], [])).toEqual([]);
	});

	it('sorts titles with numbers as a reader counts', () => {
		expect(sortLectures([{ title: 'F 10' }, { title: 'F 9' }, { title: 'Æ' }, { title: 'A' }])).toEqual([
			{ title: 'A' },
			{ title: 'F 9' },
			{ title: 'F 10' },
			{ title: 'Æ' }
		]);
	});
});

describe('questions I have commented on', () => {
	const l = lecture('l1', 'Forelesning 1', 'm1', ['q1', 'q2', 'q3']);
	const comments = [
		{ lectureId: 'l1', questionId: 'q1', authorId: 'kari' },
		{ lectureId: 'l1', questionId: 'q1', authorId: 'kari' },
		{ lectureId: 'l1', questionId: 'q3', authorId: 'ola' },
		{ lectureId: 'l2', questionId: 'q2', authorId: 'kari' },
		{ lectureId: 'l1', questionId: 'removed', authorId: 'kari' }
	];

	it('counts each question once, only mine, only this lecture’s current questions', () => {
		expect(questionsCommented(l, comments, 'kari')).toBe(1);
		expect(questionsCommented(l, comments, 'ola')).toBe(1);
		expect(questionsCommented(l, comments, 'per')).toBe(0);
		expect(questionsCommented(l, comments, null)).toBe(0);
	});

	it('finds the comments of one question of one lecture, in their order', () => {
		const same = [...comments, { lectureId: 'l2', questionId: 'q1', authorId: 'ola' }];
		expect(commentsOnQuestion(same, 'l1', 'q1')).toEqual([comments[0], comments[1]]);
		expect(commentsOnQuestion(same, 'l2', 'q1')).toEqual([same[5]]);
	});
});

describe('the comments requirements a lecture counts toward', () => {
	const req = (id: string, kind: string, moduleId = '') =>
		v.parse(RequirementSchema, { id, title: id, kind, moduleId, requiredComments: 4 });
	const requirements = [
		req('c-m1', 'comments', 'm1'),
		req('c-all', 'comments'),
		req('c-m2', 'comments', 'm2'),
		req('blog', 'blog-post', 'm1')
	];

	it('takes those of the lecture’s module and those naming no module', () => {
		expect(commentRequirementsFor(requirements, { moduleId: 'm1' }).map((r) => r.id)).toEqual([
			'c-m1',
			'c-all'
		]);
		expect(commentRequirementsFor(requirements, { moduleId: '' }).map((r) => r.id)).toEqual(['c-all']);
	});
});
