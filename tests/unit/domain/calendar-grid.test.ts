import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	CalendarChoiceSchema,
	eventDates,
	eventsByDay,
	eventsInMonth,
	eventStatus,
	groupByDay,
	groupByMonth,
	isoWeek,
	monthWeeks,
	timed,
	todayIn,
	weekdayIndex
} from '$domain/calendar-grid';
import { zonedToUtc } from '$domain/zoned-time';

const event = (id: string, start: string, end: string) => ({
	id,
	title: id,
	start,
	end,
	timeZone: 'Europe/Oslo' as const
});

// The device's own zone must not matter: run the maths as if on a laptop in New Zealand.
const deviceZone = process.env.TZ;
beforeAll(() => {
	process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
	if (deviceZone === undefined) delete process.env.TZ;
	else process.env.TZ = deviceZone;
});

describe('the weeks of a month', () => {
	it('starts on Monday and fills the first and last week from the next and previous months', () => {
		const weeks = monthWeeks('2019-09'); // 1 September 2019 is a Sunday
		expect(weeks).toHaveLength(6);
		expect(weeks[0].days.map((d) => d.date)).toEqual([
			'2019-08-26',
			'2019-08-27',
			'2019-08-28',
			'2019-08-29',
			'2019-08-30',
			'2019-08-31',
			'2019-09-01'
		]);
		expect(weeks[0].days.map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true]);
		expect(weeks[5].days[0]).toEqual({ date: '2019-09-30', inMonth: true });
		expect(weeks[5].days[6]).toEqual({ date: '2019-10-06', inMonth: false });
		expect(weeks.map((w) => w.week)).toEqual([35, 36, 37, 38, 39, 40]);
	});

	it('has four weeks for a February that starts on a Monday, and knows leap years', () => {
		const feb2021 = monthWeeks('2021-02');
		expect(feb2021).toHaveLength(4);
		expect(feb2021.flatMap((w) => w.days).every((d) => d.inMonth)).toBe(true);
		const feb2020 = monthWeeks('2020-02').flatMap((w) => w.days.filter((d) => d.inMonth));
		expect(feb2020.at(-1)?.date).toBe('2020-02-29');
	});

	it('keeps every day once across the daylight-saving changes', () => {
		// Summer time starts on Sunday 31 March 2019 and ends on Sunday 27 October 2019.
		for (const month of ['2019-03', '2019-10']) {
			const days = monthWeeks(month).flatMap((w) => w.days);
			const inMonth = days.filter((d) => d.inMonth).map((d) => d.date);
			expect(inMonth).toHaveLength(31);
			expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
			for (const week of monthWeeks(month)) expect(weekdayIndex(week.days[0].date)).toBe(0);
		}
		expect(monthWeeks('2019-03').at(-1)?.days.at(-1)).toEqual({ date: '2019-03-31', inMonth: true });
		expect(monthWeeks('2019-10')[3].days.at(-1)?.date).toBe('2019-10-27');
	});

	it('numbers weeks as in Norway, across the turn of the year', () => {
		expect(isoWeek('2019-09-03')).toBe(36);
		expect(isoWeek('2019-12-30')).toBe(1); // belongs to 2020's week 1
		expect(isoWeek('2021-01-03')).toBe(53); // still 2020's week 53
		expect(isoWeek('2021-01-04')).toBe(1);
		expect(monthWeeks('2021-01')[0].week).toBe(53);
	});

	it('steps months and days across year ends', () => {
		expect(addMonths('2019-12', 1)).toBe('2020-01');
		expect(addMonths('2020-01', -1)).toBe('2019-12');
		expect(addMonths('2019-09', -21)).toBe('2017-12');
		expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
		expect(addDays('2019-03-31', -1)).toBe('2019-03-30');
	});

	it("takes today's date in Oslo, not in the device's zone", () => {
		// 22:30 UTC on 30 September is already 1 October in Oslo (summer time, UTC+2).
		expect(todayIn(Date.UTC(2019, 8, 30, 22, 30))).toBe('2019-10-01');
		expect(todayIn(Date.UTC(2019, 8, 30, 21, 30))).toBe('2019-09-30');
		// In winter Oslo is UTC+1.
		expect(todayIn(Date.UTC(2019, 11, 31, 22, 30))).toBe('2019-12-31');
		expect(todayIn(Date.UTC(2019, 11, 31, 23, 30))).toBe('2020-01-01');
	});
});

