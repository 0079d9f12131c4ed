import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { invalidFields } from '$domain/form';
import {
	AssessmentSchema,
	assessmentsInOrder,
	COMPETENCES,
	competenceChanges,
	type Assessment
} from '$domain/competence';
import nb from '$i18n/catalogues/nb';

const assessment = (id: string, date: string, ratings: Record<string, number>, createdAt = 0): Assessment =>
	v.parse(AssessmentSchema, { id, date, ratings, createdAt });

describe('competence self-assessment schema', () => {
	it('has the fifteen default competences, each with a stable id and a bokmål name', () => {
		expect(COMPETENCES).toHaveLength(15);
		expect(new Set(COMPETENCES).size).toBe(15);
		for (const id of COMPETENCES) expect(nb[`competence.name.${id}`]).toBeTruthy();
		expect(nb['competence.name.design-thinking']).toBe('Designtenkning');
	});

	it('round-trips an assessment and keeps ratings of competences it does not know', () => {
		const input = {
			id: 'a1',
			date: '2026-01-15',
			ratings: { facilitation: 2, 'from-coordinator': 4 },
			note: ' Start '
		};
		const parsed = v.parse(AssessmentSchema, input);
		expect(parsed).toEqual({ ...input, note: 'Start', names: {}, createdAt: 0 });
		expect(v.parse(AssessmentSchema, JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
	});

	it('refuses ratings outside 1–5, no ratings at all, and a bad date', () => {
		const base = { id: 'a1', date: '2026-01-15', note: '' };
		expect(invalidFields(AssessmentSchema, { ...base, ratings: {} })).toEqual(new Set(['ratings']));
		expect(invalidFields(AssessmentSchema, { ...base, ratings: { rhetoric: 0 } })).toEqual(
			new Set(['ratings'])
		);
		expect(invalidFields(AssessmentSchema, { ...base, ratings: { rhetoric: 6 } })).toEqual(
			new Set(['ratings'])
		);
		expect(invalidFields(AssessmentSchema, { ...base, ratings: { rhetoric: 2.5 } })).toEqual(
			new Set(['ratings'])
		);
		expect(
			invalidFields(AssessmentSchema, { ...base, date: '2026-13-01', ratings: { rhetoric: 3 } })
		).toEqual(new Set(['date']));
		expect(invalidFields(AssessmentSchema, { ...base, ratings: { rhetoric: 5 } }).size).toBe(0);
	});
});

describe('change per competence', () => {
	it('compares the first and latest rating of each competence, whatever order the records come in', () => {
		const later = assessment('b', '2026-06-01', { facilitation: 4, rhetoric: 2, didactics: 3 });
		const first = assessment('a', '2026-01-15', { facilitation: 2, rhetoric: 3, didactics: 3 });
		const changes = competenceChanges(
			[later, first],
			['facilitation', 'rhetoric', 'didactics', 'networking']
		);
		expect(changes).toEqual([
			{
				id: 'facilitation',
				first: { rating: 2, date: '2026-01-15' },
				latest: { rating: 4, date: '2026-06-01' },
				change: 2,
				times: 2
			},
			{
				id: 'rhetoric',
				first: { rating: 3, date: '2026-01-15' },
				latest: { rating: 2, date: '2026-06-01' },
				change: -1,
				times: 2
			},
			{
				id: 'didactics',
				first: { rating: 3, date: '2026-01-15' },
				latest: { rating: 3, date: '2026-06-01' },
				change: 0,
				times: 2
			},
			{ id: 'networking', first: null, latest: null, change: null, times: 0 }
		]);
	});

	it('has no change until a competence is rated twice, and skips assessments that left it out', () => {
		const changes = competenceChanges(
			[
				assessment('a', '2026-01-15', { facilitation: 2 }),
				assessment('b', '2026-03-01', { rhetoric: 4 }),
				assessment('c', '2026-06-01', { rhetoric: 5 })
			],
			['facilitation', 'rhetoric']
		);
		expect(changes[0]).toMatchObject({ first: { rating: 2 }, latest: { rating: 2 }, change: null, times: 1 });
		expect(changes[1]).toMatchObject({
			first: { rating: 4, date: '2026-03-01' },
			latest: { rating: 5, date: '2026-06-01' },
			change: 1
		});
	});

	it('orders two assessments of the same day by when they were made', () => {
		const morning = assessment('z', '2026-06-01', { rhetoric: 1 }, 100);
		const evening = assessment('a', '2026-06-01', { rhetoric: 3 }, 200);
		expect(assessmentsInOrder([evening, morning]).map((a) => a.id)).toEqual(['z', 'a']);
		expect(competenceChanges([evening, morning], ['rhetoric'])[0].change).toBe(2);
	});
});
