/**
 * The personal workspace: one Y.Doc persisted on the device by y-indexeddb.
 *
 * Shape (stable: other devices and older app versions read it):
 *   notes: Y.Map<noteId, Y.Map>
 *     id: string, kind: 'seminar' | 'reflection', title: Y.Text, body: Y.Text, seminar: string,
 *     tags: Y.Map<tag, true>, createdAt: number, updatedAt: number, deletedAt: number | null,
 *     bodyFormat?: 'rich' (absent: the walking skeleton's plain-text `body`; 'rich': the body is
 *       the top-level fragment below, and `body` is kept, empty or as it was, for older versions),
 *     bodyMigratedFrom?, bodyMigratedLength?, bodyMigrations?: numbers recording the migration of
 *       the plain-text body (note-body.ts),
 *     session?: { programmeId, eventId, agendaItemId, eventTitle, agendaItemTitle } (a plain
 *       object, replaced whole; absent = not attached, also in notes older than sessions; a value
 *       that does not parse is read as absent)
 *
 *   plus collections of small records, each a Y.Map<id, plain object> (see item-maps.ts):
 *   the training plan, reading log, change tasks and self-assessments.
 *
 *   note-body:<noteId>: Y.XmlFragment — a note's rich body (issue 5; format rich-text-schema.ts).
 *     Top-level, so two devices that write or migrate it offline refer to the same type.
 *
 *
 * Everything leaving this file is parsed with the domain schema (a note from another device
 * could be malformed); the rest of the app never sees a Y type.
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import {
	NewNoteSchema,
	NoteSessionSchema,
	NoteSnapshotSchema,
	normaliseTags,
	type NewNote,
	type NoteKind,
	type NoteSession,
	type NoteSnapshot
} from '$domain/note';
import { LOCAL_ORIGIN, PersistedDoc } from './persisted-doc';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';
import { TextBinding } from './text-binding';
import {
	BODY_FORMAT,
	fragmentText,
	legacyHash,
	migrateLegacyBodies,
	MIGRATED_FROM,
	MIGRATION_ORIGIN,
	NOTE_BODY_PREFIX,
	noteBodyName
} from './note-body';

/** Any shared type (as a transaction lists the types it changed). */
type YType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;
type RecordSchema = v.GenericSchema<unknown, { id: string }>;

export { WORKSPACE_DB } from './doc-names';
import { WORKSPACE_DB } from './doc-names';
export type NoteTextField = 'title' | 'body';

export { isLocalOrigin, LOCAL_ORIGIN, RECOVERY_ORIGIN } from './persisted-doc';
export { MIGRATION_ORIGIN } from './note-body';

const TOUCH_INTERVAL_MS = 5_000;

export class Workspace extends PersistedDoc {
	readonly #notes: Y.Map<Y.Map<unknown>>;
	/** Top-level types → their names (a cache; see #noteOfRoot). */
	#rootNames = new WeakMap<YType, string>();

	constructor(dbName = WORKSPACE_DB) {
		super(dbName);
		this.#notes = this.doc.getMap('notes');
	}

	createNote(input: NewNote = {}, now = Date.now(), id: string): string {
		const note = v.parse(NewNoteSchema, input);
		this.doc.transact(() => {
			const map = new Y.Map<unknown>();
			this.#notes.set(id, map);
			map.set('id', id);
			map.set('kind', note.kind);
			map.set('title', new Y.Text(note.title));
			// The body is the rich fragment `note-body:<id>`, empty until typed in; the plain-text
			// body stays, empty, so that older app versions still open the note.
			map.set('body', new Y.Text());
			map.set(BODY_FORMAT, 'rich');
			map.set('seminar', note.seminar);
			const tags = new Y.Map<boolean>();
			for (const tag of normaliseTags(note.tags)) tags.set(tag, true);
			map.set('tags', tags);
			map.set('createdAt', now);
			map.set('updatedAt', now);
			map.set('deletedAt', null);
			if (note.session) map.set('session', { ...note.session });
			if (note.pairMeeting) map.set('pairMeeting', { ...note.pairMeeting });
		}, LOCAL_ORIGIN);
		return id;
	}

