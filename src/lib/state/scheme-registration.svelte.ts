/**
 * Registering for a mentor scheme, one programme at a time: the registration window, my
 * registrations (one per side: I may be a mentee and a mentor in the same scheme, and take part in
 * several schemes), the two forms with their per-field errors, and the coordinators' period.
 *
 * Registrations live on the server, so sending needs a connection. What I type is kept on the
 * device as I type (settings `mentorSchemes`), so a form filled on the ferry survives a reload and
 * waits, saying it needs a connection, until I send it. The window and my registrations as last
 * fetched show offline too.
 */
import * as v from 'valibot';
import { schemeApi } from '$lib/api/scheme';
import type { ApiResult } from '$lib/api/client';
import {
	isOpenOn,
	RegistrationPeriodSchema,
	SIDES,
	type Registration,
	type RegistrationPeriod,
	type RegistrationWindow,
	type Side
} from '$domain/mentor-registration';
import {
	emptyForm,
	formOf,
	registrationDetails,
	registrationErrors,
	type MenteeForm,
	type MentorForm,
	type RegistrationErrors,
	type SchemeOnDevice
} from '$domain/registration-form';
import { utcToZoned } from '$domain/zoned-time';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { myProgrammes } from './programmes.svelte';

export type RegistrationProblem = 'offline' | 'closed' | 'forbidden' | 'failed';
export type PeriodProblem = RegistrationProblem | 'invalid';

/** Whether the programme is a mentor scheme (as the server last said). */
export const isMentorScheme = (programmeId: string): boolean =>
	myProgrammes.items.find((p) => p.id === programmeId)?.kind === 'mentor-scheme';

/** The programme's name as the server last said (a scheme's document carries no name). */
export const programmeName = (programmeId: string): string =>
	myProgrammes.items.find((p) => p.id === programmeId)?.name ?? '';

/** Today's date in Norway ("2026-09-01"): the period is in Norwegian calendar days. */
export const osloToday = (now = Date.now()) => utcToZoned(now).slice(0, 10);

const DRAFT_DELAY_MS = 300;

// One writer for the stored schemes, so two quick changes never overwrite each other.
let writes: Promise<void> = Promise.resolve();
function updateStored(programmeId: string, change: (entry: SchemeOnDevice) => SchemeOnDevice): Promise<void> {
	writes = writes
		.catch(() => {})
		.then(async () => {
			const all = (await loadSettings()).mentorSchemes ?? {};
			const entry = all[programmeId] ?? { window: null, mine: [], drafts: {} };
			await saveSetting('mentorSchemes', { ...all, [programmeId]: change(entry) });
		});
	return writes;
}

type Forms = { mentee: MenteeForm; mentor: MentorForm };
type PerSide<T> = Record<Side, T>;

export class SchemeRegistration {
	/** The two forms as typed; the UI binds to their fields and calls `changed(side)` on input. */
	forms = $state<Forms>({ mentee: emptyForm('mentee'), mentor: emptyForm('mentor') });
	#window = $state.raw<RegistrationWindow | null>(null);
	#mine = $state.raw<Registration[]>([]);
	#drafts = $state<PerSide<boolean>>({ mentee: false, mentor: false });
	#errors = $state<PerSide<RegistrationErrors>>({ mentee: {}, mentor: {} });
	#problems = $state<PerSide<RegistrationProblem | null>>({ mentee: null, mentor: null });
	#sending = $state<PerSide<boolean>>({ mentee: false, mentor: false });
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#loaded = $state(false);
	#attempted: PerSide<boolean> = { mentee: false, mentor: false };
	#timers: Partial<PerSide<ReturnType<typeof setTimeout>>> = {};

	constructor(readonly programmeId: string) {}

	get loaded() {
		return this.#loaded;
	}
	get online() {
		return this.#online;
	}
	/** The period as last known (null: not known on this device yet). */
	get window() {
		return this.#window;
	}
	/** Whether registration is open today (the server's word, or the period read on the device). */
	get isOpen(): boolean | null {
		const window = this.#window;
		if (!window) return null;
		return this.#online ? window.open : isOpenOn(window, osloToday());
	}
	mine(side: Side): Registration | null {
		return this.#mine.find((r) => r.details.side === side) ?? null;
	}
	/** What I typed in this side's form and have not sent is kept on the device. */
	hasDraft(side: Side): boolean {
		return this.#drafts[side];
	}
	errors(side: Side): RegistrationErrors {
		return this.#errors[side];
	}
	problem(side: Side): RegistrationProblem | null {
		return this.#problems[side];
	}
	sending(side: Side): boolean {
		return this.#sending[side];
	}

	/** Shows the device's copy at once, then the server's when online. Returns the stop function. */
	watch(): () => void {
		const update = () => {
			this.#online = navigator.onLine;
			if (this.#online) void this.load().catch((e) => handleError(e, 'loading the registration'));
		};
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		void this.load().catch((e) => handleError(e, 'loading the registration'));
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
			void this.flush();
		};
	}