describe('events on days', () => {
	const seminar = event('seminar', '2019-09-03T09:00', '2019-09-05T15:00');
	const webinar = event('webinar', '2019-09-03T08:00', '2019-09-03T12:00');

	it('puts a multi-day event on each of its days, knowing which day of how many', () => {
		const byDay = eventsByDay([seminar, webinar], '2019-08-26', '2019-10-06');
		expect(byDay.get('2019-09-03')?.map((e) => [e.event.id, e.day, e.days])).toEqual([
			['webinar', 1, 1],
			['seminar', 1, 3]
		]);
		expect(byDay.get('2019-09-04')?.map((e) => [e.event.id, e.day, e.days])).toEqual([['seminar', 2, 3]]);
		expect(byDay.get('2019-09-05')?.map((e) => [e.event.id, e.day, e.days])).toEqual([['seminar', 3, 3]]);
		expect(byDay.has('2019-09-06')).toBe(false);
		expect([...byDay.keys()].sort()).toEqual(['2019-09-03', '2019-09-04', '2019-09-05']);
	});

	it('cuts an event at the edges of the grid but keeps its day numbers', () => {
		const exam = event('exam', '2019-09-29T09:00', '2019-10-02T14:00');
		const september = eventsByDay([exam], '2019-08-26', '2019-09-30');
		expect([...september.keys()]).toEqual(['2019-09-29', '2019-09-30']);
		const october = eventsByDay([exam], '2019-09-30', '2019-11-03');
		expect([...october.entries()].map(([date, [e]]) => [date, e.day, e.days])).toEqual([
			['2019-09-30', 2, 4],
			['2019-10-01', 3, 4],
			['2019-10-02', 4, 4]
		]);
		expect(eventsByDay([exam], '2019-11-01', '2019-11-30').size).toBe(0);
	});

	it('counts the calendar days of an event over the daylight-saving changes', () => {
		// 27 October 2019 has 25 hours, 31 March 2019 has 23: still one day each.
		const autumn = event('autumn', '2019-10-26T09:00', '2019-10-28T15:00');
		expect([...eventsByDay([autumn], '2019-10-01', '2019-10-31').keys()]).toEqual([
			'2019-10-26',
			'2019-10-27',
			'2019-10-28'
		]);
		const spring = event('spring', '2019-03-30T22:00', '2019-03-31T03:30');
		expect(
			[...eventsByDay([spring], '2019-03-01', '2019-04-07').values()].map(([e]) => [e.day, e.days])
		).toEqual([
			[1, 2],
			[2, 2]
		]);
	});

	it('does not put an event that ends at midnight on the next day', () => {
		expect(eventDates(event('a', '2019-09-03T09:00', '2019-09-06T00:00'))).toEqual({
			first: '2019-09-03',
			last: '2019-09-05'
		});
		expect(eventDates(event('b', '2019-09-03T00:00', '2019-09-03T00:00'))).toEqual({
			first: '2019-09-03',
			last: '2019-09-03'
		});
		expect(eventDates(event('c', '2019-09-03T23:00', '2019-09-04T00:30'))).toEqual({
			first: '2019-09-03',
			last: '2019-09-04'
		});
	});

	it('handles fifty events quickly', () => {
		const many = Array.from({ length: 50 }, (_, i) => {
			const day = addDays('2019-09-01', i * 7);
			return event(`e${i}`, `${day}T09:00`, `${addDays(day, i % 3)}T15:00`);
		});
		const started = performance.now();
		for (let month = '2019-09'; month <= '2020-08'; month = addMonths(month, 1)) {
			const weeks = monthWeeks(month);
			eventsByDay(many, weeks[0].days[0].date, weeks.at(-1)!.days[6].date);
		}
		expect(performance.now() - started).toBeLessThan(200);
		const all = eventsByDay(many, '2019-01-01', '2021-12-31');
		expect([...all.values()].flat()).toHaveLength(50 + 17 * 1 + 16 * 2); // one more day for i % 3 = 1 (17 of them), two for 2 (16)
	});
});

