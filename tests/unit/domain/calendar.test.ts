import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid, icsFileName, programmeIcs } from '$domain/calendar';
import type { ProgrammeEvent } from '$domain/programme';

const event = (over: Partial<ProgrammeEvent>): ProgrammeEvent => ({
	id: 'oppstart',
	kind: 'seminar',
	title: 'Oppstartsseminar',
	start: '2019-09-03T09:00',
	end: '2019-09-05T15:00',
	timeZone: 'Europe/Oslo',
	place: 'Tromsø',
	videoLink: '',
	description: 'Obligatorisk.',
	moduleId: '',
	agenda: [{ id: 'a1', start: '2019-09-03T09:00', title: 'Velkommen', speaker: 'Koordinatoren', room: '' }],
	...over
});

const programme = {
	name: 'Lederutvikling i Troms',
	events: [
		event({}),
		event({
			id: 'eksamen',
			kind: 'exam',
			title: 'Hjemmeeksamen',
			start: '2019-12-03T09:00',
			end: '2019-12-06T14:00',
			place: '',
			agenda: []
		})
	]
};

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((c) => {
		const e = new ICAL.Event(c);
		return {
			uid: e.uid,
			summary: e.summary,
			start: e.startDate.toJSDate().toISOString(),
			end: e.endDate.toJSDate().toISOString(),
			location: e.location,
			description: e.description
		};
	});
}

describe('.ics export', () => {
	it('writes every event with the right instants across summer and winter time', () => {
		const events = parse(programmeIcs('p1', programme));
		expect(events).toEqual([
			{
				uid: 'oppstart.p1@lederlogg',
				summary: 'Oppstartsseminar',
				start: '2019-09-03T07:00:00.000Z',
				end: '2019-09-05T13:00:00.000Z',
				location: 'Tromsø',
				description: 'Obligatorisk.\n\n09:00 Velkommen (Koordinatoren)'
			},
			{
				uid: 'eksamen.p1@lederlogg',
				summary: 'Hjemmeeksamen',
				start: '2019-12-03T08:00:00.000Z',
				end: '2019-12-06T13:00:00.000Z',
				location: null,
				description: 'Obligatorisk.'
			}
		]);
	});

	it('exports one event alone, with the same stable UID', () => {
		const events = parse(programmeIcs('p1', programme, ['eksamen']));
		expect(events.map((e) => e.uid)).toEqual([eventUid('p1', 'eksamen')]);
		expect(programmeIcs('p1', programme, ['eksamen'])).toContain('UID:eksamen.p1@lederlogg');
	});

	it('makes tidy file names', () => {
		expect(icsFileName('Oppstartsseminar i Tromsø – dag 1')).toBe('oppstartsseminar-i-tromso-dag-1.ics');
		expect(icsFileName('Lærerik økt')).toBe('laererik-okt.ics');
		expect(icsFileName('!!!')).toBe('kalender.ics');
	});
});
