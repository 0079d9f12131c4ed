import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema, COMPETENCES, competenceChanges, type Assessment } from '$domain/competence';
import {
	CompetenceFormSchema,
	CompetenceSchema,
	cohortRows,
	competenceToSave,
	defaultCompetences,
	listedCompetences,
	mergeCompetences,
	movedCompetences,
	nextCompetencePosition,
	ratingsOnList,
	shownCompetences,
	type Competence
} from '$domain/competence-list';
import { invalidPaths } from '$domain/form';
import { ProgrammeSchema } from '$domain/programme';
import { competenceDraft, competenceFromDraft } from '$domain/programme-form';

const entry = (id: string, position: number, name = '', removed = false): Competence =>
	v.parse(CompetenceSchema, { id, name, position, removed });
const assessment = (
	id: string,
	date: string,
	ratings: Record<string, number>,
	names: Record<string, string> = {}
): Assessment => v.parse(AssessmentSchema, { id, date, ratings, names });
const ids = (list: readonly Competence[]) => list.map((c) => c.id);

describe('a programme’s competence list: schema', () => {
	it('round-trips an entry, and a default may keep the catalogue’s name (empty)', () => {
		const custom = { id: 'coaching', name: ' Coaching ', position: 15.5, removed: false };
		const parsed = v.parse(CompetenceSchema, custom);
		expect(parsed).toEqual({ ...custom, name: 'Coaching' });
		expect(v.parse(CompetenceSchema, JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
		expect(v.parse(CompetenceSchema, { id: 'rhetoric', position: 13 })).toEqual({
			id: 'rhetoric',
			name: '',
			position: 13,
			removed: false
		});
	});

	it('refuses an own competence without a name, ids the survey would refuse, and long names', () => {
		expect(invalidPaths(CompetenceSchema, { id: 'coaching', name: '  ', position: 1 })).toEqual(
			new Set(['name'])
		);
		expect(invalidPaths(CompetenceSchema, { id: 'Coaching_1', name: 'C', position: 1 })).toEqual(
			new Set(['id'])
		);
		expect(invalidPaths(CompetenceSchema, { id: 'c', name: 'x'.repeat(201), position: 1 })).toEqual(
			new Set(['name'])
		);
		expect(invalidPaths(CompetenceSchema, { id: 'c', name: 'C', position: Infinity })).toEqual(
			new Set(['position'])
		);
	});

	it('the form always wants a name, also for a default', () => {
		expect(invalidPaths(CompetenceFormSchema, { id: 'rhetoric', name: ' ', position: 13 })).toEqual(
			new Set(['name'])
		);
		expect(invalidPaths(CompetenceFormSchema, { id: 'rhetoric', name: 'Retorikk', position: 13 }).size).toBe(
			0
		);
	});
});

describe('a programme’s competence list: defaults and edits', () => {
	it('starts with the fifteen defaults, named by the catalogue, in their order', () => {
		const list = mergeCompetences([]);
		expect(ids(list)).toEqual([...COMPETENCES]);
		expect(list.every((c) => c.name === '' && !c.removed)).toBe(true);
		// A programme read without a list (an older document or app) has the defaults too.
		const { competences } = v.parse(ProgrammeSchema, {
			name: 'P',
			modules: [],
			events: [],
			lectures: [],
			syllabus: [],
			requirements: []
		});
		expect(competences).toEqual(defaultCompetences());
	});

	it('lays stored entries over the defaults: renamed, moved, removed and own ones', () => {
		const list = mergeCompetences([
			entry('rhetoric', 0.5, 'Formidling'),
			entry('personnel', 3, '', true),
			entry('coaching', 15, 'Coaching')
		]);
		expect(list).toHaveLength(16);
		const listed = listedCompetences(list);
		expect(ids(listed).slice(0, 3)).toEqual(['leader-role', 'rhetoric', 'strategic-leadership']);
		expect(listed.find((c) => c.id === 'rhetoric')?.name).toBe('Formidling');
		expect(ids(listed)).not.toContain('personnel');
		expect(ids(listed).at(-1)).toBe('coaching');
		expect(listed).toHaveLength(15);
		expect(nextCompetencePosition(list)).toBe(16);
		expect(nextCompetencePosition(mergeCompetences(COMPETENCES.map((id, i) => entry(id, i, '', true))))).toBe(
			0
		);
	});

	it('moves one entry between its new neighbours, writing only that one', () => {
		const list = mergeCompetences([]);
		expect(movedCompetences(list, 2, -1)).toEqual([{ ...list[2], position: 0.5 }]);
		expect(movedCompetences(list, 1, -1)).toEqual([{ ...list[1], position: -0.5 }]);
		expect(movedCompetences(list, 13, 1)).toEqual([{ ...list[13], position: 14.5 }]);
		expect(movedCompetences(list, 0, -1)).toEqual([]);
		expect(movedCompetences(list, 14, 1)).toEqual([]);
		const moved = mergeCompetences(movedCompetences(list, 4, 1));
		expect(ids(listedCompetences(moved)).slice(3, 6)).toEqual([
			'personnel',
			'marketing-visibility',
			'economy-budget'
		]);
	});

	it('renumbers when there is no room left between two entries, writing only what changed', () => {
		// Two coordinators added one each offline at the same place: only the tie is undone.
		const tied = mergeCompetences([entry('a', 15, 'A'), entry('b', 15, 'B'), entry('c', 16, 'C')]);
		const b = tied.find((c) => c.id === 'b')!;
		expect(movedCompetences(tied, 17, -1)).toEqual([{ ...b, position: 17 }]);
		// Moved back and forth so often that no number fits between.
		const removed = COMPETENCES.map((id, i) => entry(id, i, '', true));
		const tight = mergeCompetences([
			...removed,
			entry('a', 1, 'A'),
			entry('b', 1 + 2 ** -52, 'B'),
			entry('c', 5, 'C')
		]);
		const written = movedCompetences(tight, 2, -1);
		expect(written.map((c) => [c.id, c.position])).toEqual([
			['a', 0],
			['c', 1],
			['b', 2]
		]);
	});

	it('keeps a default’s catalogue name (translated) unless the coordinator renamed it', () => {
		const draft = competenceDraft(entry('rhetoric', 13), 'unused', 99, 'Retorikk');
		expect(draft).toEqual({ id: 'rhetoric', name: 'Retorikk', position: 13 });
		const typed = v.parse(CompetenceFormSchema, competenceFromDraft(draft));
		expect(competenceToSave(typed, 'Retorikk').name).toBe('');
		expect(competenceToSave({ ...typed, name: 'Retorikk og formidling' }, 'Retorikk').name).toBe(
			'Retorikk og formidling'
		);
		const fresh = competenceDraft(null, 'c0ffee', 15, null);
		expect(fresh).toEqual({ id: 'c0ffee', name: '', position: 15 });
		expect(competenceToSave({ ...competenceFromDraft(fresh), name: 'Retorikk' }, null).name).toBe('Retorikk');
	});
});

describe('the self-assessment with a programme’s list', () => {
	const list = mergeCompetences([
		entry('coaching', 15, 'Coaching'),
		entry('mentoring', 16, 'Mentorskap', true),
		entry('rhetoric', 13, 'Talekunst', true),
		entry('didactics', 12, '', true)
	]);

	it('shows the list, then every competence rated earlier that is not on it, under its last known name', () => {
		const assessments = [
			assessment(
				'b',
				'2026-06-01',
				{ coaching: 4, 'from-elsewhere': 3 },
				{ coaching: 'Coaching', 'from-elsewhere': 'Nyere navn' }
			),
			assessment(
				'a',
				'2026-01-15',
				{ mentoring: 2, rhetoric: 3, didactics: 2, 'from-elsewhere': 1, gone: 5 },
				{
					'from-elsewhere': 'Gammelt navn'
				}
			)
		];
		const shown = shownCompetences(list, assessments);
		const listed = listedCompetences(list);
		expect(shown.slice(0, listed.length)).toEqual(
			listed.map((c) => ({ id: c.id, name: c.name, listed: true }))
		);
		expect(shown.slice(listed.length)).toEqual([
			{ id: 'didactics', name: '', listed: false }, // the catalogue names a default
			{ id: 'rhetoric', name: 'Talekunst', listed: false },
			{ id: 'mentoring', name: 'Mentorskap', listed: false },
			{ id: 'from-elsewhere', name: 'Nyere navn', listed: false },
			{ id: 'gone', name: '', listed: false }
		]);
		// Old ratings keep their numbers by id.
		const changes = competenceChanges(
			assessments,
			shown.map((c) => c.id)
		);
		expect(changes.find((c) => c.id === 'mentoring')).toMatchObject({ latest: { rating: 2 }, times: 1 });
		expect(changes.find((c) => c.id === 'from-elsewhere')).toMatchObject({ change: 2 });
		expect(changes.find((c) => c.id === 'coaching')).toMatchObject({ latest: { rating: 4 } });
	});

	it('shares only the ratings of competences on the list', () => {
		expect(ratingsOnList({ coaching: 4, mentoring: 2, rhetoric: 3, facilitation: 5 }, list)).toEqual({
			coaching: 4,
			facilitation: 5
		});
		expect(ratingsOnList({ mentoring: 2 }, list)).toEqual({});
	});

	it('keeps the names given when rated, and reads assessments made before there were any', () => {
		const rated = assessment('a', '2026-01-15', { coaching: 3 }, { coaching: 'Coaching' });
		expect(v.parse(AssessmentSchema, JSON.parse(JSON.stringify(rated)))).toEqual(rated);
		const old = v.parse(AssessmentSchema, { id: 'o', date: '2025-09-01', ratings: { rhetoric: 2 } });
		expect(old.names).toEqual({});
	});

	it('gives coordinators the cohort by the list: its names, the unrated too, the removed marked', () => {
		const rows = cohortRows(list, {
			facilitation: { mean: 2.5, count: 6 },
			coaching: { mean: 4, count: 5 },
			mentoring: { mean: 3, count: 2 }
		});
		expect(rows.slice(0, 4)).toEqual([
			{ id: 'coaching', name: 'Coaching', listed: true, mean: 4, count: 5 },
			{ id: 'mentoring', name: 'Mentorskap', listed: false, mean: 3, count: 2 },
			{ id: 'facilitation', name: '', listed: true, mean: 2.5, count: 6 },
			{ id: 'leader-role', name: '', listed: true, mean: null, count: 0 }
		]);
		expect(rows).toHaveLength(listedCompetences(list).length + 1);
		expect(rows.map((r) => r.id)).not.toContain('rhetoric');
	});
});
