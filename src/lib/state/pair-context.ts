/** The mentor pair open in the pages under /pairs/[id] (one view, shared by its pages). */
import { getContext, setContext } from 'svelte';
import type { PairView } from './pair-view.svelte';

const KEY = Symbol('pair');

export function setPairContext(view: PairView): void {
	setContext(KEY, view);
}

export function pairContext(): PairView {
	const view = getContext<PairView | undefined>(KEY);
	if (!view) throw new Error('pairContext() is used outside /pairs/[id]');
	return view;
}
