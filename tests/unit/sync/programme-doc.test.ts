import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPETENCES } from '$domain/competence';
import { listedCompetences, movedCompetences } from '$domain/competence-list';
import {
	addComment,
	readComments,
	observeProgramme,
	putCompetences,
	putItem,
	readProgramme,
	removeItem,
	setProgrammeName
} from '$sync/programme-doc';

const ME = Symbol('me');

describe('programme document', () => {
	const docs: Y.Doc[] = [];
	afterEach(() => docs.splice(0).forEach((d) => d.destroy()));
	const doc = () => {
		const d = new Y.Doc();
		docs.push(d);
		return d;
	};

	it('stores validated items and reads them back sorted, with defaults', () => {
		const d = doc();
		setProgrammeName(d, '  Lederutvikling i Troms  ', ME);
		putItem(d, 'modules', { id: 'mod2', title: 'Lederrollen og styringsgrunnlag', credits: 10 }, ME);
		putItem(
			d,
			'modules',
			{ id: 'mod1', title: 'Biblioteket i samfunnet', credits: 10, period: 'Høsten 2019' },
			ME
		);
		putItem(
			d,
			'events',
			{ id: 'ev2', kind: 'webinar', title: 'Webinar', start: '2019-10-30T09:00', end: '2019-10-30T12:00' },
			ME
		);
		putItem(
			d,
			'events',
			{ id: 'ev1', kind: 'seminar', title: 'Oppstart', start: '2019-09-03T09:00', end: '2019-09-05T15:00' },
			ME
		);
		const { programme, skipped } = readProgramme(d);
		expect(programme.name).toBe('Lederutvikling i Troms');
		expect(programme.modules.map((m) => m.id)).toEqual(['mod1', 'mod2']);
		expect(programme.modules[1].description).toBe('');
		expect(programme.events.map((e) => e.id)).toEqual(['ev1', 'ev2']);
		expect(skipped).toEqual([]);
		removeItem(d, 'modules', 'mod2', ME);
		expect(readProgramme(d).programme.modules).toHaveLength(1);
	});

	it('never stores what the schema refuses, and skips bad items from elsewhere', () => {
		const d = doc();
		expect(() =>
			putItem(
				d,
				'events',
				{ id: 'ev', kind: 'seminar', title: 'x', start: '2019-09-05T15:00', end: '2019-09-05T09:00' },
				ME
			)
		).toThrow();
		expect(d.getMap('events').size).toBe(0);
		d.getMap('lectures').set('broken', { id: 'broken', title: '' });
		expect(readProgramme(d).skipped).toEqual(['lectures/broken']);
	});

	it('keeps the work of two coordinators who edited different items offline', () => {
		const a = doc();
		const b = doc();
		putItem(a, 'modules', { id: 'mod1', title: 'Modul 1', credits: 10 }, ME);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		putItem(a, 'modules', { id: 'mod1', title: 'Modul 1 – Biblioteket i samfunnet', credits: 10 }, ME);
		putItem(
			b,
			'requirements',
			{ id: 'req1', title: 'Blogginnlegg', kind: 'blog-post', targetCharacters: 2000 },
			ME
		);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const d of [a, b]) {
			const { programme } = readProgramme(d);
			expect(programme.modules[0].title).toBe('Modul 1 – Biblioteket i samfunnet');
			expect(programme.requirements[0].targetCharacters).toBe(2000);
		}
	});

	it('lists modules by number (unnumbered last) and titles in natural order', () => {
		const d = doc();
		putItem(d, 'modules', { id: 'b', title: 'Ledelse', credits: 10, number: 2 }, ME);
		putItem(d, 'modules', { id: 'a', title: 'Annet', credits: 5 }, ME);
		putItem(d, 'modules', { id: 'c', title: 'Samfunnet', credits: 10, number: 1 }, ME);
		putItem(d, 'lectures', { id: 'l10', title: 'Forelesning 10' }, ME);
		putItem(d, 'lectures', { id: 'l2', title: 'Forelesning 2' }, ME);
		const { programme } = readProgramme(d);
		expect(programme.modules.map((m) => m.id)).toEqual(['c', 'b', 'a']);
		expect(programme.lectures.map((l) => l.id)).toEqual(['l2', 'l10']);
	});

	it('tells observers about changes', () => {
		const d = doc();
		let calls = 0;
		const stop = observeProgramme(d, () => calls++);
		setProgrammeName(d, 'Navn', ME);
		putItem(d, 'syllabus', { id: 's1', title: 'Bok', pages: 120, kind: 'set' }, ME);
		stop();
		setProgrammeName(d, 'Nytt navn', ME);
		expect(calls).toBe(2);
	});

	it('has the fifteen default competences with nothing stored, and keeps the coordinators’ edits over them', () => {
		const d = doc();
		expect(listedCompetences(readProgramme(d).programme.competences).map((c) => c.id)).toEqual([
			...COMPETENCES
		]);
		expect(d.getMap('competences').size).toBe(0);
		putCompetences(
			d,
			[
				{ id: 'rhetoric', name: 'Formidling', position: 13 },
				{ id: 'personnel', position: 3, removed: true },
				{ id: 'c0ffee', name: 'Coaching', position: 15 }
			],
			ME
		);
		expect(() => putCompetences(d, [{ id: 'x1', name: '', position: 16 }], ME)).toThrow();
		d.getMap('competences').set('bad', { id: 'bad', position: 'first' });
		const { programme, skipped } = readProgramme(d);
		const listed = listedCompetences(programme.competences);
		expect(listed).toHaveLength(15);
		expect(listed.find((c) => c.id === 'rhetoric')?.name).toBe('Formidling');
		expect(listed.at(-1)?.name).toBe('Coaching');
		expect(programme.competences.find((c) => c.id === 'personnel')?.removed).toBe(true);
		expect(skipped).toEqual(['competences/bad']);
	});

	it('keeps both coordinators’ competence edits made offline (one renames, one moves)', () => {
		const a = doc();
		const b = doc();
		putCompetences(a, [{ id: 'facilitation', name: 'Prosessledelse', position: 9 }], ME);
		putCompetences(b, movedCompetences(readProgramme(b).programme.competences, 14, -1), ME);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const d of [a, b]) {
			const listed = listedCompetences(readProgramme(d).programme.competences);
			expect(listed.find((c) => c.id === 'facilitation')?.name).toBe('Prosessledelse');
			expect(listed.slice(-2).map((c) => c.id)).toEqual(['change-management', 'rhetoric']);
		}
	});

	it('reads the discussion comments oldest first, skipping malformed ones, and refuses empty ones', () => {
		const d = doc();
		const comment = (id: string, authorId: string, questionId: string, createdAt: number) =>
			addComment(
				d,
				{ id, lectureId: 'lec1', questionId, authorId, authorName: authorId, text: 'Godt poeng.', createdAt },
				ME
			);
		comment('c2', 'kari', 'q1', 2);
		comment('c1', 'ola', 'q1', 1);
		comment('c3', 'kari', 'q2', 3);
		expect(readComments(d).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
		expect(readComments(d).filter((c) => c.authorId === 'kari')).toHaveLength(2);
		d.getMap('comments').set('bad', { id: 'bad', text: 42 });
		expect(readComments(d)).toHaveLength(3);
		expect(() =>
			addComment(
				d,
				{
					id: 'c4',
					lectureId: 'l',
					questionId: 'q',
					authorId: 'kari',
					authorName: 'K',
					text: '  ',
					createdAt: 4
				},
				ME
			)
		).toThrow();
	});
});
