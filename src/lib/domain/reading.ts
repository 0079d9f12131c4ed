/**
 * The reading log in the participant's workspace: their own texts (beside the programme's
 * syllabus, which is read from the programme), reading sessions and reading notes or quotes.
 * Each session and note is its own small record pointing to its text, so two devices logging
 * offline never overwrite each other. Schemas, references to texts and their URL keys, ISBNs.
 */
import * as v from 'valibot';
import type { Programme, SyllabusItem } from './programme';
import { isLocalDateTime } from './zoned-time';

/** The workspace collections of the reading log. */
export const READING_COLLECTIONS = {
	texts: 'readingTexts',
	sessions: 'readingSessions',
	notes: 'readingNotes'
} as const;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Count = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
const MAX_PAGES = 10_000;

/** Digits of an ISBN as typed, without spaces and hyphens ("978-82-02-…" → "97882…"). */
export function compactIsbn(input: string): string {
	return input.replace(/[\s-]/g, '').toUpperCase();
}

/** True for a valid ISBN-10 (last digit may be X) or ISBN-13, checksum included. */
export function isValidIsbn(input: string): boolean {
	const isbn = compactIsbn(input);
	if (/^\d{9}[\dX]$/.test(isbn)) {
		let sum = 0;
		for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === 'X' ? 10 : Number(isbn[i]));
		return sum % 11 === 0;
	}
	if (/^97[89]\d{10}$/.test(isbn)) {
		let sum = 0;
		for (let i = 0; i < 13; i++) sum += (i % 2 ? 3 : 1) * Number(isbn[i]);
		return sum % 10 === 0;
	}
	return false;
}

const Isbn = v.union([
	v.literal(''),
	v.pipe(v.string(), v.check(isValidIsbn, 'not an ISBN'), v.transform(compactIsbn))
]);

/** A text the participant chose to read: counts as self-chosen syllabus. */
export const OwnTextSchema = v.object({
	id: Id,
	title: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(300)),
	author: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), ''),
	pages: Count(1, MAX_PAGES),
	isbn: v.optional(Isbn, ''),
	/** The programme whose self-chosen quota it counts toward ('' = none). */
	programmeId: v.optional(v.union([v.literal(''), Id]), ''),
	moduleIds: v.optional(v.array(Id), []),
	lectureIds: v.optional(v.array(Id), []),
	createdAt: v.number()
});
export type OwnText = v.InferOutput<typeof OwnTextSchema>;

export const TextRefSchema = v.variant('kind', [
	v.object({ kind: v.literal('syllabus'), programmeId: Id, itemId: Id }),
	v.object({ kind: v.literal('own'), id: Id })
]);
export type TextRef = v.InferOutput<typeof TextRefSchema>;

/**
 * One sitting with a text: either a count of pages, or a page range (from–to, both pages
 * included). A range read twice counts once toward the text (see reading-progress.ts).
 */
export const ReadingSessionSchema = v.pipe(
	v.object({
		id: Id,
		textRef: TextRefSchema,
		date: LocalDate,
		/** Pages read when no range is given (0 with a range). */
		pages: v.optional(Count(0, MAX_PAGES), 0),
		fromPage: v.optional(Count(0, MAX_PAGES), 0),
		toPage: v.optional(Count(0, MAX_PAGES), 0),
		minutes: v.optional(Count(0, 24 * 60), 0),
		note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000)), ''),
		createdAt: v.number()
	}),
	v.forward(
		v.partialCheck(
			[['pages'], ['fromPage'], ['toPage']],
			(s) => (s.fromPage || s.toPage ? s.fromPage >= 1 && s.toPage >= s.fromPage : s.pages >= 1),
			'give pages read, or a range from–to'
		),
		['pages']
	)
);
export type ReadingSession = v.InferOutput<typeof ReadingSessionSchema>;

export const READING_NOTE_KINDS = ['note', 'quote'] as const;

export const ReadingNoteSchema = v.object({
	id: Id,
	textRef: TextRefSchema,
	kind: v.picklist(READING_NOTE_KINDS),
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(10_000)),
	/** The page it is on (0 = not given). */
	page: v.optional(Count(0, MAX_PAGES), 0),
	/** A lecture of the text's programme it belongs to ('' = none). */
	lectureId: v.optional(v.union([v.literal(''), Id]), ''),
	createdAt: v.number()
});
export type ReadingNote = v.InferOutput<typeof ReadingNoteSchema>;

/**
 * The key of a text in URLs (/reading/[textKey]): "s~<programmeId>~<itemId>" for a syllabus
 * item, "o~<id>" for an own text. Ids never hold "~", which stays as it is in a URL.
 */
export function textKey(ref: TextRef): string {
	return ref.kind === 'syllabus' ? `s~${ref.programmeId}~${ref.itemId}` : `o~${ref.id}`;
}

export function parseTextKey(key: string): TextRef | null {
	const parts = key.split('~');
	const ref =
		parts[0] === 's' && parts.length === 3
			? { kind: 'syllabus', programmeId: parts[1], itemId: parts[2] }
			: parts[0] === 'o' && parts.length === 2
				? { kind: 'own', id: parts[1] }
				: null;
	const parsed = v.safeParse(TextRefSchema, ref);
	return parsed.success ? parsed.output : null;
}

/** A text as the reading log lists it, wherever it comes from. */
export interface ReadingText {
	key: string;
	ref: TextRef;
	title: string;
	author: string;
	pages: number;
	kind: SyllabusItem['kind'];
	/** The programme it belongs to or counts toward ('' for an own text of none). */
	programmeId: string;
	moduleIds: string[];
	lectureIds: string[];
	isbn: string;
	own: boolean;
}

/** Every programme's syllabus items, then the own texts. Own texts always count as self-chosen. */
export function readingTexts(
	programmes: readonly { id: string; programme: Pick<Programme, 'syllabus'> }[],
	own: readonly OwnText[]
): ReadingText[] {
	const fromSyllabus = programmes.flatMap(({ id, programme }) =>
		programme.syllabus.map((item): ReadingText => {
			const ref: TextRef = { kind: 'syllabus', programmeId: id, itemId: item.id };
			return {
				key: textKey(ref),
				ref,
				title: item.title,
				author: item.author,
				pages: item.pages,
				kind: item.kind,
				programmeId: id,
				moduleIds: item.moduleIds,
				lectureIds: item.lectureIds,
				isbn: '',
				own: false
			};
		})
	);
	const mine = [...own]
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((text): ReadingText => {
			const ref: TextRef = { kind: 'own', id: text.id };
			return {
				key: textKey(ref),
				ref,
				title: text.title,
				author: text.author,
				pages: text.pages,
				kind: 'self-chosen',
				programmeId: text.programmeId,
				moduleIds: text.moduleIds,
				lectureIds: text.lectureIds,
				isbn: text.isbn,
				own: true
			};
		});
	return [...fromSyllabus, ...mine];
}

/** Pages a form typed: '' is 0, anything else must be a whole number (else NaN, refused). */
export function typedCount(text: string): number {
	const trimmed = text.trim();
	if (!trimmed) return 0;
	return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
