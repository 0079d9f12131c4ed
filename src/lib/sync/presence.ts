/**
 * Presence in a shared document (Yjs awareness, sent with the document's socket): showing myself
 * while a page shows the document, and reading who else is here. The state is small and parsed
 * on the way in (domain/presence.ts); the cursor field is added by the editor (y-prosemirror).
 */
import type { Awareness } from 'y-protocols/awareness';
import { presentPeople, type PresenceUser, type Present } from '$domain/presence';

export type { Awareness } from 'y-protocols/awareness';

/** Shows me in the document, on `page` (null: its home), until `hidePresence`. */
export function showPresence(awareness: Awareness, user: PresenceUser, page: string | null): void {
	const current = awareness.getLocalState() as { user?: PresenceUser; page?: string | null } | null;
	if (current && current.page === page && JSON.stringify(current.user) === JSON.stringify(user)) return;
	// The cursor belongs to the page being left: the editor there sets it again if it stays.
	awareness.setLocalState({ user, page });
}

export function hidePresence(awareness: Awareness): void {
	if (awareness.getLocalState() !== null) awareness.setLocalState(null);
}

/** Everyone else here now, one entry per person. */
export function readPresence(awareness: Awareness, myId: string | null): Present[] {
	const others = [...awareness.getStates()].flatMap(([clientId, state]) =>
		clientId === awareness.clientID ? [] : [state]
	);
	return presentPeople(others, myId);
}

/** Calls back whenever someone arrives, leaves or moves (not for cursor moves alone). */
export function observePresence(awareness: Awareness, callback: () => void): () => void {
	let last = '';
	const onChange = () => {
		const now = JSON.stringify(
			[...awareness.getStates()].map(([id, s]) => [
				id,
				(s as { user?: unknown }).user,
				(s as { page?: unknown }).page
			])
		);
		if (now === last) return;
		last = now;
		callback();
	};
	awareness.on('change', onChange);
	return () => awareness.off('change', onChange);
}
