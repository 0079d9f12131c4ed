/**
 * Seminar and reflection notes: the model, as the rest of the app sees it.
 * The Y.Doc shape lives in src/lib/sync; this file has the plain shapes and pure functions.
 */
import * as v from 'valibot';
import type { ProgrammeEvent } from './programme';
import { normaliseWord, searchTokens } from './search';
import { zonedToUtc } from './zoned-time';

export const NOTE_KINDS = ['seminar', 'reflection'] as const;
export const NoteKindSchema = v.picklist(NOTE_KINDS);
export type NoteKind = v.InferOutput<typeof NoteKindSchema>;

export const NoteIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid note id'));

export const TagSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(40));

const ProgrammeItemId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const TitleSnapshot = v.optional(v.pipe(v.string(), v.maxLength(300)), '');

/**
 * The session a note belongs to: a programme event, or one item of its agenda ('' = the whole
 * event). The titles are snapshots taken when the note was attached, so lists can name the event
 * without opening the programme (and still can if the event is later renamed or removed).
 */
export const NoteSessionSchema = v.object({
	programmeId: ProgrammeItemId,
	eventId: ProgrammeItemId,
	agendaItemId: v.optional(v.union([v.literal(''), ProgrammeItemId]), ''),
	eventTitle: TitleSnapshot,
	agendaItemTitle: TitleSnapshot
});
export type NoteSession = v.InferOutput<typeof NoteSessionSchema>;
/** Which session: an event (agendaItemId '' or absent) or one agenda item. */
export type SessionRef = Pick<NoteSession, 'programmeId' | 'eventId'> & { agendaItemId?: string };

/** A session that does not validate (e.g. from a newer or broken client) is read as none. */
const OptionalSession = v.fallback(v.nullable(NoteSessionSchema), null);

/**
 * The mentor-pair meeting a private reflection is about: ids, and the meeting's name as a snapshot
 * ("Møte med Kari, 12. mai") so the note names it without opening the pair. Only a link: the note
 * stays in the private workspace, and nothing of it goes to the pair.
 */
export const NotePairMeetingSchema = v.object({
	pairId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
	meetingId: ProgrammeItemId,
	title: TitleSnapshot
});
export type NotePairMeeting = v.InferOutput<typeof NotePairMeetingSchema>;
/** Absent in notes older than pairs (and read as absent when it does not validate). */
const OptionalPairMeeting = v.optional(v.fallback(v.nullable(NotePairMeetingSchema), null));

/** A note read out of the workspace document (what the sync layer hands over). */
export const NoteSnapshotSchema = v.object({
	id: NoteIdSchema,
	kind: NoteKindSchema,
	title: v.string(),
	body: v.string(),
	seminar: v.string(),
	tags: v.array(v.string()),
	createdAt: v.number(),
	updatedAt: v.number(),
	deletedAt: v.nullable(v.number()),
	/** Absent in notes written before sessions existed. */
	session: OptionalSession,
	/** A reflection after a mentor-pair meeting: which one. */
	pairMeeting: OptionalPairMeeting
});
export type NoteSnapshot = v.InferOutput<typeof NoteSnapshotSchema>;

/** One row of the device's query index: enough to list and search without decoding notes. */
export const NoteIndexRowSchema = v.object({
	id: NoteIdSchema,
	kind: NoteKindSchema,
	title: v.string(),
	/** The body as plain text, for previews and snippets. */
	text: v.string(),
	seminar: v.string(),
	tags: v.array(v.string()),
	/** The tags folded like search words (idé → ide), for looking up #tag queries. */
	tagKeys: v.array(v.string()),
	/** Normalised search tokens of title, body, seminar and tags. */
	words: v.array(v.string()),
	createdAt: v.number(),
	updatedAt: v.number(),
	deleted: v.picklist([0, 1]),
	/** The attached session (rows indexed before sessions existed have none). */
	session: v.optional(OptionalSession, null),
	/** `sessionKeys(session)`: looked up by `sessionKey(ref)`. */
	sessionKeys: v.optional(v.array(v.string()), [])
});
export type NoteIndexRow = v.InferOutput<typeof NoteIndexRowSchema>;

