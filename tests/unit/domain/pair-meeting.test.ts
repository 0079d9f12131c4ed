import ICAL from 'ical.js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { invalidFields } from '$domain/form';
import { meetingStart, type Meeting } from '$domain/meeting-log';
import { meetingsIcs, meetingUid } from '$domain/meeting-ics';
import { guideSuggestions } from '$domain/mentor-guides';
import { NoteIdSchema } from '$domain/note';
import { MeetingsReportSchema } from '$domain/pair';
import {
	addDays,
	DoneMarkSchema,
	groupSuggestions,
	HeldMarkSchema,
	meetingDateInNorway,
	meetingsFromSeries,
	meetingsReport,
	reflectionNoteId,
	reportDue,
	SeriesDraftSchema,
	seriesStarts,
	type SeriesDraft
} from '$domain/pair-meeting';
import type { RichDoc } from '$domain/rich-text';
import { utcToZoned } from '$domain/zoned-time';

const draft = (over: Partial<SeriesDraft> = {}): SeriesDraft => ({
	date: '2026-10-13',
	time: '18:00',
	duration: '90',
	place: 'Deichman Bjørvika',
	everyWeeks: '2',
	count: '4',
	...over
});

const meeting = (id: string, startsAt: string, over: Partial<Meeting> = {}): Meeting => ({
	id,
	startsAt,
	timeZone: 'Europe/Oslo',
	durationMinutes: 90,
	place: '',
	createdAt: '2026-09-01T10:00:00.000Z',
	createdBy: 'kari',
	...over
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('a series planned at once', () => {
	it('keeps 18:00 in Oslo across the end of summer time (the UTC hour moves)', () => {
		const planned = meetingsFromSeries(draft());
		expect(planned.map((m) => m.startsAt)).toEqual([
			'2026-10-13T18:00',
			'2026-10-27T18:00',
			'2026-11-10T18:00',
			'2026-11-24T18:00'
		]);
		const starts = planned.map((m) => meetingStart({ ...m, timeZone: 'Europe/Oslo' }));
		// Summer time ends on 25 October 2026: 16:00 UTC before, 17:00 UTC after.
		expect(starts.map(iso)).toEqual([
			'2026-10-13T16:00:00.000Z',
			'2026-10-27T17:00:00.000Z',
			'2026-11-10T17:00:00.000Z',
			'2026-11-24T17:00:00.000Z'
		]);
		for (const start of starts) expect(utcToZoned(start, 'Europe/Oslo').slice(11)).toBe('18:00');
		expect(planned.every((m) => m.durationMinutes === 90 && m.place === 'Deichman Bjørvika')).toBe(true);
	});

	it('keeps 18:00 in Oslo across the start of summer time, weekly', () => {
		const starts = seriesStarts('2027-03-16', '18:00', 1, 3).map((s) =>
			meetingStart({ startsAt: s, timeZone: 'Europe/Oslo' })
		);
		// Summer time starts on 28 March 2027.
		expect(starts.map(iso)).toEqual([
			'2027-03-16T17:00:00.000Z',
			'2027-03-23T17:00:00.000Z',
			'2027-03-30T16:00:00.000Z'
		]);
	});

	it('counts calendar days across months and years', () => {
		expect(addDays('2026-12-22', 14)).toBe('2027-01-05');
		expect(addDays('2028-02-22', 7)).toBe('2028-02-29');
		expect(seriesStarts('2026-01-05', '09:30', 8, 24)).toHaveLength(24);
		expect(seriesStarts('2026-01-05', '09:30', 8, 24).at(-1)).toBe('2029-07-16T09:30');
	});

	it('takes every 1–8 weeks and 1–24 meetings, and says which field is wrong', () => {
		expect(invalidFields(SeriesDraftSchema, draft())).toEqual(new Set());
		expect(invalidFields(SeriesDraftSchema, draft({ everyWeeks: '0' }))).toEqual(new Set(['everyWeeks']));
		expect(invalidFields(SeriesDraftSchema, draft({ everyWeeks: '9' }))).toEqual(new Set(['everyWeeks']));
		expect(invalidFields(SeriesDraftSchema, draft({ everyWeeks: '1.5' }))).toEqual(new Set(['everyWeeks']));
		expect(invalidFields(SeriesDraftSchema, draft({ count: '0' }))).toEqual(new Set(['count']));
		expect(invalidFields(SeriesDraftSchema, draft({ count: '25' }))).toEqual(new Set(['count']));
		expect(invalidFields(SeriesDraftSchema, draft({ count: '24', everyWeeks: '8' }))).toEqual(new Set());
		expect(invalidFields(SeriesDraftSchema, draft({ date: '2026-02-30', time: '25:00' }))).toEqual(
			new Set(['date', 'time'])
		);
		expect(() => meetingsFromSeries(draft({ count: 'ti' }))).toThrow(v.ValiError);
		expect(meetingsFromSeries(draft({ count: ' 1 ' }))).toHaveLength(1);
	});
});

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((c) => {
		const e = new ICAL.Event(c);
		return {
			uid: e.uid,
			summary: e.summary,
			start: e.startDate.toJSDate().toISOString(),
			end: e.endDate.toJSDate().toISOString()
		};
	});
}

describe('the whole plan as one .ics', () => {
	const plan = meetingsFromSeries(draft()).map((m, i) => ({ ...meeting(`m${i + 1}`, m.startsAt), ...m }));
	const ics = () =>
		meetingsIcs({
			scope: 'pair-p1',
			calendarName: 'Mentor: Per Hansen',
			title: 'Mentor: Per Hansen',
			meetings: plan,
			agenda: []
		});

	it('has a VEVENT per meeting with stable UIDs and UTC times, parsed back as planned', () => {
		const events = parse(ics());
		expect(events).toEqual([
			{
				uid: 'm1.pair-p1@lederlogg',
				summary: 'Mentor: Per Hansen',
				start: '2026-10-13T16:00:00.000Z',
				end: '2026-10-13T17:30:00.000Z'
			},
			{
				uid: 'm2.pair-p1@lederlogg',
				summary: 'Mentor: Per Hansen',
				start: '2026-10-27T17:00:00.000Z',
				end: '2026-10-27T18:30:00.000Z'
			},
			{
				uid: 'm3.pair-p1@lederlogg',
				summary: 'Mentor: Per Hansen',
				start: '2026-11-10T17:00:00.000Z',
				end: '2026-11-10T18:30:00.000Z'
			},
			{
				uid: 'm4.pair-p1@lederlogg',
				summary: 'Mentor: Per Hansen',
				start: '2026-11-24T17:00:00.000Z',
				end: '2026-11-24T18:30:00.000Z'
			}
		]);
		expect(ics()).toMatch(/DTSTART:20261027T170000Z/);
		// Exporting again gives the same UIDs (the calendar updates, never duplicates).
		expect(parse(ics()).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
		expect(meetingUid('pair-p1', 'm1')).toBe('m1.pair-p1@lederlogg');
	});

	it('has one meeting alone in its own file', () => {
		const one = parse(
			meetingsIcs({ scope: 'pair-p1', calendarName: 'x', title: 'x', meetings: [plan[1]], agenda: [] })
		);
		expect(one.map((e) => e.uid)).toEqual(['m2.pair-p1@lederlogg']);
	});
});

describe('held marks and done ticks', () => {
	it('are one record per meeting and per follow-up', () => {
		const held = {
			id: 'm1',
			meetingId: 'm1',
			held: true,
			markedBy: 'kari',
			markedAt: '2026-10-13T18:00:00.000Z'
		};
		expect(v.safeParse(HeldMarkSchema, held).success).toBe(true);
		expect(v.safeParse(HeldMarkSchema, { ...held, id: 'm2' }).success).toBe(false);
		const done = {
			id: 'a1',
			agreementId: 'a1',
			done: true,
			markedBy: 'per',
			markedAt: '2026-10-14T08:00:00.000Z'
		};
		expect(v.safeParse(DoneMarkSchema, done).success).toBe(true);
		expect(v.safeParse(DoneMarkSchema, { ...done, agreementId: 'a2' }).success).toBe(false);
	});
});

describe('the report to the coordinator', () => {
	it('is each meeting’s date in Norway and whether it was held, in date order, nothing else', () => {
		const meetings = [
			meeting('late', '2026-11-10T18:00', { place: 'Hemmelig sted', createdBy: 'per' }),
			meeting('first', '2026-10-13T18:00'),
			// Half past midnight in Oslo is still the evening before in UTC: the date is Norway's.
			meeting('night', '2026-10-20T00:30'),
			// Planned in New York at 20:00 on the 1st: in Oslo it is already the 2nd.
			meeting('ny', '2026-12-01T20:00', { timeZone: 'America/New_York' })
		];
		const report = meetingsReport(
			meetings,
			new Map([
				['first', true],
				['night', false]
			])
		);
		expect(report).toEqual({
			meetings: [
				{ date: '2026-10-13', held: true },
				{ date: '2026-10-20', held: false },
				{ date: '2026-11-10', held: false },
				{ date: '2026-12-02', held: false }
			]
		});
		expect(v.parse(MeetingsReportSchema, report)).toEqual(report);
		expect(JSON.stringify(report)).not.toMatch(/Hemmelig|per|kari|night|first/);
		expect(meetingDateInNorway(meeting('x', '2026-10-20T00:30'))).toBe('2026-10-20');
	});

	it('keeps the latest 200 of a longer plan', () => {
		const many = Array.from({ length: 210 }, (_, i) => meeting(`m${i}`, `${addDays('2026-01-01', i)}T18:00`));
		const report = meetingsReport(many, new Map());
		expect(report.meetings).toHaveLength(200);
		expect(report.meetings[0].date).toBe('2026-01-11');
	});

	it('is due when it changed or the server does not have it yet', () => {
		const a = { meetings: [{ date: '2026-10-13', held: false }] };
		const b = { meetings: [{ date: '2026-10-13', held: true }] };
		expect(reportDue(undefined, a)).toBe(true);
		expect(reportDue({ report: a, sent: false }, a)).toBe(true);
		expect(reportDue({ report: a, sent: true }, a)).toBe(false);
		expect(reportDue({ report: a, sent: true }, b)).toBe(true);
		expect(reportDue({ report: a, sent: true }, { meetings: [] })).toBe(true);
	});
});

describe('the agenda picker', () => {
	const topics: RichDoc = {
		type: 'doc',
		content: [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Første møte' }] },
			{
				type: 'bullet_list',
				content: [
					{
						type: 'list_item',
						content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Forventninger' }] }]
					},
					{
						type: 'list_item',
						content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Taushetsplikt' }] }]
					}
				]
			},
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ledelse' }] },
			{
				type: 'bullet_list',
				content: [
					{
						type: 'list_item',
						content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Å lede tidligere kolleger' }] }]
					}
				]
			}
		]
	};

	it('groups the suggestions by guide and heading, leaving out an empty guide', () => {
		const groups = groupSuggestions([
			{ guide: 'topics', suggestions: guideSuggestions('topics', topics) },
			{
				guide: 'questions',
				suggestions: guideSuggestions('questions', { type: 'doc', content: [{ type: 'paragraph' }] })
			}
		]);
		expect(groups).toEqual([
			{
				guide: 'topics',
				sections: [
					{
						heading: 'Første møte',
						items: [
							{ guide: 'topics', heading: 'Første møte', text: 'Forventninger' },
							{ guide: 'topics', heading: 'Første møte', text: 'Taushetsplikt' }
						]
					},
					{
						heading: 'Ledelse',
						items: [{ guide: 'topics', heading: 'Ledelse', text: 'Å lede tidligere kolleger' }]
					}
				]
			}
		]);
		expect(groupSuggestions([{ guide: 'questions', suggestions: [] }])).toEqual([]);
	});
});

describe('the reflection note’s id', () => {
	it('is the same for the same meeting on every device, and a valid note id', () => {
		const id = reflectionNoteId('pair-1', 'meeting-1');
		expect(reflectionNoteId('pair-1', 'meeting-1')).toBe(id);
		expect(reflectionNoteId('pair-1', 'meeting-2')).not.toBe(id);
		expect(reflectionNoteId('pair-2', 'meeting-1')).not.toBe(id);
		expect(v.safeParse(NoteIdSchema, id).success).toBe(true);
		expect(v.safeParse(NoteIdSchema, reflectionNoteId('x'.repeat(128), 'y'.repeat(64))).success).toBe(true);
	});
});
