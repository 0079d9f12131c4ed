/**
 * The group document: pages as records with their text in top-level fragments, so two members
 * who add pages or write in the same page offline keep everything; a shared note arrives as one
 * attributed page; presence travels as awareness and is read per person.
 */
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { sortPages, type GroupPage } from '$domain/group';
import { presenceUser } from '$domain/presence';
import { richPlainText, type RichDoc } from '$domain/rich-text';
import { addPageWithText, pageBody, putPage, readPages, readPageText, removePage } from '$sync/group-doc';
import { hidePresence, readPresence, showPresence } from '$sync/presence';

const para = (text: string): RichDoc => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
});
const page = (id: string, order: number, extra: Partial<GroupPage> = {}): GroupPage => ({
	id,
	title: `Side ${id}`,
	createdAt: '2026-11-22T10:00:00.000Z',
	createdBy: 'kari',
	order,
	...extra
});
const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('group document', () => {
	it('keeps pages two members add offline, and both texts written into one new page', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		putPage(a, page('p1', 1), 'local');
		sync(a, b);
		putPage(b, page('p2', 2), 'local');
		putPage(a, page('p3', 2), 'local');
		// Both start writing in p1's (empty) text while offline.
		addPageWithText(a, page('p1', 1), para('Fra Kari'), 'local');
		const fromPer = new Y.XmlElement('paragraph');
		fromPer.insert(0, [new Y.XmlText('Fra Per')]);
		pageBody(b, 'p1').insert(0, [fromPer]);
		sync(a, b);
		expect(
			readPages(a)
				.map((p) => p.id)
				.sort()
		).toEqual(['p1', 'p2', 'p3']);
		expect(sortPages(readPages(b)).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
		const text = richPlainText(readPageText(a, 'p1'));
		expect(text).toContain('Fra Kari');
		expect(text).toContain('Fra Per');
		expect(richPlainText(readPageText(b, 'p1'))).toBe(text);
	});

	it('stores a shared note as one attributed page, in one transaction', () => {
		const doc = new Y.Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		const sharedFrom = {
			authorId: 'kari',
			authorName: 'Kari Nordmann',
			noteTitle: 'Lånekortautomaten',
			sharedAt: '2026-11-22T10:00:00.000Z'
		};
		addPageWithText(doc, page('s1', 1, { sharedFrom }), para('Vi prøver selvbetjening.'), 'local');
		expect(transactions).toBe(1);
		expect(readPages(doc)[0].sharedFrom).toEqual(sharedFrom);
		expect(richPlainText(readPageText(doc, 's1'))).toBe('Vi prøver selvbetjening.');
	});

	it('refuses a page the schema does not accept, and skips a malformed one on reading', () => {
		const doc = new Y.Doc();
		expect(() => putPage(doc, { ...page('bad', 1), title: 'x'.repeat(500) }, 'local')).toThrow();
		doc.getMap('pages').set('junk', { id: 'junk' });
		putPage(doc, page('ok', 1), 'local');
		expect(readPages(doc).map((p) => p.id)).toEqual(['ok']);
	});

	it('removing a page takes it off the list but keeps its text', () => {
		const doc = new Y.Doc();
		addPageWithText(doc, page('p1', 1), para('Tekst'), 'local');
		removePage(doc, 'p1', 'local');
		expect(readPages(doc)).toEqual([]);
		expect(richPlainText(readPageText(doc, 'p1'))).toBe('Tekst');
	});
});

describe('presence in a group document', () => {
	it('tells another client who is here and on which page, and forgets them when they hide', () => {
		const a = new Awareness(new Y.Doc());
		const b = new Awareness(new Y.Doc());
		a.setLocalState(null);
		b.setLocalState(null);
		const relay = (from: Awareness, to: Awareness) =>
			applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote');
		showPresence(a, presenceUser('kari', 'Kari Nordmann'), 'p1');
		relay(a, b);
		expect(readPresence(b, 'per')).toEqual([{ user: presenceUser('kari', 'Kari Nordmann'), pages: ['p1'] }]);
		expect(readPresence(a, 'kari')).toEqual([]);
		hidePresence(a);
		relay(a, b);
		expect(readPresence(b, 'per')).toEqual([]);
		a.destroy();
		b.destroy();
	});

	it('keeps the cursor when the same page is shown again, and drops it on another page', () => {
		const a = new Awareness(new Y.Doc());
		const kari = presenceUser('kari', 'Kari');
		showPresence(a, kari, 'p1');
		a.setLocalStateField('cursor', { anchor: 1, head: 2 });
		showPresence(a, kari, 'p1');
		expect(a.getLocalState()?.cursor).toEqual({ anchor: 1, head: 2 });
		showPresence(a, kari, 'p2');
		expect(a.getLocalState()?.cursor).toBeUndefined();
		a.destroy();
	});
});
