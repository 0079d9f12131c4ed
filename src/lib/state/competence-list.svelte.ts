/**
 * Which competence list the self-assessment uses: the list of a programme the account belongs to
 * (the one chosen, when there are several; remembered for the browser session), or the fifteen
 * defaults without one (device-only use, or no membership). The programme's document is read
 * from the device, so the list is there offline too.
 */
import { defaultCompetences, type Competence } from '$domain/competence-list';
import { isTrainingProgramme, type MyProgramme } from '$domain/session';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { myProgrammes, ProgrammeView } from './programmes.svelte';

const STORAGE_KEY = 'lederlogg:competence-list';

export class CompetenceListChoice {
	#chosen = $state<string | null>(read());
	#view = $state.raw<ProgrammeView | null>(null);

	/** The programmes whose lists there are to choose from (none unless signed in; no mentor scheme). */
	get programmes(): MyProgramme[] {
		return app.mode === 'account' ? myProgrammes.items.filter(isTrainingProgramme) : [];
	}

	/** False until it is known whether the account belongs to a programme. */
	get known(): boolean {
		return app.mode !== 'account' || myProgrammes.loaded;
	}

	/** The programme whose list is used: the chosen one, else the first; null for the defaults. */
	get programme(): MyProgramme | null {
		const list = this.programmes;
		return list.find((p) => p.id === this.#chosen) ?? list[0] ?? null;
	}

	/**
	 * Every competence of the list in use, removed ones included (they name earlier ratings);
	 * null while the programme's document is loading from the device.
	 */
	get competences(): Competence[] | null {
		if (!this.known) return null;
		const programme = this.programme;
		if (!programme) return defaultCompetences();
		const view = this.#view;
		return view?.id === programme.id ? (view.programme?.competences ?? null) : null;
	}

	choose(id: string): void {
		this.#chosen = id;
		try {
			sessionStorage.setItem(STORAGE_KEY, id);
		} catch {
			// Storage blocked: the choice lasts for this page only.
		}
	}

	/** Loads the account's programmes (from the device, then the server). */
	load(): void {
		if (app.mode === 'account' && !myProgrammes.loaded)
			myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
	}

	/** Reads one programme's list while it is in use; returns the function that stops (for $effect). */
	follow(programmeId: string | null): (() => void) | undefined {
		if (!programmeId) return;
		const view = new ProgrammeView(programmeId);
		this.#view = view;
		view.open().catch((e) => handleError(e, 'opening a programme'));
		return () => {
			view.destroy();
			if (this.#view === view) this.#view = null;
		};
	}
}

function read(): string | null {
	try {
		return sessionStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}
