/**
 * The comments on one draft as its page uses them: the list, live, and the verbs. Written to the
 * device at once (offline too) and synced with the draft's comments room when there is a
 * connection. The author of the draft and everyone it is shared with write comments and replies;
 * only the author resolves them (the app's rule: the room cannot tell one comment from another).
 */
import * as v from 'valibot';
import {
	CommentAnchorSchema,
	CommentTextSchema,
	type CommentAnchor,
	type CommentReply,
	type DraftComment
} from '$domain/draft-comment';
import { draftCommentsRoom } from '$domain/sharing';
import {
	addComment,
	addReply,
	observeComments,
	readComments,
	readReplies,
	setCommentResolved
} from '$sync/draft-comments-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { newRecordId } from './records.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

export class DraftCommentsView {
	readonly room: string;
	#comments = $state.raw<DraftComment[]>([]);
	#replies = $state.raw<CommentReply[]>([]);
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#stop: (() => void) | null = null;

	constructor(
		readonly ownerId: string,
		readonly id: string
	) {
		this.room = draftCommentsRoom(ownerId, id);
	}

	/** Every comment, open and resolved, in no particular order (see `commentsInOrder`). */
	get comments() {
		return this.#comments;
	}
	get replies() {
		return this.#replies;
	}
	get loaded() {
		return this.#loaded;
	}
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	/** The draft is mine: I resolve its comments. */
	get isDraftOwner(): boolean {
		return app.user?.id === this.ownerId && !app.isGuest;
	}
	get canComment(): boolean {
		return app.user !== null && this.access === 'open';
	}
	get canResolve(): boolean {
		return this.isDraftOwner && this.access === 'open';
	}

	async open(): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		await opened.opened;
		if (this.#opened !== opened || opened.shared.access === 'removed') return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			if (opened.shared.access === 'removed') return;
			this.#comments = readComments(doc);
			this.#replies = readReplies(doc);
		};
		read();
		this.#loaded = true;
		this.#stop = observeComments(doc, read);
	}

	destroy(): void {
		this.#stop?.();
		this.#stop = null;
		if (this.#opened) releaseRoom(this.room);
		this.#opened = null;
	}

	/** Comments on a passage. Throws a ValiError for an empty or too long text. */
	add(text: string, anchor: CommentAnchor, now = Date.now()): DraftComment {
		const { doc, user } = this.#write();
		return addComment(
			doc,
			{
				id: newRecordId(),
				authorId: user.id,
				authorName: user.name,
				text: v.parse(CommentTextSchema, text),
				createdAt: now,
				anchor: v.parse(CommentAnchorSchema, anchor),
				resolvedAt: null,
				resolvedBy: null
			},
			LOCAL_ORIGIN
		);
	}

	/** Answers a comment. Throws a ValiError for an empty or too long text. */
	reply(commentId: string, text: string, now = Date.now()): CommentReply {
		const { doc, user } = this.#write();
		if (!this.#comments.some((c) => c.id === commentId)) throw new Error('No such comment');
		return addReply(
			doc,
			{
				id: newRecordId(),
				commentId,
				authorId: user.id,
				authorName: user.name,
				text: v.parse(CommentTextSchema, text),
				createdAt: now
			},
			LOCAL_ORIGIN
		);
	}

	/** Marks a comment resolved (the author of the draft only). */
	resolve(commentId: string, now = Date.now()): void {
		const { doc, user } = this.#write();
		if (!this.canResolve) throw new Error('Only the author of the draft resolves comments');
		setCommentResolved(doc, commentId, { at: now, by: user.id }, LOCAL_ORIGIN);
	}

	/** Opens a resolved comment again (the author of the draft only). */
	reopen(commentId: string): void {
		const { doc } = this.#write();
		if (!this.canResolve) throw new Error('Only the author of the draft reopens comments');
		setCommentResolved(doc, commentId, null, LOCAL_ORIGIN);
	}

	#write() {
		const doc = this.#opened?.shared.doc.doc;
		const user = app.user;
		if (!doc || !user || !this.canComment) throw new Error('Comments cannot be written here');
		return { doc, user };
	}
}
