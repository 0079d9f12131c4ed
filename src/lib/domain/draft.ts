/**
 * Drafts: blog posts and written assignments, each optionally linked to a work requirement of a
 * programme, with a status, named and submitted versions and anchored comments.
 *
 * Where things live (the sync layer has the shapes):
 *   - the draft's text, title, status, versions: its own document, room `user:<owner>:draft:<id>`
 *     (so it can be shared read-only, per draft, and comments can anchor to its text);
 *   - its comments: room `user:<owner>:draft-comments:<id>` (others may write comments without
 *     being able to write the text);
 *   - my list of drafts: records in my workspace (collection `drafts`), so the list shows offline
 *     on every device without opening each draft;
 *   - the text for search: the device's Dexie index (`draftTexts`).
 */
import * as v from 'valibot';
import { RichDocSchema, type TextCount } from './rich-text';

export const DRAFT_KINDS = ['blog', 'assignment'] as const;
export const DraftKindSchema = v.picklist(DRAFT_KINDS);
export type DraftKind = v.InferOutput<typeof DraftKindSchema>;

export const DRAFT_STATUSES = ['draft', 'ready', 'submitted'] as const;
export const DraftStatusSchema = v.picklist(DRAFT_STATUSES);
export type DraftStatus = v.InferOutput<typeof DraftStatusSchema>;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Title = v.pipe(v.string(), v.maxLength(300));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The work requirement a draft is written for (a snapshot, so it shows without the programme). */
export const DraftRequirementSchema = v.object({
	programmeId: Id,
	requirementId: Id,
	title: Title,
	/** About how long the text should be, in characters with spaces; 0 = no target. */
	targetCharacters: v.pipe(Count, v.maxValue(1_000_000))
});
export type DraftRequirement = v.InferOutput<typeof DraftRequirementSchema>;

/** The draft's own facts, kept in its document (what a coach it is shared with sees too). */
export const DraftMetaSchema = v.object({
	title: Title,
	kind: DraftKindSchema,
	status: DraftStatusSchema,
	requirement: v.fallback(v.nullable(DraftRequirementSchema), null),
	createdAt: v.number()
});
export type DraftMeta = v.InferOutput<typeof DraftMetaSchema>;

/** One entry of my list of drafts (workspace collection `drafts`). */
export const DraftIndexSchema = v.object({
	id: Id,
	title: Title,
	kind: DraftKindSchema,
	status: DraftStatusSchema,
	requirement: v.fallback(v.nullable(DraftRequirementSchema), null),
	createdAt: v.number(),
	updatedAt: v.number(),
	characters: v.optional(Count, 0),
	words: v.optional(Count, 0)
});
export type DraftIndex = v.InferOutput<typeof DraftIndexSchema>;

/** Creating a draft: what the form sets. */
export const NewDraftSchema = v.object({
	title: v.pipe(v.string(), v.trim(), v.maxLength(300)),
	kind: DraftKindSchema,
	requirement: v.optional(v.nullable(DraftRequirementSchema), null)
});
export type NewDraft = v.InferInput<typeof NewDraftSchema>;

export const VERSION_KINDS = ['named', 'submitted', 'before-restore'] as const;

/** A stored version: the whole text as it was, never changed afterwards. */
export const DraftVersionSchema = v.object({
	id: Id,
	/** 'submitted' versions are locked: made when the draft was marked submitted, never removed. */
	kind: v.picklist(VERSION_KINDS),
	name: Title,
	createdAt: v.number(),
	authorName: v.pipe(v.string(), v.maxLength(200)),
	doc: RichDocSchema,
	characters: Count
});
export type DraftVersion = v.InferOutput<typeof DraftVersionSchema>;

/** What the device's search index keeps of a draft (Dexie `draftTexts`). */
export const DraftTextRowSchema = v.object({
	id: Id,
	title: v.string(),
	text: v.string(),
	updatedAt: v.number()
});
export type DraftTextRow = v.InferOutput<typeof DraftTextRowSchema>;

/** How a count compares with a target, within a tolerance of ±10 % ("about 2,000"). */
export type LengthVerdict = 'none' | 'under' | 'within' | 'over';

export const LENGTH_TOLERANCE = 0.1;

export function lengthVerdict(characters: number, target: number): LengthVerdict {
	if (!target) return 'none';
	if (characters < target * (1 - LENGTH_TOLERANCE)) return 'under';
	if (characters > target * (1 + LENGTH_TOLERANCE)) return 'over';
	return 'within';
}

/** The share of the target written, 0–1 (capped), for a progress bar. */
export function lengthProgress(count: Pick<TextCount, 'characters'>, target: number): number {
	return target ? Math.min(1, count.characters / target) : 0;
}

/** My list: newest edit first. */
export function draftsByUpdated<D extends Pick<DraftIndex, 'updatedAt'>>(drafts: readonly D[]): D[] {
	return [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
}
