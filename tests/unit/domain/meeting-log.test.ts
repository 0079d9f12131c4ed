import ICAL from 'ical.js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { invalidFields } from '$domain/form';
import {
	agendaOf,
	agendaOrderAtEnd,
	agreementsOf,
	agreementWho,
	AgreementSchema,
	attendanceSummary,
	AttendanceSchema,
	draftOfMeeting,
	MeetingDraftSchema,
	meetingEnd,
	meetingFromDraft,
	MeetingSchema,
	moveAgendaItem,
	nextMeeting,
	placeLink,
	splitMeetings,
	type Agreement,
	type Attendance,
	type Meeting,
	type MeetingAgendaItem
} from '$domain/meeting-log';
import { meetingsIcs, meetingUid } from '$domain/meeting-ics';

const meeting = (over: Partial<Meeting>): Meeting => ({
	id: 'm1',
	startsAt: '2026-05-12T18:00',
	timeZone: 'Europe/Oslo',
	durationMinutes: 90,
	place: 'Bodø bibliotek, møterom 2',
	createdAt: '2026-04-01T10:00:00.000Z',
	createdBy: 'kari',
	...over
});

const item = (id: string, meetingId: string, order: number, text = id): MeetingAgendaItem => ({
	id,
	meetingId,
	text,
	order,
	addedBy: 'kari'
});

const utc = (iso: string) => Date.parse(iso);

describe('meeting records', () => {
	it('fills the zone and place, trims, and refuses what the log cannot hold', () => {
		const parsed = v.parse(MeetingSchema, {
			id: 'm1',
			startsAt: '2026-05-12T18:00',
			durationMinutes: 60,
			createdAt: '2026-04-01T10:00:00.000Z',
			createdBy: 'kari'
		});
		expect(parsed).toMatchObject({ timeZone: 'Europe/Oslo', place: '' });
		const bad = (over: Partial<Record<keyof Meeting, unknown>>) =>
			v.safeParse(MeetingSchema, { ...meeting({}), ...over }).success;
		expect(bad({})).toBe(true);
		expect(bad({ startsAt: '2026-02-30T18:00' })).toBe(false);
		expect(bad({ startsAt: '2026-05-12 18:00' })).toBe(false);
		expect(bad({ durationMinutes: 14 })).toBe(false);
		expect(bad({ durationMinutes: 601 })).toBe(false);
		expect(bad({ durationMinutes: 600 })).toBe(true);
		expect(bad({ durationMinutes: 30.5 })).toBe(false);
		expect(bad({ place: 'x'.repeat(201) })).toBe(false);
		expect(bad({ timeZone: 'Mars/Olympus' })).toBe(false);
		expect(bad({ createdAt: 'yesterday' })).toBe(false);
	});

	it('keeps attendance one record per person and meeting', () => {
		const ok: Attendance = { id: 'm1:kari', meetingId: 'm1', userId: 'kari', present: true };
		expect(v.safeParse(AttendanceSchema, ok).success).toBe(true);
		expect(v.safeParse(AttendanceSchema, { ...ok, id: 'm1:per' }).success).toBe(false);
	});

	it('takes an agreement with or without who and deadline', () => {
		const base = {
			id: 'a1',
			meetingId: 'm1',
			text: '  Les kapittel 3  ',
			addedBy: 'kari',
			createdAt: '2026-05-12T18:30:00.000Z'
		};
		expect(v.parse(AgreementSchema, base)).toMatchObject({ text: 'Les kapittel 3', who: '', due: '' });
		expect(v.safeParse(AgreementSchema, { ...base, due: '2026-06-01', who: 'per' }).success).toBe(true);
		expect(v.safeParse(AgreementSchema, { ...base, due: '2026-06-31' }).success).toBe(false);
		expect(v.safeParse(AgreementSchema, { ...base, text: 'x'.repeat(501) }).success).toBe(false);
		expect(v.safeParse(AgreementSchema, { ...base, text: '  ' }).success).toBe(false);
	});
});

