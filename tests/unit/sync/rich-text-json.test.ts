/**
 * The ProseMirror-free reader and writer of rich text must agree with y-prosemirror, which writes
 * what the editor types: read what y-prosemirror wrote, and write what y-prosemirror reads back.
 */
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import * as Y from 'yjs';
import { richPlainText, type RichDoc } from '$domain/rich-text';
import { fragmentToRichDoc, replaceFragment } from '$sync/rich-text-json';
import { richTextSchema } from '$sync/rich-text-schema';

const sample: RichDoc = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Samling på Bodø' }] },
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
				},
				{ type: 'hard_break' },
				{ type: 'text', text: 'ny linje' }
			]
		},
		{
			type: 'ordered_list',
			attrs: { order: 1 },
			content: [
				{
					type: 'list_item',
					content: [
						{ type: 'paragraph', content: [{ type: 'text', text: 'Ett' }] },
						{
							type: 'bullet_list',
							content: [
								{
									type: 'list_item',
									content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Under' }] }]
								}
							]
						}
					]
				}
			]
		},
		{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sitat' }] }] },
		{ type: 'paragraph' }
	]
};

const same = (a: unknown, b: unknown) => richTextSchema.nodeFromJSON(a).eq(richTextSchema.nodeFromJSON(b));

describe('rich text without ProseMirror', () => {
	it('reads what y-prosemirror wrote', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('body');
		prosemirrorJSONToYXmlFragment(richTextSchema, sample, fragment);
		expect(same(fragmentToRichDoc(fragment), sample)).toBe(true);
	});

	it('writes what y-prosemirror reads, replacing the old content in one transaction', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('body');
		prosemirrorJSONToYXmlFragment(
			richTextSchema,
			{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'gammel' }] }] },
			fragment
		);
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		replaceFragment(fragment, sample, 'restore');
		expect(transactions).toBe(1);
		expect(same(yXmlFragmentToProsemirrorJSON(fragment), sample)).toBe(true);
		expect(richPlainText(fragmentToRichDoc(fragment))).toBe(
			'Samling på Bodø\nLes kapittel 3 og artikkelen\nny linje\nEtt\nUnder\nSitat\n'
		);
	});

	it('reads an empty fragment as one empty paragraph and refuses a malformed document', () => {
		const fragment = new Y.Doc().getXmlFragment('body');
		expect(fragmentToRichDoc(fragment)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
		expect(() => replaceFragment(fragment, { type: 'paragraph' } as unknown as RichDoc, null)).toThrow();
		expect(fragment.length).toBe(0);
	});
});
