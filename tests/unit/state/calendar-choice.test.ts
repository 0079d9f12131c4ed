import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CalendarChoice } from '$state/calendar-choice.svelte';

/** sessionStorage as the browser has it, one per test. */
function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
}

const september = Date.UTC(2019, 8, 10, 12);

describe('the calendar choice', () => {
	beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
	afterEach(() => vi.unstubAllGlobals());

	it('starts with the list and this month (in Oslo)', () => {
		const choice = new CalendarChoice('p1', september);
		expect(choice.view).toBe('list');
		expect(choice.month).toBe('2019-09');
		// 23:30 UTC on 31 October is already November in Oslo.
		expect(new CalendarChoice('p1', Date.UTC(2019, 9, 31, 23, 30)).month).toBe('2019-11');
	});

	it('remembers the view and month for the session, per programme', () => {
		const choice = new CalendarChoice('p1', september);
		choice.show('month');
		choice.goTo('2019-12');
		const again = new CalendarChoice('p1', september);
		expect([again.view, again.month]).toEqual(['month', '2019-12']);
		const other = new CalendarChoice('p2', september);
		expect([other.view, other.month]).toEqual(['list', '2019-09']);
	});

	it('ignores a damaged entry', () => {
		sessionStorage.setItem('lederlogg:calendar:p1', '{"view":"week","month":"2019-13"}');
		expect(new CalendarChoice('p1', september).view).toBe('list');
		sessionStorage.setItem('lederlogg:calendar:p1', 'not json');
		expect(new CalendarChoice('p1', september).month).toBe('2019-09');
	});

	it('still works when the browser blocks storage', () => {
		const blocked = () => {
			throw new DOMException('blocked', 'SecurityError');
		};
		vi.stubGlobal('sessionStorage', { getItem: blocked, setItem: blocked });
		const choice = new CalendarChoice('p1', september);
		choice.show('month');
		expect(choice.view).toBe('month');
	});
});