	noteIds(): string[] {
		return [...this.#notes.keys()];
	}

	readNote(id: string): NoteSnapshot | null {
		const map = this.#notes.get(id);
		if (!(map instanceof Y.Map)) return null;
		const tags = map.get('tags');
		const raw = {
			id,
			kind: map.get('kind'),
			title: textOf(map.get('title')),
			body: this.#isRich(map) ? this.#richText(id) : textOf(map.get('body')),
			seminar: map.get('seminar') ?? '',
			tags: tags instanceof Y.Map ? [...tags.keys()] : [],
			createdAt: map.get('createdAt'),
			updatedAt: map.get('updatedAt'),
			deletedAt: map.get('deletedAt') ?? null,
			session: map.get('session') ?? null,
			pairMeeting: map.get('pairMeeting') ?? null
		};
		const parsed = v.safeParse(NoteSnapshotSchema, raw);
		if (!parsed.success) {
			console.warn('Skipping a malformed note in the workspace', id, parsed.issues[0]?.message);
			return null;
		}
		return parsed.output;
	}

	setKind(id: string, kind: NoteKind): void {
		this.#update(id, (map) => map.set('kind', kind));
	}

	setSeminar(id: string, seminar: string): void {
		this.#update(id, (map) => map.set('seminar', seminar.slice(0, 300)));
	}

	/** Attaches the note to a session (replacing any other), or detaches it with null. */
	setSession(id: string, session: NoteSession | null): void {
		const value = session ? { ...v.parse(NoteSessionSchema, session) } : null;
		this.#update(id, (map) => (value ? map.set('session', value) : map.delete('session')));
	}

	setTags(id: string, tags: string[]): void {
		this.#update(id, (map) => {
			const ymap = map.get('tags');
			if (!(ymap instanceof Y.Map)) return;
			const next = new Set(normaliseTags(tags));
			for (const tag of [...ymap.keys()]) if (!next.has(tag)) ymap.delete(tag);
			for (const tag of next) if (!ymap.has(tag)) ymap.set(tag, true);
		});
	}

	/** Soft delete: the note leaves lists and search but keeps its text, so undo and offline edits elsewhere are safe. */
	setDeleted(id: string, deleted: boolean, now = Date.now()): void {
		this.#update(id, (map) => map.set('deletedAt', deleted ? now : null), now);
	}

	/**
	 * Binds an input or textarea to a note's title, or to its plain-text `body` of the walking
	 * skeleton (which the app no longer edits: see noteBody).
	 */
	bindText(
		id: string,
		field: NoteTextField,
		element: HTMLInputElement | HTMLTextAreaElement
	): TextBinding | null {
		const map = this.#notes.get(id);
		const text = map?.get(field);
		if (!(map instanceof Y.Map) || !(text instanceof Y.Text)) return null;
		return new TextBinding(text, element, LOCAL_ORIGIN, () => this.#touch(map));
	}

	/**
	 * The rich body of a note (bind it with rich-text.ts), after migrating its plain-text body if
	 * that has text not migrated yet; null for an unknown note.
	 */
	noteBody(id: string): Y.XmlFragment | null {
		const map = this.#notes.get(id);
		if (!(map instanceof Y.Map)) return null;
		if (!migrateLegacyBodies(this.doc, [[id, map]]) && !this.#isRich(map))
			this.doc.transact(() => map.set(BODY_FORMAT, 'rich'), MIGRATION_ORIGIN);
		return this.doc.getXmlFragment(noteBodyName(id));
	}

	/** The notes (of these, or of all) whose plain-text body has text not migrated to their rich body yet. */
	notesToMigrate(ids: readonly string[] = this.noteIds()): string[] {
		return ids.filter((id) => {
			const map = this.#notes.get(id);
			return map instanceof Y.Map && needsMigration(id, map);
		});
	}

	/**
	 * Migrates these notes' plain-text bodies (note-body.ts; two transactions for all of them);
	 * returns how many changed. Idempotent: a note already migrated is left alone.
	 */
	migrateNoteBodies(ids: readonly string[]): number {
		const notes = ids.flatMap((id) => {
			const map = this.#notes.get(id);
			return map instanceof Y.Map ? [[id, map] as [string, Y.Map<unknown>]] : [];
		});
		return migrateLegacyBodies(this.doc, notes);
	}

	/** After a local edit of a note's rich body: `updatedAt`, at most every few seconds (as typing does). */
	touchNote(id: string, now = Date.now()): void {
		const map = this.#notes.get(id);
		if (map instanceof Y.Map) this.doc.transact(() => this.#touch(map, now), LOCAL_ORIGIN);
	}

	/**
	 * The records of one collection of the workspace (plan, reading log, change tasks …; see
	 * item-maps.ts), parsed with its schema; malformed ones are skipped with a warning.
	 */
	records<S extends RecordSchema>(collection: string, schema: S): v.InferOutput<S>[] {
		const { items, skipped } = readMapItems(this.doc, collection, schema);
		if (skipped.length) console.warn('Skipping malformed records in the workspace', collection, skipped);
		return items;
	}

	/** Saves one record (throws a ValiError for one the schema refuses: validate forms first). */
	putRecord<S extends RecordSchema>(collection: string, schema: S, record: unknown): v.InferOutput<S> {
		return putMapItem(this.doc, collection, schema, record, LOCAL_ORIGIN);
	}

	removeRecord(collection: string, id: string): void {
		removeMapItem(this.doc, collection, id, LOCAL_ORIGIN);
	}

	/** Calls back after any change to these collections, from here, another tab or the server. */
	onRecordsChanged(collections: readonly string[], callback: () => void): () => void {
		return observeMaps(this.doc, collections, callback);
	}

	/**
	 * Calls back with the ids of notes that changed, after each transaction: their map, or their
	 * rich body (`note-body:<id>`).
	 */
	onNotesChanged(callback: (ids: Set<string>) => void): () => void {
		const notes = this.#notes as unknown as YType;
		const handler = (transaction: Y.Transaction) => {
			const ids = new Set<string>();
			for (const [type, keys] of transaction.changed) {
				// Climb to the top-level type; `key` is the key of the outermost item in it.
				let root: YType = type;
				let key: string | null = null;
				while (root._item) {
					key = root._item.parentSub;
					root = root._item.parent as YType;
				}
				if (root === notes) {
					if (type === notes) for (const k of keys) if (k !== null) ids.add(k);
					if (key !== null) ids.add(key);
				} else {
					const id = this.#noteOfRoot(root);
					if (id) ids.add(id);
				}
			}
			if (ids.size) callback(ids);
		};
		this.doc.on('afterTransaction', handler);
		return () => this.doc.off('afterTransaction', handler);
	}

	/** The note whose rich body this top-level type is, if it is one. */
	#noteOfRoot(root: YType): string | null {
		let name = this.#rootNames.get(root);
		if (name === undefined) {
			for (const [n, type] of this.doc.share) this.#rootNames.set(type, n);
			name = this.#rootNames.get(root);
		}
		return name?.startsWith(NOTE_BODY_PREFIX) ? name.slice(NOTE_BODY_PREFIX.length) : null;
	}

	/** The plain text of a note's rich body ('' while it has none). */
	#richText(id: string): string {
		const type = this.doc.share.get(noteBodyName(id));
		if (type === undefined) return '';
		if (!(type instanceof Y.XmlFragment)) this.#defineNoteBodies();
		return fragmentText(this.doc.getXmlFragment(noteBodyName(id)));
	}

	/**
	 * Gives every rich body that arrived from storage or another device its type, in one
	 * transaction: Yjs defines each top-level type in a transaction of its own, and every
	 * transaction costs a pass over the document's clients (500 notes after loading: ~0.2 s).
	 */
	#defineNoteBodies(): void {
		this.doc.transact(() => {
			for (const [name, type] of this.doc.share)
				if (name.startsWith(NOTE_BODY_PREFIX) && !(type instanceof Y.XmlFragment))
					this.doc.getXmlFragment(name);
		});
	}

	#isRich(map: Y.Map<unknown>): boolean {
		return map.get(BODY_FORMAT) === 'rich';
	}

	#update(id: string, change: (map: Y.Map<unknown>) => void, now = Date.now()): void {
		const map = this.#notes.get(id);
		if (!(map instanceof Y.Map)) return;
		this.doc.transact(() => {
			change(map);
			map.set('updatedAt', now);
		}, LOCAL_ORIGIN);
	}

	#touch(map: Y.Map<unknown>, now = Date.now()): void {
		const last = map.get('updatedAt');
		if (typeof last !== 'number' || now - last >= TOUCH_INTERVAL_MS) map.set('updatedAt', now);
	}
}

const textOf = (value: unknown): string => (value instanceof Y.Text ? value.toString() : '');

/** Whether the note's plain-text body has text its rich body has not taken yet. */
function needsMigration(id: string, map: Y.Map<unknown>): boolean {
	const legacy = textOf(map.get('body'));
	return legacy.trim() !== '' && map.get(MIGRATED_FROM) !== legacyHash(id, legacy);
}
