import { describe, expect, it } from 'vitest';
import { isLocalDateTime, utcToZoned, zonedToUtc, zoneOffsetMinutes } from '$domain/zoned-time';

describe('wall times in Europe/Oslo', () => {
	it('knows summer and winter time', () => {
		expect(zoneOffsetMinutes(Date.UTC(2019, 8, 3, 7), 'Europe/Oslo')).toBe(120);
		expect(zoneOffsetMinutes(Date.UTC(2019, 11, 3, 7), 'Europe/Oslo')).toBe(60);
	});

	it('turns the start-up seminar into the right instant, whatever zone the device is in', () => {
		expect(new Date(zonedToUtc('2019-09-03T09:00')).toISOString()).toBe('2019-09-03T07:00:00.000Z');
		expect(new Date(zonedToUtc('2019-12-03T09:00')).toISOString()).toBe('2019-12-03T08:00:00.000Z');
		expect(new Date(zonedToUtc('2019-12-03T09:00', 'America/New_York')).toISOString()).toBe(
			'2019-12-03T14:00:00.000Z'
		);
	});

	it('handles the hours around the daylight-saving changes', () => {
		// Spring: 02:00–03:00 does not exist on 31 March 2019; 01:59 is winter time, 03:00 summer time.
		expect(new Date(zonedToUtc('2019-03-31T01:59')).toISOString()).toBe('2019-03-31T00:59:00.000Z');
		expect(new Date(zonedToUtc('2019-03-31T03:00')).toISOString()).toBe('2019-03-31T01:00:00.000Z');
		// Autumn: 02:30 happens twice on 27 October 2019; the earlier (summer time) one is taken.
		expect(new Date(zonedToUtc('2019-10-27T02:30')).toISOString()).toBe('2019-10-27T00:30:00.000Z');
		expect(new Date(zonedToUtc('2019-10-27T03:30')).toISOString()).toBe('2019-10-27T02:30:00.000Z');
	});

	it('round-trips', () => {
		for (const local of ['2019-09-03T09:00', '2020-01-15T23:59', '2021-06-30T00:00']) {
			expect(utcToZoned(zonedToUtc(local))).toBe(local);
		}
	});

	it('rejects impossible wall times', () => {
		expect(isLocalDateTime('2019-09-03T09:00')).toBe(true);
		expect(isLocalDateTime('2019-02-30T09:00')).toBe(false);
		expect(isLocalDateTime('2019-09-03T24:00')).toBe(false);
		expect(isLocalDateTime('3. september')).toBe(false);
		expect(() => zonedToUtc('soon')).toThrow(RangeError);
	});
});
