/**
 * A note's body as rich text (issue 5), and the migration of the walking skeleton's plain-text
 * bodies into it. Part of the workspace's document format (workspace.ts): stable, because other
 * devices and older app versions read it.
 *
 * The rich body of note `<id>` is the top-level Y.XmlFragment `note-body:<id>` of the workspace
 * document, in the editor's format (rich-text-schema.ts). A top-level type, not a key of the note's
 * map: two devices that create it offline refer to the same type, so neither replaces the other's.
 *
 * Migration of a legacy body (a plain-text `body` Y.Text) is built so that two devices migrating
 * the same text offline write the same thing, which Yjs then keeps once:
 * - the paragraphs (one per non-blank line, the structure y-prosemirror writes: an XmlElement
 *   'paragraph' holding one XmlText) are written in a temporary Y.Doc as a client id that is a
 *   hash of the note id and what is inserted; its update is applied to the workspace. The same text
 *   gives byte-identical structs (same client, clocks and content); a different text gives another
 *   client id, so both are kept (a duplicate paragraph at worst, never a loss).
 * - the note's map records it: `bodyFormat: 'rich'`, `bodyMigratedFrom` (the hash of the legacy
 *   text migrated), `bodyMigratedLength` (its length) and `bodyMigrations` (how many times).
 * - the legacy Y.Text is never deleted or changed: an older app version still shows (and edits) it.
 * - if an older app version changes the legacy text later (its hash no longer matches), it is
 *   migrated again. When the text migrated before is still its beginning (an older version added
 *   to the end, the usual case), only the lines from where that text ended are added: the line it
 *   ended in, if it ended mid-line (that line then appears twice, the old and the longer version),
 *   and every line after it. Otherwise the whole text is added again. Nothing is ever lost.
 * - the client id's top four bits are the migration's generation (0 for the first, then 1, 2 …,
 *   at most 15): Yjs orders concurrent inserts at the start of a fragment by client id, so a later
 *   migration's paragraphs follow the earlier ones, i.e. they are appended. The low 28 bits are the
 *   hash. Should that client id already be in the workspace (a hash collision), the paragraphs are
 *   appended with the workspace's own client id instead: no deduplication then, but no loss.
 *
 * The hash (cyrb53) and the client id's layout are part of the format: changing either makes
 * devices of different versions write the same migration twice.
 */
import * as Y from 'yjs';
import { registerLocalOrigin } from './persisted-doc';

/** Origin of migrations: counted as local, so the journal, the write-ahead log and other tabs take them. */
export const MIGRATION_ORIGIN = Symbol('note-body-migration');
registerLocalOrigin(MIGRATION_ORIGIN);

export const NOTE_BODY_PREFIX = 'note-body:';
export const noteBodyName = (noteId: string): string => NOTE_BODY_PREFIX + noteId;

/** The note map's keys of the rich body (absent in notes of the walking skeleton). */
export const BODY_FORMAT = 'bodyFormat';
export const MIGRATED_FROM = 'bodyMigratedFrom';
export const MIGRATED_LENGTH = 'bodyMigratedLength';
export const MIGRATIONS = 'bodyMigrations';

const MAX_GENERATION = 15;

/**
 * cyrb53 (a public-domain 53-bit string hash by bryc): fast, well mixed, and the same on every
 * device and version, which is all the migration needs (it is not a cryptographic hash).
 */
export function cyrb53(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** What `bodyMigratedFrom` holds for a legacy text of a note. */
export const legacyHash = (noteId: string, text: string): number => cyrb53(`${noteId}\n${text}`);

/** The non-blank lines of a plain text (as richDocFromPlainText in domain/rich-text.ts). */
export function plainLines(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.filter((line) => line.trim() !== '');
}

export interface MigrationPlan {
	/** The paragraphs to add, one per line. */
	lines: string[];
	/** The client id that writes them (generation in the top 4 bits, a hash in the low 28). */
	clientId: number;
	/** What to record on the note. */
	record: { hash: number; length: number; migrations: number };
}

/**
 * What migrating `legacy` adds, given what the note's map records (null: nothing to do, because
 * the text is blank or exactly this text was migrated already). Pure, and the same on every device.
 */
export function planMigration(
	noteId: string,
	legacy: string,
	recorded: { hash?: unknown; length?: unknown; migrations?: unknown }
): MigrationPlan | null {
	if (legacy.trim() === '') return null;
	const hash = legacyHash(noteId, legacy);
	if (recorded.hash === hash) return null;
	const migrations =
		typeof recorded.migrations === 'number' && recorded.migrations > 0 ? recorded.migrations : 0;
	const cut = migrations > 0 ? continuation(noteId, legacy, recorded) : 0;
	const lines = plainLines(legacy.slice(cut));
	const generation = Math.min(migrations, MAX_GENERATION);
	const low = cyrb53(`${noteId}\n${generation}\n${cut}\n${legacy}`) & 0x0fffffff;
	return {
		lines,
		clientId: ((generation << 28) | low) >>> 0,
		record: { hash, length: legacy.length, migrations: migrations + 1 }
	};
}

/**
 * Where the new part of `legacy` starts, if the text migrated before is its beginning: the start
 * of the line that text ended in (or of the next line, if it ended at a line break); else 0.
 */
function continuation(
	noteId: string,
	legacy: string,
	recorded: { hash?: unknown; length?: unknown }
): number {
	const length = recorded.length;
	if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0 || length > legacy.length)
		return 0;
	if (legacyHash(noteId, legacy.slice(0, length)) !== recorded.hash) return 0;
	if (legacy[length - 1] === '\n' || legacy[length] === '\n') return length;
	return legacy.lastIndexOf('\n', length - 1) + 1;
}

