/**
 * The work requirements a draft can be written for: the blog posts and written assignments of
 * every programme I take part in, read from the programme documents on this device (offline too).
 */
import type { DraftRequirement } from '$domain/draft';
import { isTrainingProgramme } from '$domain/session';
import { handleError } from './handle-error';
import { myProgrammes, ProgrammeView } from './programmes.svelte';

export interface RequirementChoice extends DraftRequirement {
	programmeName: string;
	kind: 'blog-post' | 'written-work';
}

export class RequirementChoices {
	#views = $state.raw<ProgrammeView[]>([]);

	/** Blog posts and written assignments, by programme then title. */
	readonly items: RequirementChoice[] = $derived(
		this.#views.flatMap((view) => {
			const programme = view.programme;
			if (!programme) return [];
			return programme.requirements.flatMap((r) =>
				r.kind === 'blog-post' || r.kind === 'written-work'
					? [
							{
								programmeId: view.id,
								programmeName: programme.name,
								requirementId: r.id,
								title: r.title,
								kind: r.kind,
								targetCharacters: r.targetCharacters
							}
						]
					: []
			);
		})
	);

	/** Starts reading my programmes; returns the function that stops. */
	open(): () => void {
		const follow = () => {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
			const open = new Map(this.#views.map((view) => [view.id, view]));
			this.#views = myProgrammes.items
				.filter((p) => p.role === 'participant' && isTrainingProgramme(p))
				.map((p) => {
					const kept = open.get(p.id);
					open.delete(p.id);
					if (kept) return kept;
					const view = new ProgrammeView(p.id);
					view.open().catch((e) => handleError(e, 'opening a programme'));
					return view;
				});
			for (const view of open.values()) view.destroy();
		};
		const unsubscribe = myProgrammes.subscribe(follow);
		if (myProgrammes.loaded) follow();
		else void myProgrammes.load().catch((e) => handleError(e, 'loading programmes'));
		return () => {
			unsubscribe();
			for (const view of this.#views) view.destroy();
			this.#views = [];
		};
	}
}