	async load(): Promise<void> {
		if (!this.#loaded) {
			const stored = (await loadSettings()).mentorSchemes?.[this.programmeId];
			if (stored) {
				this.#window = stored.window;
				this.#mine = stored.mine;
				for (const side of SIDES) {
					const draft = stored.drafts[side];
					if (draft) this.forms[side] = draft as never;
					this.#drafts[side] = !!draft;
				}
			}
			this.#resetUndrafted();
			this.#loaded = true;
		}
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const [window, mine] = await Promise.all([
			schemeApi.registrationWindow(this.programmeId, token),
			schemeApi.myRegistrations(this.programmeId, token)
		]);
		if (window.ok) this.#window = window.value;
		if (mine.ok) this.#mine = mine.value.registrations;
		if (!window.ok && !mine.ok) return;
		this.#resetUndrafted();
		await this.#store();
	}

	/** The form changed: keep it on the device (shortly after), and re-check it once it was sent. */
	changed(side: Side): void {
		this.#drafts[side] = true;
		this.#problems[side] = null;
		if (this.#attempted[side]) this.#errors[side] = registrationErrors(this.forms[side]);
		clearTimeout(this.#timers[side]);
		this.#timers[side] = setTimeout(() => void this.#saveDraft(side), DRAFT_DELAY_MS);
	}

	/** Writes unsaved typing to the device now (leaving the page). */
	async flush(): Promise<void> {
		await Promise.all(
			SIDES.filter((side) => this.#timers[side] !== undefined).map((side) => this.#saveDraft(side))
		);
	}

	/** Drops what I typed: the form shows my registration again (or is empty). */
	async discard(side: Side): Promise<void> {
		clearTimeout(this.#timers[side]);
		delete this.#timers[side];
		this.#drafts[side] = false;
		this.#attempted[side] = false;
		this.#errors[side] = {};
		this.#problems[side] = null;
		this.#resetUndrafted();
		await updateStored(this.programmeId, (e) => ({ ...e, drafts: { ...e.drafts, [side]: undefined } }));
	}

	/**
	 * Sends the form: answers true when the server has it. Per-field errors first (nothing is sent
	 * then); without a connection the form stays on the device and says so.
	 */
	async submit(side: Side): Promise<boolean> {
		this.#attempted[side] = true;
		this.#errors[side] = registrationErrors(this.forms[side]);
		const details = registrationDetails(this.forms[side]);
		if (!details) return false;
		await this.#saveDraft(side);
		const token = app.token;
		if (!token) return this.#fail(side, 'forbidden');
		if (!navigator.onLine) return this.#fail(side, 'offline');
		this.#sending[side] = true;
		try {
			const result = await schemeApi.register(this.programmeId, details, token);
			if (!result.ok) return this.#fail(side, problemOf(result, 'closed'));
			this.#mine = [...this.#mine.filter((r) => r.details.side !== side), result.value.registration];
			this.#drafts[side] = false;
			this.#attempted[side] = false;
			this.#problems[side] = null;
			this.#resetUndrafted();
			await updateStored(this.programmeId, (e) => ({
				...e,
				mine: this.#mine,
				drafts: { ...e.drafts, [side]: undefined }
			}));
			return true;
		} finally {
			this.#sending[side] = false;
		}
	}

	/** Withdraws my registration on one side (needs a connection). */
	async withdraw(side: Side): Promise<RegistrationProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		if (!navigator.onLine) return 'offline';
		const result = await schemeApi.withdraw(this.programmeId, side, token);
		// Gone already (withdrawn on another device) is what was asked for.
		if (!result.ok && !(result.kind === 'http' && result.status === 404)) return problemOf(result, 'failed');
		this.#mine = this.#mine.filter((r) => r.details.side !== side);
		await this.discard(side);
		await this.#store();
		return null;
	}

	/** Sets the registration period (coordinators). */
	async setPeriod(period: RegistrationPeriod): Promise<PeriodProblem | null> {
		const parsed = v.safeParse(RegistrationPeriodSchema, period);
		if (!parsed.success) return 'invalid';
		const token = app.token;
		if (!token) return 'forbidden';
		if (!navigator.onLine) return 'offline';
		const result = await schemeApi.setRegistrationPeriod(this.programmeId, parsed.output, token);
		if (!result.ok) return problemOf(result, 'failed');
		this.#window = result.value;
		await this.#store();
		return null;
	}

	#fail(side: Side, problem: RegistrationProblem): false {
		this.#problems[side] = problem;
		return false;
	}

	/** Forms without a draft show my registration (or start empty). */
	#resetUndrafted(): void {
		for (const side of SIDES) {
			if (this.#drafts[side]) continue;
			const mine = this.mine(side);
			this.forms[side] = (mine ? formOf(mine.details) : emptyForm(side)) as never;
		}
	}

	async #saveDraft(side: Side): Promise<void> {
		clearTimeout(this.#timers[side]);
		delete this.#timers[side];
		if (!this.#drafts[side]) return;
		const draft = $state.snapshot(this.forms[side]);
		await updateStored(this.programmeId, (e) => ({ ...e, drafts: { ...e.drafts, [side]: draft } })).catch(
			(e) => handleError(e, 'keeping the registration form on the device')
		);
	}

	#store(): Promise<void> {
		const window = this.#window;
		const mine = this.#mine;
		return updateStored(this.programmeId, (e) => ({ ...e, window, mine }));
	}
}

function problemOf(result: ApiResult<unknown>, conflict: RegistrationProblem): RegistrationProblem {
	if (result.ok) return 'failed';
	if (result.kind === 'offline') return 'offline';
	if (result.status === 401 || result.status === 403) return 'forbidden';
	return result.status === 409 ? conflict : 'failed';
}