/** Creating a note: what the form may set. */
export const NewNoteSchema = v.object({
	kind: v.optional(NoteKindSchema, 'seminar'),
	title: v.optional(v.pipe(v.string(), v.maxLength(300)), ''),
	seminar: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), ''),
	tags: v.optional(v.array(TagSchema), []),
	session: v.optional(NoteSessionSchema),
	pairMeeting: v.optional(NotePairMeetingSchema)
});
export type NewNote = v.InferInput<typeof NewNoteSchema>;

/** Turns a note into its index row. Pure: the same note always gives the same row. */
export function projectNote(note: NoteSnapshot): NoteIndexRow {
	const tags = normaliseTags(note.tags);
	const words = searchTokens(
		[note.title, note.body, note.seminar, tags.join(' '), note.session?.eventTitle ?? ''].join('\n')
	);
	return {
		id: note.id,
		kind: note.kind,
		title: note.title,
		text: note.body,
		seminar: note.seminar,
		tags,
		tagKeys: [...new Set(tags.map(normaliseWord))],
		words,
		createdAt: note.createdAt,
		updatedAt: note.updatedAt,
		deleted: note.deletedAt === null ? 0 : 1,
		session: note.session,
		sessionKeys: note.session ? sessionKeys(note.session) : []
	};
}

/**
 * The index key of a session: `programme/event/` for the whole event, `programme/event/item` for
 * an agenda item (ids never contain '/'). A note is found by its exact session's key and by
 * `eventKey`, which covers the event with all its agenda items.
 */
export function sessionKey(ref: SessionRef): string {
	return `${eventKey(ref)}/${ref.agendaItemId ?? ''}`;
}
export function eventKey(ref: Pick<SessionRef, 'programmeId' | 'eventId'>): string {
	return `${ref.programmeId}/${ref.eventId}`;
}
export function sessionKeys(session: SessionRef): string[] {
	return [eventKey(session), sessionKey(session)];
}

/** Events in the order they happen. */
export function eventsByStart(events: readonly ProgrammeEvent[]): ProgrammeEvent[] {
	return [...events].sort((a, b) => zonedToUtc(a.start, a.timeZone) - zonedToUtc(b.start, b.timeZone));
}

/**
 * The event a new note most likely belongs to: the one going on or most recently begun (notes are
 * written during and after a gathering), else the first one ahead.
 */
export function likelySessionEvent(events: readonly ProgrammeEvent[], now: number): ProgrammeEvent | null {
	const ordered = eventsByStart(events);
	return ordered.findLast((e) => zonedToUtc(e.start, e.timeZone) <= now) ?? ordered[0] ?? null;
}

/** Lower-cased, trimmed, de-duplicated, sorted tags; a leading '#' is dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
	const out = new Set<string>();
	for (const raw of tags) {
		const tag = raw.trim().replace(/^#+/, '').toLowerCase().normalize('NFC').slice(0, 40);
		if (tag) out.add(tag);
	}
	return [...out].sort((a, b) => a.localeCompare(b, 'nb'));
}

/** Splits what a user types in a tag field ("ledelse, endring #lesing") into tags. */
export function parseTagInput(input: string): string[] {
	return normaliseTags(input.split(/[,;\s]+/));
}

/** A short, random, URL-safe id. */
export function newNoteId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

/** The title to show: the title, else the first line of the body, else null (the UI says "untitled"). */
export function displayTitle(row: Pick<NoteIndexRow, 'title' | 'text'>): string | null {
	const title = row.title.trim();
	if (title) return title;
	const firstLine = row.text
		.split('\n')
		.find((line) => line.trim())
		?.trim();
	return firstLine ? firstLine.slice(0, 80) : null;
}