describe('the meeting form', () => {
	it('turns the fields into a wall time, a length and a place', () => {
		expect(
			meetingFromDraft({ date: '2026-05-12', time: '18:00', duration: ' 90 ', place: ' Zoom ' })
		).toEqual({
			startsAt: '2026-05-12T18:00',
			durationMinutes: 90,
			place: 'Zoom'
		});
		expect(draftOfMeeting(meeting({}))).toEqual({
			date: '2026-05-12',
			time: '18:00',
			duration: '90',
			place: 'Bodø bibliotek, møterom 2'
		});
		expect(draftOfMeeting()).toEqual({ date: '', time: '', duration: '90', place: '' });
	});

	it('marks each refused field', () => {
		expect(
			invalidFields(MeetingDraftSchema, { date: '', time: '25:00', duration: '10', place: 'x'.repeat(201) })
		).toEqual(new Set(['date', 'time', 'duration', 'place']));
		expect(
			invalidFields(MeetingDraftSchema, { date: '2026-05-12', time: '9:00', duration: 'en time', place: '' })
		).toEqual(new Set(['time', 'duration']));
		expect(
			invalidFields(MeetingDraftSchema, { date: '2026-05-12', time: '09:00', duration: '600', place: '' })
		).toEqual(new Set());
	});
});

describe('next, upcoming and past', () => {
	const may = meeting({ id: 'may', startsAt: '2026-05-12T18:00', durationMinutes: 90 });
	const june = meeting({ id: 'june', startsAt: '2026-06-09T18:00' });
	const april = meeting({ id: 'april', startsAt: '2026-04-14T18:00' });
	const all = [june, april, may];

	it('ends a meeting by its length, from the wall time in its zone (summer time: UTC+2)', () => {
		expect(meetingEnd(may)).toBe(utc('2026-05-12T17:30:00Z'));
	});

	it('is the first meeting not yet ended, one going on now included', () => {
		expect(nextMeeting(all, utc('2026-05-01T00:00:00Z'))?.id).toBe('may');
		// 18:30 Oslo time on the day: going on.
		expect(nextMeeting(all, utc('2026-05-12T16:30:00Z'))?.id).toBe('may');
		// Ended at 19:30 Oslo time.
		expect(nextMeeting(all, utc('2026-05-12T17:30:00Z'))?.id).toBe('june');
		expect(nextMeeting(all, utc('2026-07-01T00:00:00Z'))).toBeNull();
		expect(nextMeeting([], 0)).toBeNull();
	});

	it('lists upcoming soonest first and past latest first', () => {
		const { upcoming, past } = splitMeetings(all, utc('2026-05-20T00:00:00Z'));
		expect(upcoming.map((m) => m.id)).toEqual(['june']);
		expect(past.map((m) => m.id)).toEqual(['may', 'april']);
		const twins = splitMeetings(
			[
				meeting({ id: 'b', createdAt: '2026-04-02T00:00:00.000Z' }),
				meeting({ id: 'a', createdAt: '2026-04-03T00:00:00.000Z' })
			],
			0
		);
		expect(twins.upcoming.map((m) => m.id)).toEqual(['b', 'a']);
	});
});

describe('the agenda', () => {
	const items = [item('c', 'm1', 3), item('a', 'm1', 1), item('x', 'm2', 1), item('b', 'm1', 2)];

	it('is one meeting’s items in order, and a new one goes last', () => {
		expect(agendaOf(items, 'm1').map((i) => i.id)).toEqual(['a', 'b', 'c']);
		expect(agendaOrderAtEnd(items, 'm1')).toBe(4);
		expect(agendaOrderAtEnd(items, 'm3')).toBe(1);
	});

	it('moves an item by trading places with its neighbour, never past an end', () => {
		expect(moveAgendaItem(items, 'b', -1)).toEqual([{ ...item('b', 'm1', 1) }, { ...item('a', 'm1', 2) }]);
		expect(moveAgendaItem(items, 'a', -1)).toEqual([]);
		expect(moveAgendaItem(items, 'c', 1)).toEqual([]);
		expect(moveAgendaItem(items, 'nope', 1)).toEqual([]);
		// Two added at once on two devices share an order: moving still swaps them.
		const twins = [item('p', 'm1', 1), item('q', 'm1', 1)];
		const moved = moveAgendaItem(twins, 'q', -1);
		expect(agendaOf([...moved], 'm1').map((i) => i.id)).toEqual(['q', 'p']);
	});
});

