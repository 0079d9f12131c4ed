/**
 * Drafts others have shared with me for feedback. While signed in, the keeper holds each open,
 * its text and its comments, so both are on this device to read and comment on offline, and no
 * comment waits unsent because its page was closed; it also keeps what the lists show of each
 * (title, kind, status) from its document. When a draft is no longer shared with me, its copies
 * leave the device: at once if the server refuses an open room (room-pool.ts), otherwise when the
 * list from the server no longer has it.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { DraftMeta } from '$domain/draft';
import { draftCommentsRoom, sharedRoomKind } from '$domain/sharing';
import { observeDraft, readDraftMeta } from '$sync/draft-doc';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { acquireRoom, deleteRoomCopy, releaseRoom } from './room-pool';
import { sharedWithMe } from './room-sharing.svelte';
import { SharedStart } from './shared-start';

/** Where a draft shared with me lives: owner and id, from its room. */
export function sharedDraft(room: string): { ownerId: string; id: string } | null {
	const kind = sharedRoomKind(room);
	return kind?.kind === 'draft' ? { ownerId: kind.ownerId, id: kind.id } : null;
}

export class SharedDraftKeeper {
	#summaries = new SvelteMap<string, DraftMeta>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	#held = new Map<string, (unshared: boolean) => void>();
	#shared = new SharedStart(() => this.#start());

	/** What the lists show of a draft shared with me (null until its document is on the device). */
	summary(room: string): DraftMeta | null {
		return this.#summaries.get(room) ?? null;
	}

	/** Starts holding (shared by whoever asks: the layout, a list); returns the function that lets go. */
	watch(): () => void {
		return this.#shared.hold();
	}

	#start(): () => void {
		const stopEffect = $effect.root(() => {
			$effect(() => {
				const signedIn = app.user !== null && app.mode === 'account' && !app.isGuest;
				// Signed in, a draft leaving the list is no longer shared with me (the list changes only
				// with the server's answer, or when an open room is refused).
				if (signedIn)
					this.#follow(
						sharedWithMe.drafts.map((item) => item.room),
						true
					);
				else this.#follow([], false);
			});
		});
		return () => {
			stopEffect();
			this.#follow([], false);
		};
	}

	/** Holds exactly these rooms; `unshared`: those let go are no longer shared with me. */
	#follow(rooms: readonly string[], unshared: boolean): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const wanted = new Set(rooms);
		for (const [room, release] of this.#held) {
			if (wanted.has(room)) continue;
			this.#held.delete(room);
			this.#summaries.delete(room);
			release(unshared);
		}
		for (const room of wanted) if (!this.#held.has(room)) this.#hold(room);
	}

	#hold(room: string): void {
		const where = sharedDraft(room);
		if (!where) return;
		const comments = draftCommentsRoom(where.ownerId, where.id);
		const text = acquireRoom(room);
		const notes = acquireRoom(comments);
		let stopObserving: (() => void) | null = null;
		let stopped = false;
		this.#held.set(room, (unshared) => {
			stopped = true;
			stopObserving?.();
			const removed = [text, notes].filter((r) => r.shared.access === 'removed').map((r) => r.shared.room);
			releaseRoom(room);
			releaseRoom(comments);
			if (!unshared) return;
			for (const gone of [room, comments]) {
				if (removed.includes(gone)) continue;
				void deleteRoomCopy(gone).catch((e) => handleError(e, 'deleting a draft no longer shared'));
			}
		});
		void text.opened.then(() => {
			if (stopped || text.shared.access === 'removed') return;
			const doc = text.shared.doc.doc;
			const read = () => {
				if (stopped || text.shared.access === 'removed') return;
				const meta = readDraftMeta(doc);
				const known = this.#summaries.get(room);
				if (meta && JSON.stringify(meta) !== JSON.stringify(known)) this.#summaries.set(room, meta);
			};
			read();
			stopObserving = observeDraft(doc, read);
		});
	}
}

export const sharedDraftKeeper = new SharedDraftKeeper();
