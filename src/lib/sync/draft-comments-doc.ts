/**
 * The document of a draft's comments (room `user:<owner>:draft-comments:<id>`).
 *
 * Shape (stable: the author's devices and everyone the draft is shared with read and write it):
 *   comments: Y.Map<commentId, plain DraftComment>   written whole; resolving replaces it
 *   replies:  Y.Map<replyId, plain CommentReply>     never changed once written
 * Every record is parsed with the domain schema on the way in and out; an invalid one is skipped.
 */
import type * as Y from 'yjs';
import {
	CommentReplySchema,
	DraftCommentSchema,
	type CommentReply,
	type DraftComment
} from '$domain/draft-comment';
import { observeMaps, putMapItem, readMapItems } from './item-maps';

const COMMENTS = 'comments';
const REPLIES = 'replies';

export function readComments(doc: Y.Doc): DraftComment[] {
	return readMapItems(doc, COMMENTS, DraftCommentSchema).items;
}

export function readReplies(doc: Y.Doc): CommentReply[] {
	return readMapItems(doc, REPLIES, CommentReplySchema).items;
}

/** Stores a new comment (ids are new: never overwrites one). Throws a ValiError for an invalid one. */
export function addComment(doc: Y.Doc, comment: DraftComment, origin: unknown): DraftComment {
	if (doc.getMap(COMMENTS).has(comment.id)) throw new Error('A comment with this id exists');
	return putMapItem(doc, COMMENTS, DraftCommentSchema, comment, origin);
}

export function addReply(doc: Y.Doc, reply: CommentReply, origin: unknown): CommentReply {
	if (doc.getMap(REPLIES).has(reply.id)) throw new Error('A reply with this id exists');
	return putMapItem(doc, REPLIES, CommentReplySchema, reply, origin);
}

/** Marks a comment resolved (`by` at `at`), or open again with null. False if there is no such comment. */
export function setCommentResolved(
	doc: Y.Doc,
	id: string,
	resolved: { at: number; by: string } | null,
	origin: unknown
): boolean {
	const current = readComments(doc).find((c) => c.id === id);
	if (!current) return false;
	putMapItem(
		doc,
		COMMENTS,
		DraftCommentSchema,
		{ ...current, resolvedAt: resolved?.at ?? null, resolvedBy: resolved?.by ?? null },
		origin
	);
	return true;
}

/** Calls back after any change to the comments or replies (here, another tab, or the server). */
export function observeComments(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, [COMMENTS, REPLIES], callback);
}
