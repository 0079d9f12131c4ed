/**
 * The rich-text binding without a DOM (vitest runs in Node, no jsdom): the document format's
 * round trip through a Y.XmlFragment, paste cleaning, link targets, and the undo history that
 * holds only this page's edits. Mounting the editor itself is covered by
 * tests/e2e/editor-prototype.spec.ts in Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { isLocalOrigin } from '$sync/persisted-doc';
import { createUndoManager } from '$sync/rich-text';
import { cleanPastedHtml, richTextSchema, safeHref } from '$sync/rich-text-schema';

const docs: Y.Doc[] = [];
afterEach(() => {
	for (const doc of docs.splice(0)) doc.destroy();
});
function fragment(): Y.XmlFragment {
	const doc = new Y.Doc();
	docs.push(doc);
	return doc.getXmlFragment('draft');
}

const sample = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Samling 1' }] },
		{
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Les ' },
				{ type: 'text', marks: [{ type: 'strong' }], text: 'kapittel 3' },
				{ type: 'text', text: ' og ' },
				{
					type: 'text',
					marks: [{ type: 'link', attrs: { href: 'https://example.no' } }, { type: 'em' }],
					text: 'artikkelen'
				}
			]
		},
		{
			type: 'bullet_list',
			content: [
				{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ett' }] }] }
			]
		},
		{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sitat' }] }] }
	]
};

describe('rich-text format', () => {
	it('round-trips every node and mark through a Y.XmlFragment', () => {
		const yfragment = fragment();
		prosemirrorJSONToYXmlFragment(richTextSchema, sample, yfragment);
		const back = yXmlFragmentToProsemirrorJSON(yfragment);
		expect(richTextSchema.nodeFromJSON(back).eq(richTextSchema.nodeFromJSON(sample))).toBe(true);
	});

	it('keeps only safe link targets', () => {
		expect(safeHref('https://bibliotek.no/a')).toBe('https://bibliotek.no/a');
		expect(safeHref('mailto:kari@example.no')).toBe('mailto:kari@example.no');
		expect(safeHref('bibliotek.no')).toBe('https://bibliotek.no');
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref('data:text/html,x')).toBeNull();
		expect(safeHref('  ')).toBeNull();
	});

	it('strips what Word and web pages wrap around pasted HTML', () => {
		const word =
			'<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head>' +
			'<body><!--StartFragment--><p class="MsoNormal">Hei<o:p></o:p></p><p class="MsoListParagraph"><![if !supportLists]><span>·<span>  </span></span><![endif]>Punkt</p>' +
			'<w:Sdt>x</w:Sdt><script>alert(1)</script><!--EndFragment--></body></html>';
		const clean = cleanPastedHtml(word);
		expect(clean).not.toMatch(/MsoNormal\{|<o:p>|<w:|<script|<!--|<!\[|<meta|alert|·/);
		expect(clean).toContain('Punkt</p>');
		expect(clean).toContain('<p class="MsoNormal">Hei</p>');
		expect(clean).toContain('x');
	});
});

describe('rich-text undo', () => {
	it('undoes only edits made through the binding on this page', () => {
		const yfragment = fragment();
		const doc = yfragment.doc!;
		const { undoManager, unregisterUndo } = createUndoManager(yfragment);
		const paragraph = (text: string) => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText(text)]);
			return p;
		};
		doc.transact(() => yfragment.insert(0, [paragraph('mitt')]), ySyncPluginKey);
		doc.transact(() => yfragment.insert(1, [paragraph('fra en annen enhet')]), 'remote');
		expect(undoManager.canUndo()).toBe(true);
		undoManager.undo();
		const texts = yfragment.toArray().map((el) => (el as Y.XmlElement).toArray().join(''));
		expect(texts.join('|')).toBe('fra en annen enhet');
		expect(undoManager.canUndo()).toBe(false);

		// The binding's and the undo manager's changes go to the journal and the other tabs.
		expect(isLocalOrigin(ySyncPluginKey)).toBe(true);
		expect(isLocalOrigin(undoManager)).toBe(true);
		expect(isLocalOrigin('remote')).toBe(false);
		unregisterUndo();
		undoManager.destroy();
		expect(isLocalOrigin(undoManager)).toBe(false);
	});
});