describe('grouping', () => {
	it('groups events by the month they start in, in order, also across a year end', () => {
		const groups = groupByMonth([
			event('january', '2020-01-14T09:00', '2020-01-14T12:00'),
			event('late-sept', '2019-09-30T09:00', '2019-10-02T12:00'),
			event('early-sept', '2019-09-03T09:00', '2019-09-05T15:00'),
			event('december', '2019-12-01T09:00', '2019-12-01T12:00')
		]);
		expect(groups.map((g) => [g.month, g.events.map((e) => e.id)])).toEqual([
			['2019-09', ['early-sept', 'late-sept']],
			['2019-12', ['december']],
			['2020-01', ['january']]
		]);
		expect(groupByMonth([])).toEqual([]);
	});

	it('lists the events taking place in a month, also those starting before it or ending after it', () => {
		const events = [
			event('november', '2019-11-04T09:00', '2019-11-04T12:00'),
			event('across', '2019-09-29T09:00', '2019-11-02T12:00'),
			event('october', '2019-10-14T09:00', '2019-10-14T12:00'),
			event('midnight', '2019-09-30T20:00', '2019-10-01T00:00')
		];
		expect(eventsInMonth(events, '2019-10').map((e) => e.id)).toEqual(['across', 'october']);
		expect(eventsInMonth(events, '2019-09').map((e) => e.id)).toEqual(['across', 'midnight']);
		expect(eventsInMonth(events, '2019-12')).toEqual([]);
	});

	it("groups a seminar's agenda by day, in order of time", () => {
		const days = groupByDay([
			{ id: 'c', start: '2019-09-04T09:00' },
			{ id: 'b', start: '2019-09-03T10:30' },
			{ id: 'a', start: '2019-09-03T09:00' }
		]);
		expect(days.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([
			['2019-09-03', ['a', 'b']],
			['2019-09-04', ['c']]
		]);
	});
});

describe('event status', () => {
	const seminar = timed(event('seminar', '2019-09-03T09:00', '2019-09-05T15:00'));
	it('works out the instants in Oslo time, once', () => {
		expect(new Date(seminar.startsAt).toISOString()).toBe('2019-09-03T07:00:00.000Z');
		expect(new Date(seminar.endsAt).toISOString()).toBe('2019-09-05T13:00:00.000Z');
		expect(seminar.event.id).toBe('seminar');
	});

	it('is upcoming before the start, ongoing until the end and past after it', () => {
		expect(eventStatus(seminar, Date.UTC(2019, 8, 3, 6, 59))).toBe('upcoming');
		expect(eventStatus(seminar, zonedToUtc('2019-09-03T09:00'))).toBe('ongoing');
		expect(eventStatus(seminar, Date.UTC(2019, 8, 5, 13, 0))).toBe('ongoing');
		expect(eventStatus(seminar, Date.UTC(2019, 8, 5, 13, 1))).toBe('past');
	});
});

describe('the remembered choice', () => {
	it('accepts a view and a month, and nothing else', () => {
		expect(v.is(CalendarChoiceSchema, { view: 'month', month: '2019-09' })).toBe(true);
		expect(v.is(CalendarChoiceSchema, { view: 'list' })).toBe(true);
		expect(v.is(CalendarChoiceSchema, { view: 'week' })).toBe(false);
		expect(v.is(CalendarChoiceSchema, { view: 'month', month: '2019-13' })).toBe(false);
	});
});
