/**
 * The programme document (room `programme:<id>`) and its discussion (`programme:<id>:discussion`).
 *
 * Shape (stable: every member's device reads it):
 *   meta: Y.Map { name: string }
 *   modules | events | lectures | syllabus | requirements: Y.Map<itemId, plain object>
 *     one entry per item, replaced whole when a coordinator saves a form (last writer wins per
 *     item; two coordinators editing different items offline both keep their work)
 *   discussion doc — comments: Y.Map<commentId, plain object>
 * Items are parsed with the domain schemas on the way in and out; an invalid item (from an older
 * or newer app) is skipped and reported, never fatal.
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import {
	EventSchema,
	LectureSchema,
	ModuleSchema,
	RequirementSchema,
	SyllabusItemSchema,
	type Programme
} from '$domain/programme';

export { PROGRAMME_DB_PREFIX } from './doc-names';

export const COLLECTIONS = {
	modules: ModuleSchema,
	events: EventSchema,
	lectures: LectureSchema,
	syllabus: SyllabusItemSchema,
	requirements: RequirementSchema
} as const;
export type Collection = keyof typeof COLLECTIONS;
export type ItemOf<C extends Collection> = v.InferOutput<(typeof COLLECTIONS)[C]>;

export interface ReadResult {
	programme: Programme;
	/** Items that did not pass the schema, as "collection/id". */
	skipped: string[];
}

export function readProgramme(doc: Y.Doc): ReadResult {
	const skipped: string[] = [];
	const collection = <C extends Collection>(name: C): ItemOf<C>[] => {
		const out: ItemOf<C>[] = [];
		for (const [id, raw] of doc.getMap<unknown>(name).entries()) {
			const parsed = v.safeParse(COLLECTIONS[name], raw);
			if (parsed.success) out.push(parsed.output as ItemOf<C>);
			else skipped.push(`${name}/${id}`);
		}
		return out;
	};
	const name = doc.getMap<unknown>('meta').get('name');
	return {
		programme: {
			name: typeof name === 'string' ? name : '',
			modules: collection('modules').sort((a, b) => a.title.localeCompare(b.title, 'nb')),
			events: collection('events').sort((a, b) => a.start.localeCompare(b.start)),
			lectures: collection('lectures').sort((a, b) => a.title.localeCompare(b.title, 'nb')),
			syllabus: collection('syllabus').sort((a, b) => a.title.localeCompare(b.title, 'nb')),
			requirements: collection('requirements').sort((a, b) => (a.due || '9').localeCompare(b.due || '9'))
		},
		skipped
	};
}

/** Saves one item (validated first: a form never stores what the schema refuses). */
export function putItem<C extends Collection>(
	doc: Y.Doc,
	name: C,
	item: unknown,
	origin: unknown
): ItemOf<C> {
	const parsed = v.parse(COLLECTIONS[name], item) as ItemOf<C>;
	doc.transact(() => doc.getMap<unknown>(name).set(parsed.id, parsed), origin);
	return parsed;
}

export function removeItem(doc: Y.Doc, name: Collection, id: string, origin: unknown): void {
	doc.transact(() => doc.getMap<unknown>(name).delete(id), origin);
}

export function setProgrammeName(doc: Y.Doc, name: string, origin: unknown): void {
	const trimmed = v.parse(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)), name);
	doc.transact(() => doc.getMap<unknown>('meta').set('name', trimmed), origin);
}

/** Calls back after any change to the programme (local or from the server). */
export function observeProgramme(doc: Y.Doc, callback: () => void): () => void {
	const maps = ['meta', ...Object.keys(COLLECTIONS)].map((name) => doc.getMap(name));
	const handler = () => callback();
	for (const map of maps) map.observe(handler);
	return () => maps.forEach((map) => map.unobserve(handler));
}

export const CommentSchema = v.object({
	id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
	lectureId: v.string(),
	questionId: v.string(),
	authorId: v.pipe(v.string(), v.minLength(1)),
	authorName: v.pipe(v.string(), v.maxLength(100)),
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(10_000)),
	createdAt: v.number()
});
export type Comment = v.InferOutput<typeof CommentSchema>;

export function addComment(doc: Y.Doc, comment: unknown, origin: unknown): Comment {
	const parsed = v.parse(CommentSchema, comment);
	doc.transact(() => doc.getMap<unknown>('comments').set(parsed.id, parsed), origin);
	return parsed;
}

/** The comments on one question, oldest first. */
export function commentsOn(doc: Y.Doc, questionId: string): Comment[] {
	const out: Comment[] = [];
	for (const raw of doc.getMap<unknown>('comments').values()) {
		const parsed = v.safeParse(CommentSchema, raw);
		if (parsed.success && parsed.output.questionId === questionId) out.push(parsed.output);
	}
	return out.sort((a, b) => a.createdAt - b.createdAt);
}

/** How many comments one member has written (toward a "comments" work requirement). */
export function commentCount(doc: Y.Doc, authorId: string): number {
	let n = 0;
	for (const raw of doc.getMap<unknown>('comments').values()) {
		const parsed = v.safeParse(CommentSchema, raw);
		if (parsed.success && parsed.output.authorId === authorId) n++;
	}
	return n;
}
