import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	commentProgress,
	countingComments,
	countdown,
	EventSchema,
	nextEvent,
	programmeTotals,
	ProgrammeSchema,
	upcomingRequirements,
	type Programme
} from '$domain/programme';
import { zonedToUtc } from '$domain/zoned-time';

/** Shaped like the Troms programme of 2019 (seeds/): fictional content. */
const programme: Programme = v.parse(ProgrammeSchema, {
	name: 'Lederutviklingsprogram for bibliotekledere 2019–2021',
	modules: [
		{ id: 'mod1', title: 'Biblioteket i samfunnet', credits: 10, period: 'Høsten 2019' },
		{ id: 'mod2', title: 'Lederrollen og styringsgrunnlag', credits: 10 },
		{ id: 'mod3', title: 'Ledelse gjennom utvikling og samarbeid', credits: 10 },
		{ id: 'mod4', title: 'Ledelse i offentlig sektor', credits: 10 }
	],
	events: [
		{
			id: 'ev-start',
			kind: 'seminar',
			title: 'Oppstartsseminar',
			start: '2019-09-03T09:00',
			end: '2019-09-05T15:00',
			place: 'Tromsø',
			moduleId: 'mod1',
			agenda: [{ id: 'ag1', start: '2019-09-03T09:00', title: 'Velkommen', speaker: 'Fylkesbiblioteket' }]
		},
		{
			id: 'ev-web1',
			kind: 'webinar',
			title: 'Halvdags webinar',
			start: '2019-10-30T09:00',
			end: '2019-10-30T12:30',
			videoLink: 'https://example.org/webinar'
		},
		{
			id: 'ev-exam',
			kind: 'exam',
			title: 'Hjemmeeksamen',
			start: '2019-12-03T09:00',
			end: '2019-12-06T14:00'
		}
	],
	lectures: [
		{
			id: 'lec1',
			title: 'Samfunnsoppdraget',
			durationMinutes: 10,
			moduleId: 'mod1',
			questions: [{ id: 'q1', text: 'Hva betyr samfunnsoppdraget for ditt bibliotek?' }]
		}
	],
	syllabus: [
		{
			id: 'syl1',
			title: 'Bibliotekets rolle',
			author: 'A. Forfatter',
			pages: 700,
			kind: 'set',
			moduleIds: ['mod1']
		},
		{ id: 'syl2', title: 'Egenvalgt', pages: 200, kind: 'self-chosen' }
	],
	requirements: [
		{
			id: 'req-blog',
			title: 'Blogginnlegg',
			kind: 'blog-post',
			targetCharacters: 2000,
			due: '2019-11-15',
			moduleId: 'mod1'
		},
		{
			id: 'req-essay',
			title: 'Skriftlig arbeid',
			kind: 'written-work',
			targetCharacters: 20000,
			due: '2019-12-06'
		},
		{ id: 'req-comments', title: 'Kommentarer til forelesningene', kind: 'comments', requiredComments: 5 }
	]
});

describe('programme document', () => {
	it('round-trips through the schema with defaults filled in', () => {
		expect(v.parse(ProgrammeSchema, programme)).toEqual(programme);
		expect(programme.events[2].timeZone).toBe('Europe/Oslo');
		expect(programme.events[2].agenda).toEqual([]);
	});

	it('refuses what a form must not save', () => {
		const event = {
			id: 'ev-x',
			kind: 'seminar',
			title: 'Samling',
			start: '2019-09-05T15:00',
			end: '2019-09-05T09:00'
		};
		expect(v.safeParse(EventSchema, event).issues?.[0].message).toBe('the end is before the start');
		expect(v.safeParse(EventSchema, event).issues?.[0].path?.map((p) => p.key)).toEqual(['end']);
		// A missing start is refused as such (the end check does not throw on it).
		expect(v.safeParse(EventSchema, { ...event, start: '' }).issues?.map((i) => i.message)).toEqual([
			'not a date and time'
		]);
		expect(v.safeParse(EventSchema, { ...event, end: '2019-09-06T09:00', kind: 'party' }).success).toBe(
			false
		);
		expect(
			v.safeParse(EventSchema, { ...event, end: '2019-09-06T09:00', videoLink: 'javascript:alert(1)' })
				.success
		).toBe(false);
		expect(v.safeParse(EventSchema, { ...event, end: '2019-09-06T09:00', title: '  ' }).success).toBe(false);
	});

	it('finds the next event and counts down to it', () => {
		const now = zonedToUtc('2019-10-01T12:00');
		const next = nextEvent(programme.events, now);
		expect(next?.event.id).toBe('ev-web1');
		// 21 wall-clock hours later on the clock, but summer time ends on 27 October: 22 real hours.
		expect(countdown(next!.startsAt, now)).toEqual({ days: 28, hours: 22, minutes: 0 });
		// During the seminar, the seminar itself is next (it has not ended).
		expect(nextEvent(programme.events, zonedToUtc('2019-09-04T10:00'))?.event.id).toBe('ev-start');
		expect(nextEvent(programme.events, zonedToUtc('2020-01-01T00:00'))).toBeNull();
	});

	it('lists what is due, soonest first, until the end of the due day', () => {
		const ids = (now: string) =>
			upcomingRequirements(programme.requirements, zonedToUtc(now)).map((r) => r.id);
		expect(ids('2019-11-01T08:00')).toEqual(['req-blog', 'req-essay']);
		expect(ids('2019-11-15T23:00')).toEqual(['req-blog', 'req-essay']);
		expect(ids('2019-11-16T00:01')).toEqual(['req-essay']);
	});

	it('adds up credits and syllabus pages, and comment progress', () => {
		expect(programmeTotals(programme)).toEqual({ credits: 40, setPages: 700, selfChosenPages: 200 });
		expect(commentProgress(programme.requirements[2], 3)).toEqual({ done: 3, required: 5, complete: false });
		expect(commentProgress(programme.requirements[2], 7)).toEqual({ done: 5, required: 5, complete: true });
	});

	it('counts only my comments on lectures of the requirement module', () => {
		const lectures = [
			{ id: 'l1', moduleId: 'm1' },
			{ id: 'l2', moduleId: 'm2' }
		];
		const comments = [
			{ authorId: 'kari', lectureId: 'l1' },
			{ authorId: 'kari', lectureId: 'l2' },
			{ authorId: 'ola', lectureId: 'l1' },
			{ authorId: 'kari', lectureId: 'l1' }
		];
		expect(countingComments({ moduleId: 'm1' }, lectures, comments, 'kari')).toBe(2);
		expect(countingComments({ moduleId: '' }, lectures, comments, 'kari')).toBe(3);
		expect(countingComments({ moduleId: 'm2' }, lectures, comments, 'ola')).toBe(0);
	});
});
