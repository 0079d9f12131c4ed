/**
 * The document of one draft (room `user:<owner>:draft:<id>`).
 *
 * Shape (stable: the owner's devices and those it is shared with read it):
 *   title: Y.Text (top-level: two devices typing in it merge)
 *   body: Y.XmlFragment (top-level; the rich-text format of rich-text-schema.ts)
 *   meta: Y.Map { kind, status, requirement, createdAt }   one key per field, last writer wins
 *   versions: Y.Map<versionId, plain DraftVersion>        never changed once written
 * Everything is parsed with the domain schemas on the way out; an invalid entry is skipped.
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import {
	DraftMetaSchema,
	DraftVersionSchema,
	type DraftMeta,
	type DraftStatus,
	type DraftVersion
} from '$domain/draft';
import type { RichDoc } from '$domain/rich-text';
import { putMapItem, readMapItems } from './item-maps';
import { fragmentToRichDoc, replaceFragment } from './rich-text-json';
import { TextBinding } from './text-binding';

const META_KEYS = ['kind', 'status', 'requirement', 'createdAt'] as const;

export const draftBody = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment('body');
const draftTitle = (doc: Y.Doc): Y.Text => doc.getText('title');

/** Writes a new draft's title and facts (the body starts empty). */
export function initDraft(doc: Y.Doc, meta: DraftMeta, origin: unknown): void {
	const parsed = v.parse(DraftMetaSchema, meta);
	doc.transact(() => {
		const title = draftTitle(doc);
		if (title.length === 0 && parsed.title) title.insert(0, parsed.title);
		const map = doc.getMap<unknown>('meta');
		for (const key of META_KEYS) map.set(key, parsed[key]);
	}, origin);
}

/** The draft's facts, or null before they arrived (a shared draft not yet synced) or if malformed. */
export function readDraftMeta(doc: Y.Doc): DraftMeta | null {
	const map = doc.getMap<unknown>('meta');
	if (!map.has('kind')) return null;
	const parsed = v.safeParse(DraftMetaSchema, {
		...Object.fromEntries(map.entries()),
		title: draftTitle(doc).toString()
	});
	return parsed.success ? parsed.output : null;
}

export function setDraftStatus(doc: Y.Doc, status: DraftStatus, origin: unknown): void {
	const parsed = v.parse(DraftMetaSchema.entries.status, status);
	doc.transact(() => doc.getMap<unknown>('meta').set('status', parsed), origin);
}

export function setDraftRequirement(
	doc: Y.Doc,
	requirement: DraftMeta['requirement'],
	origin: unknown
): void {
	const parsed = v.parse(DraftMetaSchema.entries.requirement, requirement);
	doc.transact(() => doc.getMap<unknown>('meta').set('requirement', parsed), origin);
}

/** Binds an input to the title. */
export function bindDraftTitle(
	doc: Y.Doc,
	element: HTMLInputElement,
	origin: unknown,
	onLocalChange?: () => void
): TextBinding {
	return new TextBinding(draftTitle(doc), element, origin, onLocalChange);
}

/** The text as plain data (for counting, versions, export, search). */
export const readDraftBody = (doc: Y.Doc): RichDoc => fragmentToRichDoc(draftBody(doc));

/** Every version, oldest first. */
export function readVersions(doc: Y.Doc): DraftVersion[] {
	return readMapItems(doc, 'versions', DraftVersionSchema).items.sort((a, b) => a.createdAt - b.createdAt);
}

/** Stores a version (never overwrites one: ids are new). Throws a ValiError for an invalid one. */
export function addVersion(doc: Y.Doc, version: DraftVersion, origin: unknown): DraftVersion {
	if (doc.getMap('versions').has(version.id)) throw new Error('A version with this id exists');
	return putMapItem(doc, 'versions', DraftVersionSchema, version, origin);
}

/** Makes the text what `body` says (restoring a version): a new state; nothing before it is lost. */
export function replaceDraftBody(doc: Y.Doc, body: RichDoc, origin: unknown): void {
	replaceFragment(draftBody(doc), body, origin);
}

/** Calls back after any change to the draft (text, title, facts, versions), local or remote. */
export function observeDraft(doc: Y.Doc, callback: (bodyChanged: boolean) => void): () => void {
	const body = draftBody(doc);
	const handler = (transaction: Y.Transaction) => {
		if (!transaction.changed.size) return;
		let bodyChanged = false;
		for (const type of transaction.changedParentTypes.keys()) {
			if ((type as unknown) === body) {
				bodyChanged = true;
				break;
			}
		}
		callback(bodyChanged);
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
