/**
 * Three-party conversations as lists: the participant's own (an index of records in their
 * workspace, so the list shows offline on every device of the account), those shared with me
 * (coach, manager), a summary of each from its document, and the keeper that holds them all
 * open while signed in — on the device for reading offline, and no change left unsent because
 * its page was closed.
 */
import * as v from 'valibot';
import {
	ConversationIndexSchema,
	NewConversationSchema,
	type Conversation,
	type ConversationMeta,
	type NewConversation
} from '$domain/conversation';
import { conversationRoom, sharedRoomKind } from '$domain/sharing';
import { initConversation, observeConversation, readConversation } from '$sync/conversation-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { SvelteMap } from 'svelte/reactivity';
import { app } from './app.svelte';
import { acquireRoom, releaseRoom } from './room-pool';
import { handleError } from './handle-error';
import { newRecordId, Records } from './records.svelte';
import { sharedWithMe } from './room-sharing.svelte';
import { SharedStart } from './shared-start';

/** The workspace collection of the participant's own conversations. */
export const CONVERSATION_INDEX = 'conversations';

export const myConversations = () => new Records(CONVERSATION_INDEX, ConversationIndexSchema);

/** Conversations need an account: the document is shared through the server. */
export const canCreateConversation = () => app.mode === 'account' && !app.isGuest && app.user !== null;

/**
 * Prepares a new conversation, on this device at once (offline too): its document with the
 * participant in it, and its entry in my list. Answers where it is. Throws a ValiError when invalid.
 */
export async function createConversation(
	input: NewConversation,
	now = Date.now()
): Promise<{ ownerId: string; id: string }> {
	const user = app.user;
	if (!canCreateConversation() || !user) throw new Error('A conversation needs an account');
	const meta = { ...v.parse(NewConversationSchema, input), createdAt: now };
	const id = newRecordId();
	const room = conversationRoom(user.id, id);
	const { shared, opened } = acquireRoom(room);
	try {
		await opened;
		initConversation(
			shared.doc.doc,
			{ meta, participant: { userId: user.id, name: user.name, email: user.email } },
			LOCAL_ORIGIN
		);
		await shared.flush();
	} finally {
		releaseRoom(room);
	}
	keepInIndex(id, meta);
	return { ownerId: user.id, id };
}

/** Keeps my list's entry of a conversation of mine up to date with its title and time. */
export function keepInIndex(id: string, meta: ConversationMeta): void {
	const workspace = app.workspace;
	if (!workspace) return;
	const entry = workspace.records(CONVERSATION_INDEX, ConversationIndexSchema).find((e) => e.id === id);
	if (entry && entry.title === meta.title && entry.meetingAt === meta.meetingAt) return;
	workspace.putRecord(CONVERSATION_INDEX, ConversationIndexSchema, {
		id,
		title: meta.title,
		meetingAt: meta.meetingAt,
		createdAt: entry?.createdAt ?? meta.createdAt
	});
}

/** Where a conversation shared with me lives: owner and id, from its room. */
export function sharedConversation(room: string): { ownerId: string; id: string } | null {
	const kind = sharedRoomKind(room);
	return kind?.kind === 'conversation' ? { ownerId: kind.ownerId, id: kind.id } : null;
}

/**
 * What the lists show of each conversation (title, time, signatures), read from the documents
 * on this device and kept live while the list is open.
 */
export class ConversationSummaries {
	#items = new SvelteMap<string, Conversation>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	#held = new Map<string, () => void>();

	get(room: string): Conversation | null {
		return this.#items.get(room) ?? null;
	}

	/** Follows exactly these rooms (call again when the list changes). */
	follow(rooms: readonly string[]): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const wanted = new Set(rooms);
		for (const [room, stop] of this.#held) {
			if (wanted.has(room)) continue;
			stop();
			this.#held.delete(room);
			this.#items.delete(room);
		}
		for (const room of wanted) if (!this.#held.has(room)) this.#hold(room);
	}

	destroy(): void {
		this.follow([]);
	}

	#hold(room: string): void {
		const { shared, opened } = acquireRoom(room);
		let stopObserving: (() => void) | null = null;
		let stopped = false;
		this.#held.set(room, () => {
			stopped = true;
			stopObserving?.();
			releaseRoom(room);
		});
		void opened.then(() => {
			if (stopped || shared.access === 'removed') return;
			const doc = shared.doc.doc;
			const read = () => {
				if (shared.access !== 'removed') this.#items.set(room, readConversation(doc).conversation);
			};
			read();
			stopObserving = observeConversation(doc, read);
		});
	}
}

/**
 * Holds every conversation of the signed-in account open while the app runs (mine and those
 * shared with me), so each is on the device for reading offline and nothing typed waits unsent.
 */
export class ConversationKeeper {
	#summaries = new ConversationSummaries();

	/** What the lists show of a conversation held open (null until its document is read). */
	summary(room: string): Conversation | null {
		return this.#summaries.get(room);
	}

	#shared = new SharedStart(() => this.#start());

	/** Starts holding (shared by whoever asks: the layout, the list); returns the function that lets go. */
	watch(): () => void {
		return this.#shared.hold();
	}

	#start(): () => void {
		const index = myConversations();
		const stopIndex = index.open();
		const refresh = () =>
			void sharedWithMe.load().catch((e) => handleError(e, 'loading what is shared with me'));
		refresh();
		window.addEventListener('online', refresh);
		const stopEffect = $effect.root(() => {
			$effect(() => {
				const me = app.user;
				if (!me || app.mode !== 'account') return this.#summaries.follow([]);
				const mine = app.isGuest ? [] : index.items.map((e) => conversationRoom(me.id, e.id));
				this.#summaries.follow([...mine, ...sharedWithMe.conversations.map((s) => s.room)]);
			});
		});
		return () => {
			window.removeEventListener('online', refresh);
			stopEffect();
			stopIndex();
			this.#summaries.destroy();
		};
	}
}

export const conversationKeeper = new ConversationKeeper();
