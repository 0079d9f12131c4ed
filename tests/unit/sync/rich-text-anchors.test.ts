/**
 * Comment anchors without a DOM: a passage's relative positions, made against y-prosemirror's
 * mapping of a Y.XmlFragment (as the editor's binding keeps it; here from `initProseMirrorDoc`),
 * still mark exactly the same words after the text changes here or on another device, and a
 * deleted passage is found out. The editor's marks on top of this are covered by
 * tests/e2e/draft-comments.spec.ts in Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Node as PmNode } from 'prosemirror-model';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchorOf, decodePosition, rangeOf, textBounds } from '$sync/rich-text-anchors';
import { richTextSchema } from '$sync/rich-text-schema';
import type { CommentAnchor } from '$domain/draft-comment';

const docs: Y.Doc[] = [];
afterEach(() => {
	for (const doc of docs.splice(0)) doc.destroy();
});

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function draft(...paragraphs: string[]): Y.XmlFragment {
	const doc = new Y.Doc();
	docs.push(doc);
	const fragment = doc.getXmlFragment('body');
	prosemirrorJSONToYXmlFragment(
		richTextSchema,
		{ type: 'doc', content: paragraphs.map(paragraph) },
		fragment
	);
	return fragment;
}

/** The ProseMirror document as the editor would show the fragment now, with its mapping. */
const view = (fragment: Y.XmlFragment) => initProseMirrorDoc(fragment, richTextSchema);

/** The positions of the first occurrence of `words` in the document. */
function find(doc: PmNode, words: string): { from: number; to: number } {
	let found: { from: number; to: number } | null = null;
	doc.descendants((node, pos) => {
		if (found || !node.isText) return !found;
		const at = node.text!.indexOf(words);
		if (at >= 0) found = { from: pos + at, to: pos + at + words.length };
		return false;
	});
	if (!found) throw new Error(`"${words}" is not in the text`);
	return found;
}

function anchor(fragment: Y.XmlFragment, words: string): CommentAnchor {
	const { doc, mapping } = view(fragment);
	const { from, to } = find(doc, words);
	const made = anchorOf(doc, from, to, { fragment, mapping });
	if (!made) throw new Error('no anchor');
	return made;
}

/** What the anchor marks in the fragment as it is now (null: its text is gone). */
function marked(fragment: Y.XmlFragment, a: CommentAnchor): string | null {
	const { doc, mapping } = view(fragment);
	const range = rangeOf(
		decodePosition(a.start),
		decodePosition(a.end),
		{ fragment, mapping },
		doc.content.size
	);
	return range && doc.textBetween(range.from, range.to, ' ');
}

