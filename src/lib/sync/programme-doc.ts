/**
 * The programme document (room `programme:<id>`) and its discussion (`programme:<id>:discussion`).
 *
 * Shape (stable: every member's device reads it):
 *   meta: Y.Map { name: string }
 *   modules | events | lectures | syllabus | requirements: Y.Map<itemId, plain object>
 *     one entry per item, replaced whole when a coordinator saves a form (last writer wins per
 *     item; two coordinators editing different items offline both keep their work)
 *   competences: Y.Map<competenceId, plain object> — the self-assessment's list, stored over the
 *     defaults (domain/competence-list.ts): an entry only for a competence added, renamed, moved
 *     or removed (a removed one stays, marked), so an empty map is the fifteen defaults
 *   discussion doc — comments: Y.Map<commentId, plain object>
 * Items are parsed with the domain schemas on the way in and out; an invalid item (from an older
 * or newer app) is skipped and reported, never fatal.
 */
import * as v from 'valibot';
import type * as Y from 'yjs';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';
import { CompetenceSchema, mergeCompetences, type Competence } from '$domain/competence-list';
import {
	CommentSchema,
	PROGRAMME_COLLECTIONS as COLLECTIONS,
	type Collection,
	type Comment,
	type ItemOf,
	type Programme
} from '$domain/programme';

export { PROGRAMME_DB_PREFIX } from './doc-names';

export interface ReadResult {
	programme: Programme;
	/** Items that did not pass the schema, as "collection/id". */
	skipped: string[];
}

/** "Forelesning 2" before "Forelesning 10". */
const byTitle = (a: { title: string }, b: { title: string }) =>
	a.title.localeCompare(b.title, 'nb', { numeric: true });

export function readProgramme(doc: Y.Doc): ReadResult {
	const skipped: string[] = [];
	const collection = <C extends Collection>(name: C): ItemOf<C>[] => {
		const read = readMapItems(doc, name, COLLECTIONS[name]);
		skipped.push(...read.skipped.map((id) => `${name}/${id}`));
		return read.items as ItemOf<C>[];
	};
	const name = doc.getMap<unknown>('meta').get('name');
	const competences = readMapItems(doc, 'competences', CompetenceSchema);
	skipped.push(...competences.skipped.map((id) => `competences/${id}`));
	return {
		programme: {
			name: typeof name === 'string' ? name : '',
			modules: collection('modules').sort((a, b) => (a.number || 100) - (b.number || 100) || byTitle(a, b)),
			events: collection('events').sort((a, b) => a.start.localeCompare(b.start)),
			lectures: collection('lectures').sort(byTitle),
			syllabus: collection('syllabus').sort(byTitle),
			requirements: collection('requirements').sort((a, b) => (a.due || '9').localeCompare(b.due || '9')),
			competences: mergeCompetences(competences.items)
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
	return putMapItem(doc, name, COLLECTIONS[name], item, origin) as ItemOf<C>;
}

export function removeItem(doc: Y.Doc, name: Collection, id: string, origin: unknown): void {
	removeMapItem(doc, name, id, origin);
}

/** Saves entries of the competence list in one change (validated first, like `putItem`). */
export function putCompetences(doc: Y.Doc, entries: readonly unknown[], origin: unknown): Competence[] {
	const parsed = entries.map((entry) => v.parse(CompetenceSchema, entry));
	doc.transact(
		() => parsed.forEach((entry) => putMapItem(doc, 'competences', CompetenceSchema, entry, origin)),
		origin
	);
	return parsed;
}

export function setProgrammeName(doc: Y.Doc, name: string, origin: unknown): void {
	const trimmed = v.parse(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)), name);
	doc.transact(() => doc.getMap<unknown>('meta').set('name', trimmed), origin);
}

/** Calls back after any change to the programme (local or from the server). */
export function observeProgramme(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, ['meta', ...Object.keys(COLLECTIONS), 'competences'], callback);
}

export function addComment(doc: Y.Doc, comment: unknown, origin: unknown): Comment {
	return putMapItem(doc, 'comments', CommentSchema, comment, origin);
}

/** Every comment in the discussion document that passes the schema, oldest first. */
export function readComments(doc: Y.Doc): Comment[] {
	return readMapItems(doc, 'comments', CommentSchema).items.sort(
		(a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
	);
}

/** Calls back after any change to the discussion (local or from the server). */
export function observeComments(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, ['comments'], callback);
}