describe('attendance and agreements', () => {
	const marks: Attendance[] = [
		{ id: 'm1:kari', meetingId: 'm1', userId: 'kari', present: true },
		{ id: 'm1:per', meetingId: 'm1', userId: 'per', present: false },
		{ id: 'm1:sigrid', meetingId: 'm1', userId: 'sigrid', present: true },
		{ id: 'm1:gone', meetingId: 'm1', userId: 'gone', present: true },
		{ id: 'm2:ola', meetingId: 'm2', userId: 'ola', present: true }
	];

	it('counts the members marked present ("3 av 5 til stede")', () => {
		expect(attendanceSummary(marks, 'm1', ['kari', 'per', 'sigrid', 'ola', 'ingrid'])).toEqual({
			present: 2,
			total: 5
		});
		expect(attendanceSummary(marks, 'm3', ['kari'])).toEqual({ present: 0, total: 1 });
	});

	it('lists agreements as made and names who follows them up', () => {
		const agreement = (id: string, createdAt: string, who = ''): Agreement => ({
			id,
			meetingId: 'm1',
			text: id,
			who,
			due: '',
			addedBy: 'kari',
			createdAt
		});
		const list = [agreement('b', '2026-05-12T18:40:00.000Z'), agreement('a', '2026-05-12T18:30:00.000Z')];
		expect(agreementsOf(list, 'm1').map((a) => a.id)).toEqual(['a', 'b']);
		const members = [{ userId: 'per', name: 'Per Hansen' }];
		expect(agreementWho({ who: 'per' }, members)).toBe('Per Hansen');
		expect(agreementWho({ who: 'Biblioteksjefen' }, members)).toBe('Biblioteksjefen');
		expect(agreementWho({ who: '' }, members)).toBe('');
	});

	it('tells a web link from a place', () => {
		expect(placeLink('https://meet.example.no/kollokvie')).toBe('https://meet.example.no/kollokvie');
		expect(placeLink('Bodø bibliotek')).toBeNull();
		expect(placeLink('javascript:alert(1)')).toBeNull();
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
			end: e.endDate.toJSDate().toISOString(),
			location: e.location,
			description: e.description,
			url: c.getFirstPropertyValue('url')
		};
	});
}

describe('.ics of meetings', () => {
	const input = {
		scope: 'g1',
		calendarName: 'Lesesirkelen',
		title: 'Lesesirkelen: kollokviemøte',
		agenda: [
			item('a2', 'may', 2, 'Kapittel 4'),
			item('a1', 'may', 1, 'Runde rundt bordet'),
			item('x', 'jan', 1)
		]
	};

	it('writes each meeting with a stable UID, UTC start and end, place and agenda', () => {
		const events = parse(
			meetingsIcs({
				...input,
				meetings: [
					meeting({ id: 'may', startsAt: '2026-05-12T18:00', durationMinutes: 90 }),
					meeting({
						id: 'jan',
						startsAt: '2027-01-12T18:00',
						durationMinutes: 60,
						place: 'https://meet.example.no/k'
					})
				]
			})
		);
		expect(events).toEqual([
			{
				uid: 'may.g1@lederlogg',
				summary: 'Lesesirkelen: kollokviemøte',
				start: '2026-05-12T16:00:00.000Z',
				end: '2026-05-12T17:30:00.000Z',
				location: 'Bodø bibliotek, møterom 2',
				description: '1. Runde rundt bordet\n2. Kapittel 4',
				url: null
			},
			{
				uid: 'jan.g1@lederlogg',
				summary: 'Lesesirkelen: kollokviemøte',
				start: '2027-01-12T17:00:00.000Z',
				end: '2027-01-12T18:00:00.000Z',
				location: 'https://meet.example.no/k',
				description: '1. x',
				url: 'https://meet.example.no/k'
			}
		]);
		expect(meetingUid('g1', 'may')).toBe('may.g1@lederlogg');
	});

	it('writes DTSTART and DTEND in UTC', () => {
		const text = meetingsIcs({ ...input, meetings: [meeting({ id: 'may' })] });
		expect(text).toContain('UID:may.g1@lederlogg');
		expect(text).toMatch(/DTSTART:20260512T160000Z/);
		expect(text).toMatch(/DTEND:20260512T173000Z/);
	});
});
