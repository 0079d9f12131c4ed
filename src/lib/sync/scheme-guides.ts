/**
 * A mentor scheme's guides in its programme document (`programme:<id>`, coordinators write, members
 * read; the ProgrammeKeeper keeps it on every member's device, so the guides read offline).
 *
 * Shape (stable, added to the programme document's, see programme-doc.ts):
 *   guide:<key>: Y.XmlFragment (top-level), key in GUIDE_KEYS — the guide's rich text in the
 *   editor's format (rich-text-schema.ts). Top-level, so two coordinators starting one offline merge.
 */
import type * as Y from 'yjs';
import { guideFragmentName, type GuideKey } from '$domain/mentor-guides';
import { richPlainText, type RichDoc } from '$domain/rich-text';
import { fragmentToRichDoc, replaceFragment } from './rich-text-json';

export const guideFragment = (doc: Y.Doc, key: GuideKey): Y.XmlFragment =>
	doc.getXmlFragment(guideFragmentName(key));

/** The guide as plain data (an empty guide reads as one empty paragraph). */
export const readGuide = (doc: Y.Doc, key: GuideKey): RichDoc => fragmentToRichDoc(guideFragment(doc, key));

/** No text at all (only empty paragraphs, or nothing). */
export const isGuideEmpty = (guide: RichDoc): boolean => richPlainText(guide).trim() === '';

/** Writes a whole guide in one change (the suggested text on an empty guide). */
export function writeGuide(doc: Y.Doc, key: GuideKey, guide: RichDoc, origin: unknown): void {
	replaceFragment(guideFragment(doc, key), guide, origin);
}

/** Calls back after any change to the guide's text (local or from the server). */
export function observeGuide(doc: Y.Doc, key: GuideKey, callback: () => void): () => void {
	const fragment = guideFragment(doc, key);
	const handler = () => callback();
	fragment.observeDeep(handler);
	return () => fragment.unobserveDeep(handler);
}
