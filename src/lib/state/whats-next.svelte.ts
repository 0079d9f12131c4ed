/**
 * The home screen's "Hva nå?": the next event and requirements of every programme of mine and
 * the next change-task check-in. The change tasks come from the workspace at once; the
 * programmes (their code and documents) load only after the first paint, so the notes list
 * under it is never held up, and not at all without an account.
 */
import { whatsNext, type ProgrammeNext, type WhatsNext } from '$domain/whats-next';
import { isTrainingProgramme, type MyProgramme } from '$domain/session';
import { app } from './app.svelte';
import { ChangeTasks } from './change-tasks.svelte';
import { handleError } from './handle-error';
import type { ProgrammeView } from './programmes.svelte';

interface Opened {
	programme: MyProgramme;
	view: ProgrammeView;
}

export class WhatsNextState {
	readonly tasks = new ChangeTasks();
	#programmes = $state.raw<Opened[]>([]);
	#now = $state(Date.now());

	get now(): number {
		return this.#now;
	}

	/** What to show (everything empty until loaded). */
	readonly value: WhatsNext = $derived.by(() => {
		const now = this.#now;
		const programmes: ProgrammeNext[] = this.#programmes.map(({ programme, view }) => ({
			programmeId: programme.id,
			programmeName: view.programme?.name || programme.name,
			next: view.next(now),
			due: view.due(now)
		}));
		return whatsNext(programmes, this.tasks.summary.active);
	});

	/** Starts following; returns the function that stops (for onMount). */
	open(): () => void {
		const stopTasks = this.tasks.open();
		const timer = setInterval(() => (this.#now = Date.now()), 60_000);
		let stopped = false;
		let unsubscribe: (() => void) | null = null;
		// After the first paint: the notes list comes first.
		const frame = requestAnimationFrame(() =>
			setTimeout(() => {
				if (stopped || app.mode !== 'account') return;
				import('./programmes.svelte')
					.then(({ myProgrammes, ProgrammeView }) => {
						if (stopped) return;
						const follow = (items: MyProgramme[]) =>
							this.#follow(items.filter(isTrainingProgramme), ProgrammeView);
						unsubscribe = myProgrammes.subscribe(follow);
						if (myProgrammes.loaded) follow(myProgrammes.items);
						else void myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
					})
					.catch((e) => handleError(e, 'loading programmes'));
			}, 0)
		);
		return () => {
			stopped = true;
			cancelAnimationFrame(frame);
			clearInterval(timer);
			stopTasks();
			unsubscribe?.();
			for (const { view } of this.#programmes) view.destroy();
			this.#programmes = [];
		};
	}

	/** Opens a view of each programme in the list, closes those no longer in it. */
	#follow(items: MyProgramme[], View: typeof ProgrammeView): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
		const current = new Map(this.#programmes.map((p) => [p.programme.id, p]));
		const next: Opened[] = [];
		for (const programme of items) {
			const open = current.get(programme.id);
			if (open) {
				current.delete(programme.id);
				next.push({ programme, view: open.view });
			} else {
				const view = new View(programme.id);
				view.open().catch((e) => handleError(e, 'opening a programme'));
				next.push({ programme, view });
			}
		}
		for (const { view } of current.values()) view.destroy();
		this.#programmes = next;
	}
}
