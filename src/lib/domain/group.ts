/**
 * Colloquium groups: who is in which group (the server's answer, kept on the device so the list
 * shows offline) and the pages of a group's document. A group's room is `group:<id>`.
 */
import * as v from 'valibot';

export const GROUP_NAME_MAX = 120;

export const GroupMemberSchema = v.object({ userId: v.string(), name: v.string() });
export type GroupMember = v.InferOutput<typeof GroupMemberSchema>;

/** A group as the server describes it (GET /api/groups, /api/groups/:id). */
export const GroupSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	programmeId: v.string(),
	programmeName: v.string(),
	name: v.string(),
	createdAt: v.string(),
	members: v.array(GroupMemberSchema)
});
export type Group = v.InferOutput<typeof GroupSchema>;

export const GroupNameSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'required'),
	v.maxLength(GROUP_NAME_MAX, 'tooLong')
);

export const groupRoom = (id: string) => `group:${id}`;
/** The group id of `group:<id>` ('' for other rooms). */
export const groupOfRoom = (room: string) => /^group:([^:]+)$/.exec(room)?.[1] ?? '';

/** Where a page shared from someone's private note came from. */
export const SharedFromSchema = v.object({
	authorId: v.string(),
	authorName: v.string(),
	noteTitle: v.string(),
	sharedAt: v.pipe(v.string(), v.isoTimestamp())
});
export type SharedFrom = v.InferOutput<typeof SharedFromSchema>;

export const PAGE_TITLE_MAX = 200;

/** One page of the group's notes; its text is the fragment `page:<id>` of the group document. */
export const GroupPageSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	title: v.pipe(v.string(), v.trim(), v.maxLength(PAGE_TITLE_MAX)),
	createdAt: v.pipe(v.string(), v.isoTimestamp()),
	createdBy: v.string(),
	/** Position in the list: pages sort by it, then by creation. */
	order: v.number(),
	sharedFrom: v.optional(SharedFromSchema)
});
export type GroupPage = v.InferOutput<typeof GroupPageSchema>;

export function sortPages(pages: readonly GroupPage[]): GroupPage[] {
	return [...pages].sort(
		(a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
	);
}

/** The order for a page added at the end. */
export const nextPageOrder = (pages: readonly GroupPage[]) =>
	pages.reduce((max, p) => Math.max(max, p.order), 0) + 1;

/** Groups of one programme, by name (Norwegian collation). */
export function groupsOf(groups: readonly Group[], programmeId: string): Group[] {
	return groups
		.filter((g) => g.programmeId === programmeId)
		.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
