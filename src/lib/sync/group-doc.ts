/**
 * The document of a colloquium group (room `group:<id>`), written by every member.
 *
 * Shape (stable: every member's devices read it):
 *   pages: Y.Map<pageId, plain GroupPage>          one record per page (title, order, attribution)
 *   page:<pageId>: Y.XmlFragment (top-level)        the page's text, rich-text-schema.ts format
 *   meetings, meetingAgenda, attendance, agreements  the meeting log (meeting-log.ts)
 * A page's text is a top-level fragment, so two members who start it offline merge their text.
 * Records are parsed with the domain schema on the way in and out; an invalid one is skipped.
 */
import type * as Y from 'yjs';
import { GroupPageSchema, type GroupPage } from '$domain/group';
import type { RichDoc } from '$domain/rich-text';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';
import { fragmentToRichDoc, replaceFragment } from './rich-text-json';

const PAGES = 'pages';

export const pageBody = (doc: Y.Doc, pageId: string): Y.XmlFragment => doc.getXmlFragment(`page:${pageId}`);

export const readPages = (doc: Y.Doc): GroupPage[] => readMapItems(doc, PAGES, GroupPageSchema).items;

export function putPage(doc: Y.Doc, page: GroupPage, origin: unknown): GroupPage {
	return putMapItem(doc, PAGES, GroupPageSchema, page, origin);
}

/** Adds a page with its text in one transaction (a note shared into the group). */
export function addPageWithText(doc: Y.Doc, page: GroupPage, text: RichDoc, origin: unknown): GroupPage {
	let saved = page;
	doc.transact(() => {
		saved = putMapItem(doc, PAGES, GroupPageSchema, page, origin);
		replaceFragment(pageBody(doc, page.id), text, origin);
	}, origin);
	return saved;
}

/** Removes a page from the list (its text stays in the document, so an undo or another device loses nothing). */
export function removePage(doc: Y.Doc, pageId: string, origin: unknown): void {
	removeMapItem(doc, PAGES, pageId, origin);
}

export const readPageText = (doc: Y.Doc, pageId: string): RichDoc => fragmentToRichDoc(pageBody(doc, pageId));

export function observePages(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, [PAGES], callback);
}
