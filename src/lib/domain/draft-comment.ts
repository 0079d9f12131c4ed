/**
 * Comments on a draft (feedback from a coach or a fellow participant), anchored to a passage of
 * its text. They live in the draft's comments room (`user:<owner>:draft-comments:<id>`), which
 * those the draft is shared with may write, while the text itself stays read-only to them.
 *
 * The anchor holds two Yjs relative positions (base64, made and read in sync/rich-text-anchors.ts),
 * so it stays on the same words while the text around it changes, and the passage as it was
 * (`quote`), shown when those words have been deleted. Only the draft's author resolves a comment:
 * that is the app's rule; the server cannot tell one comment from another.
 */
import * as v from 'valibot';

export const COMMENT_MAX_LENGTH = 2000;
export const QUOTE_MAX_LENGTH = 300;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Name = v.pipe(v.string(), v.maxLength(200));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
/** An encoded Y.RelativePosition: a few dozen bytes, as base64. */
const Position = v.pipe(v.string(), v.minLength(1), v.maxLength(1000), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));

/** What a comment's text must be: trimmed, 1–2000 characters. */
export const CommentTextSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(COMMENT_MAX_LENGTH, 'tooLong')
);

export const CommentAnchorSchema = v.object({
	start: Position,
	end: Position,
	/** The passage as it was when the comment was written (≤ 300 characters). */
	quote: v.pipe(v.string(), v.maxLength(QUOTE_MAX_LENGTH))
});
export type CommentAnchor = v.InferOutput<typeof CommentAnchorSchema>;

export const DraftCommentSchema = v.object({
	id: Id,
	authorId: Id,
	authorName: Name,
	text: CommentTextSchema,
	createdAt: Time,
	anchor: CommentAnchorSchema,
	resolvedAt: v.fallback(v.nullable(Time), null),
	/** The account that resolved it (the draft's author). */
	resolvedBy: v.fallback(v.nullable(Id), null)
});
export type DraftComment = v.InferOutput<typeof DraftCommentSchema>;

/**
 * A reply to a comment: a record of its own (not a list inside the comment), so two people
 * answering at once, offline, both keep their reply.
 */
export const CommentReplySchema = v.object({
	id: Id,
	commentId: Id,
	authorId: Id,
	authorName: Name,
	text: CommentTextSchema,
	createdAt: Time
});
export type CommentReply = v.InferOutput<typeof CommentReplySchema>;

/** The passage as it is quoted: whitespace folded, at most 300 characters (cut with "…"). */
export function quoteOf(passage: string): string {
	const folded = passage.replace(/\s+/g, ' ').trim();
	if (folded.length <= QUOTE_MAX_LENGTH) return folded;
	return `${folded.slice(0, QUOTE_MAX_LENGTH - 1).trimEnd()}…`;
}

/** Where a comment's passage is in the text now: null when every word of it has been deleted. */
export type AnchorRange = { from: number; to: number } | null;

/**
 * The list as it is read: open comments in the order of their passages in the text (those whose
 * passage is gone last, oldest first), and the resolved ones, last resolved first.
 */
export function commentsInOrder<C extends Pick<DraftComment, 'id' | 'createdAt' | 'resolvedAt'>>(
	comments: readonly C[],
	ranges: ReadonlyMap<string, AnchorRange>
): { open: C[]; resolved: C[] } {
	const position = (c: C) => ranges.get(c.id)?.from ?? Number.POSITIVE_INFINITY;
	const open = comments
		.filter((c) => c.resolvedAt === null)
		.sort((a, b) => position(a) - position(b) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	const resolved = comments
		.filter((c) => c.resolvedAt !== null)
		.sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || a.id.localeCompare(b.id));
	return { open, resolved };
}

/** The replies to each comment, oldest first. */
export function repliesByComment<R extends Pick<CommentReply, 'commentId' | 'createdAt' | 'id'>>(
	replies: readonly R[]
): Map<string, R[]> {
	const byComment = new Map<string, R[]>();
	for (const reply of [...replies].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
		const list = byComment.get(reply.commentId) ?? [];
		list.push(reply);
		byComment.set(reply.commentId, list);
	}
	return byComment;
}
