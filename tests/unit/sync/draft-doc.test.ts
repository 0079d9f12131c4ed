/**
 * A draft's document: facts, versions that are never overwritten, restoring as a new state that
 * merges with another device's offline edits, and the change callback telling text from facts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richPlainText, type RichDoc } from '$domain/rich-text';
import {
	addVersion,
	draftBody,
	initDraft,
	observeDraft,
	readDraftBody,
	readDraftMeta,
	readVersions,
	replaceDraftBody,
	setDraftStatus
} from '$sync/draft-doc';

const para = (text: string): RichDoc => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
});

function newDraft(): Y.Doc {
	const doc = new Y.Doc();
	initDraft(doc, { title: 'Blogg', kind: 'blog', status: 'draft', requirement: null, createdAt: 1 }, 'local');
	return doc;
}

describe('the draft document', () => {
	it('keeps the facts and the title, and refuses an unknown status', () => {
		const doc = newDraft();
		expect(readDraftMeta(doc)).toEqual({
			title: 'Blogg',
			kind: 'blog',
			status: 'draft',
			requirement: null,
			createdAt: 1
		});
		setDraftStatus(doc, 'submitted', 'local');
		expect(readDraftMeta(doc)?.status).toBe('submitted');
		expect(() => setDraftStatus(doc, 'lost' as 'draft', 'local')).toThrow();
		expect(readDraftMeta(new Y.Doc())).toBeNull();
	});

	it('stores versions whole and never overwrites one', () => {
		const doc = newDraft();
		replaceDraftBody(doc, para('Første utkast'), 'local');
		const version = {
			id: 'v1',
			kind: 'named' as const,
			name: 'Første',
			createdAt: 10,
			authorName: 'Kari',
			doc: readDraftBody(doc),
			characters: 13
		};
		addVersion(doc, version, 'local');
		expect(() => addVersion(doc, { ...version, name: 'Annet' }, 'local')).toThrow();
		replaceDraftBody(doc, para('Andre utkast'), 'local');
		expect(readVersions(doc).map((v) => richPlainText(v.doc))).toEqual(['Første utkast']);
		expect(richPlainText(readDraftBody(doc))).toBe('Andre utkast');
	});

	it('restoring is a new state: an edit another device made offline meanwhile is kept', () => {
		const laptop = newDraft();
		replaceDraftBody(laptop, para('Gammel tekst'), 'local');
		const phone = new Y.Doc();
		Y.applyUpdate(phone, Y.encodeStateAsUpdate(laptop));

		// The phone, offline, adds a paragraph; the laptop restores an older version.
		const added = new Y.XmlElement('paragraph');
		added.insert(0, [new Y.XmlText('Fra telefonen')]);
		draftBody(phone).insert(draftBody(phone).length, [added]);
		replaceDraftBody(laptop, para('Gjenopprettet'), 'local');

		Y.applyUpdate(laptop, Y.encodeStateAsUpdate(phone));
		Y.applyUpdate(phone, Y.encodeStateAsUpdate(laptop));
		const text = richPlainText(readDraftBody(laptop));
		expect(text).toContain('Gjenopprettet');
		expect(text).toContain('Fra telefonen');
		expect(text).not.toContain('Gammel tekst');
		expect(richPlainText(readDraftBody(phone))).toBe(text);
	});

	it('tells a change of the text from a change of the facts', () => {
		const doc = newDraft();
		const seen: boolean[] = [];
		const stop = observeDraft(doc, (bodyChanged) => seen.push(bodyChanged));
		setDraftStatus(doc, 'ready', 'local');
		replaceDraftBody(doc, para('Tekst'), 'local');
		const text = (draftBody(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
		text.insert(5, ' til');
		stop();
		setDraftStatus(doc, 'draft', 'local');
		expect(seen).toEqual([false, true, true]);
	});
});
