/** The programme open in the pages under /programmes/[id] (one view, shared by its pages). */
import { getContext, setContext } from 'svelte';
import type { ProgrammeView } from './programmes.svelte';

const KEY = Symbol('programme');

export function setProgrammeContext(view: ProgrammeView): void {
	setContext(KEY, view);
}

export function programmeContext(): ProgrammeView {
	const view = getContext<ProgrammeView | undefined>(KEY);
	if (!view) throw new Error('programmeContext() is used outside /programmes/[id]');
	return view;
}