const textOf = (fragment: Y.XmlFragment, index: number) =>
	(fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('comment anchors', () => {
	it('quote the passage and encode both ends as base64', () => {
		const fragment = draft('Vi åpnet biblioteket på lørdager.', 'Små bibliotek, store endringer.');
		const a = anchor(fragment, 'store endringer');
		expect(a.quote).toBe('store endringer');
		expect(a.start).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
		expect(a.end).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
		expect(marked(fragment, a)).toBe('store endringer');
	});

	it('stay on the same words when text is written before, right before and right after the passage', () => {
		const fragment = draft('Vi åpnet biblioteket på lørdager.', 'Små bibliotek, store endringer.');
		const a = anchor(fragment, 'store endringer');
		// Before it in the same paragraph, and a new paragraph at the top.
		textOf(fragment, 1).insert(0, 'Nye ord først. ');
		fragment.insert(0, [new Y.XmlElement('paragraph')]);
		(fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Innledning')]);
		expect(marked(fragment, a)).toBe('store endringer');
		// Touching both ends: typed text stays outside the passage.
		const text = textOf(fragment, 2);
		const start = text.toString().indexOf('store');
		text.insert(start, 'svært ');
		const end = text.toString().indexOf('endringer') + 'endringer'.length;
		text.insert(end, ' i år');
		expect(text.toString()).toBe('Nye ord først. Små bibliotek, svært store endringer i år.');
		expect(marked(fragment, a)).toBe('store endringer');
	});

	it('grow with text written inside the passage, and shrink with text deleted from it', () => {
		const fragment = draft('Små bibliotek, store endringer.');
		const a = anchor(fragment, 'store endringer');
		const text = textOf(fragment, 0);
		text.insert(text.toString().indexOf(' endringer'), ' og varige');
		expect(marked(fragment, a)).toBe('store og varige endringer');
		text.delete(text.toString().indexOf('store'), 'store og '.length);
		expect(marked(fragment, a)).toBe('varige endringer');
	});

	it('survive formatting of the passage', () => {
		const fragment = draft('Små bibliotek, store endringer.');
		const a = anchor(fragment, 'store endringer');
		const text = textOf(fragment, 0);
		text.format(text.toString().indexOf('store'), 'store'.length, { strong: {} });
		expect(marked(fragment, a)).toBe('store endringer');
	});

	it('mark the same words on another device that got the text and the anchor later', () => {
		const fragment = draft('Vi åpnet biblioteket på lørdager.', 'Små bibliotek, store endringer.');
		const a = anchor(fragment, 'biblioteket på lørdager');
		textOf(fragment, 0).insert(0, 'I fjor ');
		const other = new Y.Doc();
		docs.push(other);
		Y.applyUpdate(other, Y.encodeStateAsUpdate(fragment.doc!));
		const otherFragment = other.getXmlFragment('body');
		textOf(otherFragment, 0).insert(0, 'Kort sagt: ');
		expect(marked(otherFragment, a)).toBe('biblioteket på lørdager');
	});

	it('span paragraphs, quoting them with a space between', () => {
		const fragment = draft('Første avsnitt slutter her.', 'Andre avsnitt begynner her.');
		const { doc, mapping } = view(fragment);
		const from = find(doc, 'slutter her.').from;
		const to = find(doc, 'Andre avsnitt').to;
		const a = anchorOf(doc, from, to, { fragment, mapping })!;
		expect(a.quote).toBe('slutter her. Andre avsnitt');
		textOf(fragment, 1).insert(0, '— ');
		expect(marked(fragment, a)).toBe('slutter her. — Andre avsnitt');
	});

	it('are gone when every word of the passage is deleted, or its paragraph is', () => {
		const fragment = draft('Vi åpnet biblioteket på lørdager.', 'Små bibliotek, store endringer.');
		const words = anchor(fragment, 'store endringer');
		const whole = anchor(fragment, 'Vi åpnet');
		const text = textOf(fragment, 1);
		text.delete(text.toString().indexOf('store endringer'), 'store endringer'.length);
		expect(marked(fragment, words)).toBeNull();
		fragment.delete(0, 1);
		expect(marked(fragment, whole)).toBeNull();
		// …and the rest of the text is still there.
		expect(view(fragment).doc.textContent).toBe('Små bibliotek, .');
	});

	it('refuse a selection without text, and keep to the text of one that starts or ends between blocks', () => {
		const fragment = draft('Første.', 'Andre.');
		const { doc, mapping } = view(fragment);
		// Between the two paragraphs: no text.
		const between = doc.child(0).nodeSize;
		expect(anchorOf(doc, between, between + 1, { fragment, mapping })).toBeNull();
		// The whole document, node edges included.
		expect(textBounds(doc, 0, doc.content.size)).toEqual({ from: 1, to: doc.content.size - 1 });
		expect(anchorOf(doc, 0, doc.content.size, { fragment, mapping })?.quote).toBe('Første. Andre.');
	});

	it('read a broken position as not found, never throw', () => {
		const fragment = draft('Tekst.');
		const { doc, mapping } = view(fragment);
		expect(decodePosition('not base64!')).toBeNull();
		expect(rangeOf(null, null, { fragment, mapping }, doc.content.size)).toBeNull();
		// A position in a document this device has not seen (or in another text).
		const elsewhere = new Y.Doc();
		docs.push(elsewhere);
		const text = elsewhere.getText('t');
		text.insert(0, 'abc');
		const foreign = Y.createRelativePositionFromTypeIndex(text, 1);
		expect(rangeOf(foreign, foreign, { fragment, mapping }, doc.content.size)).toBeNull();
	});
});
