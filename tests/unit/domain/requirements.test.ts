import { describe, expect, it } from 'vitest';
import { dueStatus, requirementsByDue } from '$domain/requirements';
import { zonedToUtc } from '$domain/zoned-time';

describe('work requirements by due date', () => {
	it('puts the soonest first, those without a date last, ties by title', () => {
		const sorted = requirementsByDue([
			{ title: 'Uten frist', due: '' },
			{ title: 'Skriftlig', due: '2019-12-06' },
			{ title: 'Kommentarer', due: '2019-11-15' },
			{ title: 'Blogg', due: '2019-11-15' }
		]);
		expect(sorted.map((r) => r.title)).toEqual(['Blogg', 'Kommentarer', 'Skriftlig', 'Uten frist']);
	});
});

describe('how far off a deadline is', () => {
	const at = (local: string) => zonedToUtc(local);

	it('counts Oslo calendar days to the due day', () => {
		expect(dueStatus('2019-11-15', at('2019-11-10T23:30'))).toEqual({ kind: 'days', days: 5 });
		expect(dueStatus('2019-11-15', at('2019-11-11T00:10'))).toEqual({ kind: 'days', days: 4 });
		expect(dueStatus('2019-11-15', at('2019-11-14T12:00'))).toEqual({ kind: 'days', days: 1 });
		// Across the end of summer time (27 October 2019) the count stays in whole days.
		expect(dueStatus('2019-10-30', at('2019-10-20T12:00'))).toEqual({ kind: 'days', days: 10 });
	});

	it('is due today until the end of the due day, Oslo time, then passed', () => {
		expect(dueStatus('2019-11-15', at('2019-11-15T00:00'))).toEqual({ kind: 'today' });
		expect(dueStatus('2019-11-15', at('2019-11-15T23:58'))).toEqual({ kind: 'today' });
		expect(dueStatus('2019-11-15', at('2019-11-16T00:01'))).toEqual({ kind: 'passed' });
		// 23:30 UTC on the 15th is already the 16th in Oslo.
		expect(dueStatus('2019-11-15', Date.UTC(2019, 10, 15, 23, 30))).toEqual({ kind: 'passed' });
		expect(dueStatus('', at('2019-11-15T12:00'))).toEqual({ kind: 'none' });
	});
});
