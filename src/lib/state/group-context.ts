/** The group open in the pages under /groups/[id] (one view, shared by its pages). */
import { getContext, setContext } from 'svelte';
import type { GroupView } from './group-view.svelte';

const KEY = Symbol('group');

export function setGroupContext(view: GroupView): void {
	setContext(KEY, view);
}

export function groupContext(): GroupView {
	const view = getContext<GroupView | undefined>(KEY);
	if (!view) throw new Error('groupContext() is used outside /groups/[id]');
	return view;
}
