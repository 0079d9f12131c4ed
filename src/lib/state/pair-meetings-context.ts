/** The pair's meeting log open in the pages under /pairs/[id]/meetings (one view, shared by its pages). */
import { getContext, setContext } from 'svelte';
import type { PairMeetings } from './pair-meetings.svelte';

const KEY = Symbol('pair-meetings');

export function setPairMeetingsContext(view: PairMeetings): void {
	setContext(KEY, view);
}

export function pairMeetingsContext(): PairMeetings {
	const view = getContext<PairMeetings | undefined>(KEY);
	if (!view) throw new Error('pairMeetingsContext() is used outside /pairs/[id]/meetings');
	return view;
}
