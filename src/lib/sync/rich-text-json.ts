/**
 * Rich text between a Y.XmlFragment (as y-prosemirror writes it) and plain data (`RichDoc`),
 * without loading ProseMirror: lists, the keeper, versions and search read drafts through this,
 * and restoring a version writes through it. The format is y-prosemirror's: a node is a
 * Y.XmlElement named by its type with its attrs as attributes; text is a Y.XmlText whose
 * formatting attributes are the marks (`{ strong: {} }`, `{ link: { href } }`).
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import { RichDocSchema, RichNodeSchema, type RichDoc, type RichMark, type RichNode } from '$domain/rich-text';

/** The fragment as a document (an empty fragment reads as one empty paragraph, as the editor shows it). */
export function fragmentToRichDoc(fragment: Y.XmlFragment): RichDoc {
	const content = fragment.toArray().flatMap(nodeOf);
	return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function nodeOf(item: Y.XmlElement | Y.XmlText | Y.XmlHook): RichNode[] {
	if (item instanceof Y.XmlText) return textNodes(item);
	if (!(item instanceof Y.XmlElement)) return [];
	const raw: Record<string, unknown> = { type: item.nodeName };
	const attrs = item.getAttributes();
	if (Object.keys(attrs).length) raw.attrs = attrs;
	const children = item.toArray().flatMap(nodeOf);
	if (children.length) raw.content = children;
	const parsed = v.safeParse(RichNodeSchema, raw);
	return parsed.success ? [parsed.output] : [];
}

function textNodes(text: Y.XmlText): RichNode[] {
	const out: RichNode[] = [];
	for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
		if (typeof op.insert !== 'string' || !op.insert) continue;
		const node: RichNode = { type: 'text', text: op.insert };
		const marks = marksOf(op.attributes);
		if (marks.length) node.marks = marks;
		out.push(node);
	}
	return out;
}

function marksOf(attributes: Record<string, unknown> | undefined): RichMark[] {
	if (!attributes) return [];
	const marks: RichMark[] = [];
	for (const [key, value] of Object.entries(attributes)) {
		// y-prosemirror names overlapping marks `name--hash`.
		const type = key.split('--')[0];
		if (type !== 'strong' && type !== 'em' && type !== 'link') continue;
		const attrs =
			value && typeof value === 'object' && Object.keys(value).length
				? (value as Record<string, unknown>)
				: undefined;
		marks.push(attrs ? { type, attrs } : { type });
	}
	return marks;
}

/**
 * Replaces the fragment's content with `doc` in one transaction (a new state: the old content's
 * history stays in the document and in its versions). Validated first.
 */
export function replaceFragment(fragment: Y.XmlFragment, doc: RichDoc, origin: unknown): void {
	const parsed = v.parse(RichDocSchema, doc);
	const write = () => {
		if (fragment.length) fragment.delete(0, fragment.length);
		fragment.insert(0, (parsed.content ?? []).flatMap(toYNode));
	};
	if (fragment.doc) fragment.doc.transact(write, origin);
	else write();
}

function toYNode(node: RichNode): (Y.XmlElement | Y.XmlText)[] {
	if (node.type === 'text') return [];
	const element = new Y.XmlElement(node.type);
	for (const [key, value] of Object.entries(node.attrs ?? {})) {
		element.setAttribute(key, value as string);
	}
	const children: (Y.XmlElement | Y.XmlText)[] = [];
	let text: Y.XmlText | null = null;
	let at = 0;
	for (const child of node.content ?? []) {
		if (child.type !== 'text') {
			text = null;
			children.push(...toYNode(child));
			continue;
		}
		if (!text) {
			text = new Y.XmlText();
			children.push(text);
			at = 0;
		}
		// Every mark named, absent ones as null: an insert without attributes would take the marks
		// of the text before it.
		const attributes: Record<string, unknown> = { strong: null, em: null, link: null };
		for (const mark of child.marks ?? []) attributes[mark.type] = mark.attrs ?? {};
		// A Y.XmlText not yet in a document queues its inserts until it joins one.
		const value = child.text ?? '';
		text.insert(at, value, attributes);
		at += value.length;
	}
	element.insert(0, children);
	return [element];
}
