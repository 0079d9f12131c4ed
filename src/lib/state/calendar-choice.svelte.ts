/**
 * The calendar's view (agenda list or month grid) and the month shown, remembered per programme
 * for the browser session (sessionStorage): back from an event page, the calendar is as it was.
 */
import * as v from 'valibot';
import {
	CalendarChoiceSchema,
	monthOf,
	todayIn,
	type CalendarView,
	type MonthKey
} from '$domain/calendar-grid';

const storageKey = (programmeId: string) => `lederlogg:calendar:${programmeId}`;

export class CalendarChoice {
	#view = $state<CalendarView>('list');
	#month = $state<MonthKey>('');

	/** Starts from what was chosen earlier in this session, else the list and this month. */
	constructor(
		readonly programmeId: string,
		now = Date.now()
	) {
		const saved = read(storageKey(programmeId));
		this.#view = saved?.view ?? 'list';
		this.#month = saved?.month ?? monthOf(todayIn(now));
	}

	get view(): CalendarView {
		return this.#view;
	}
	get month(): MonthKey {
		return this.#month;
	}

	show(view: CalendarView): void {
		this.#view = view;
		this.#save();
	}

	goTo(month: MonthKey): void {
		this.#month = month;
		this.#save();
	}

	#save(): void {
		try {
			sessionStorage.setItem(
				storageKey(this.programmeId),
				JSON.stringify({ view: this.#view, month: this.#month })
			);
		} catch {
			// Storage blocked or full: the choice lasts for this page only, which is fine.
		}
	}
}

function read(key: string) {
	try {
		const raw = sessionStorage.getItem(key);
		const parsed = v.safeParse(CalendarChoiceSchema, raw ? JSON.parse(raw) : null);
		return parsed.success ? parsed.output : null;
	} catch {
		return null; // storage blocked, or not JSON: start afresh
	}
}