/** A paragraph as y-prosemirror writes one: an XmlElement 'paragraph' holding one XmlText. */
function paragraph(line: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	text.insert(0, line);
	element.insert(0, [text]);
	return element;
}

/** What migrating a note's legacy body adds, from its map (null: nothing to do). */
export function planFor(noteId: string, note: Y.Map<unknown>): MigrationPlan | null {
	const legacy = note.get('body');
	return planMigration(noteId, legacy instanceof Y.Text ? legacy.toString() : '', {
		hash: note.get(MIGRATED_FROM),
		length: note.get(MIGRATED_LENGTH),
		migrations: note.get(MIGRATIONS)
	});
}

/**
 * Migrates these notes' legacy bodies into their rich bodies in `doc` (see the top of this file);
 * returns how many changed. Two transactions, whatever the number of notes: Yjs counts a
 * transaction that applies an update as a remote one, and one that also held this device's own
 * changes would make Yjs think another device uses its client id. So first the paragraphs (each
 * note's written by its plan's client id), then, as this device, the records (and the paragraphs
 * of a plan whose client id is taken).
 */
export function migrateLegacyBodies(doc: Y.Doc, notes: Iterable<[string, Y.Map<unknown>]>): number {
	const planned: { id: string; note: Y.Map<unknown>; plan: MigrationPlan }[] = [];
	for (const [id, note] of notes) {
		if (planned.some((item) => item.id === id)) continue;
		const plan = planFor(id, note);
		if (plan) planned.push({ id, note, plan });
	}
	if (!planned.length) return 0;
	// Paragraphs whose client id is taken (a hash collision with a client already in this document,
	// or with another plan of this batch) are appended as this device: no loss, no deduplication.
	const appendHere: typeof planned = [];
	const temp = new Y.Doc();
	for (const item of planned) {
		if (!item.plan.lines.length) continue;
		const { clientId } = item.plan;
		if (clientId === doc.clientID || doc.store.clients.has(clientId) || temp.store.clients.has(clientId))
			appendHere.push(item);
		else writeMigration(temp, item.id, item.plan);
	}
	if (temp.store.clients.size) {
		const update = Y.encodeStateAsUpdate(temp);
		doc.transact(() => Y.applyUpdate(doc, update, MIGRATION_ORIGIN), MIGRATION_ORIGIN);
	}
	temp.destroy();
	doc.transact(() => {
		for (const { id, plan } of appendHere) {
			const fragment = doc.getXmlFragment(noteBodyName(id));
			fragment.insert(fragment.length, plan.lines.map(paragraph));
		}
		for (const { note, plan } of planned) {
			note.set(BODY_FORMAT, 'rich');
			note.set(MIGRATED_FROM, plan.record.hash);
			note.set(MIGRATED_LENGTH, plan.record.length);
			note.set(MIGRATIONS, plan.record.migrations);
		}
	}, MIGRATION_ORIGIN);
	return planned.length;
}

/**
 * Writes the plan's paragraphs into `temp` as the plan's client id (a fresh one in `temp`): the
 * structs are the same as in a document of their own, whatever else `temp` holds, because each
 * client's clocks start at 0 and every paragraph goes into a fragment no other plan touches.
 */
export function writeMigration(temp: Y.Doc, noteId: string, plan: MigrationPlan): void {
	temp.clientID = plan.clientId;
	temp.getXmlFragment(noteBodyName(noteId)).insert(0, plan.lines.map(paragraph));
}

const BLOCKS = new Set(['paragraph', 'heading']);

/**
 * The plain text of a rich body: one line per paragraph or heading (list items and quotes are
 * their paragraphs), a hard break a line break. The same text as `richPlainText` of
 * domain/rich-text.ts gives for the document, read straight from the Y types (no editor code).
 */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
	const lines: string[] = [];
	const walk = (node: Y.XmlFragment | Y.XmlElement) => {
		for (const child of node.toArray()) {
			if (!(child instanceof Y.XmlElement)) continue;
			if (BLOCKS.has(child.nodeName)) lines.push(inlineText(child));
			else walk(child);
		}
	};
	walk(fragment);
	return lines.join('\n');
}

/**
 * The characters of an XmlText without its marks: what its delta's string inserts add up to, read
 * by Y.Text's own toString (Y.XmlText's gives XML), which does not build the delta.
 */
const textOfXml: (text: Y.XmlText) => string = (text) => Y.Text.prototype.toString.call(text);

function inlineText(block: Y.XmlElement): string {
	let out = '';
	for (const child of block.toArray()) {
		if (child instanceof Y.XmlText) out += textOfXml(child);
		else if (child instanceof Y.XmlElement && child.nodeName === 'hard_break') out += '\n';
	}
	return out;
}
