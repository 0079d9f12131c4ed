/**
 * A draft as a Word document (.docx) that Word, LibreOffice and Google Docs open as ordinary
 * text: the title in Word's Title style, headings as Heading 1 / Heading 2 (the editor's heading
 * and subheading), lists as real Word lists (bullets and numbers, nested by level, each list
 * numbered from 1), quotes in the Quote style (indented, italic), bold and italic runs, links.
 *
 * The `docx` library is large: load this module only when someone exports to Word.
 */
import {
	AlignmentType,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	TextRun,
	type ILevelsOptions,
	type ParagraphChild
} from 'docx';
import type { RichDoc, RichNode } from '$domain/rich-text';
import { inlineRuns } from './inline';

export interface DocxOptions {
	title: string;
	/** The document's language (BCP 47: "nb-NO", "en-GB"); Word's spelling check follows it. */
	lang: string;
}

/** The style id and name Word knows as its built-in "Quote". */
export const QUOTE_STYLE = 'Quote';

const BULLETS = 'bullets';
const NUMBERS = 'numbers';
/** Word's indentation unit: twentieths of a point; 720 = 1.27 cm. */
const STEP = 720;
const HANGING = 360;
const BULLET_GLYPHS = ['\u2022', '\u25e6', '\u25aa'];

const levels = (bullet: boolean): ILevelsOptions[] =>
	Array.from({ length: 9 }, (_, level) => ({
		level,
		format: bullet ? LevelFormat.BULLET : LevelFormat.DECIMAL,
		text: bullet ? BULLET_GLYPHS[level % BULLET_GLYPHS.length] : `%${level + 1}.`,
		alignment: AlignmentType.LEFT,
		style: { paragraph: { indent: { left: STEP * (level + 1), hanging: HANGING } } }
	}));

interface Context {
	/** How many quotes the block is inside. */
	quote: number;
	/** The level of the list the block is in (0 = a top-level list), -1 outside lists. */
	level: number;
}

class Writer {
	#lists = 0;
	readonly paragraphs: Paragraph[] = [];

	blocks(nodes: readonly RichNode[], context: Context): void {
		for (const node of nodes) this.block(node, context);
	}

	block(node: RichNode, context: Context): void {
		switch (node.type) {
			case 'paragraph':
			case 'heading':
				this.paragraphs.push(this.textBlock(node, context));
				return;
			case 'blockquote':
				this.blocks(node.content ?? [], { ...context, quote: context.quote + 1 });
				return;
			case 'bullet_list':
			case 'ordered_list':
				this.list(node, context);
				return;
			case 'text':
				this.paragraphs.push(this.textBlock({ type: 'paragraph', content: [node] }, context));
				return;
		}
	}

	/** Each list is its own Word list instance, so a numbered list after a heading starts at 1. */
	list(list: RichNode, context: Context): void {
		const reference = list.type === 'ordered_list' ? NUMBERS : BULLETS;
		const instance = ++this.#lists;
		const level = Math.min(context.level + 1, 8);
		for (const item of list.content ?? []) {
			const [first, ...rest] = item.content ?? [];
			const inItem = { ...context, level };
			const numbering = { reference, level, instance };
			if (first && (first.type === 'paragraph' || first.type === 'heading')) {
				this.paragraphs.push(this.textBlock(first, inItem, numbering));
				this.blocks(rest, inItem);
			} else {
				this.paragraphs.push(new Paragraph({ numbering }));
				this.blocks(item.content ?? [], inItem);
			}
		}
	}

	textBlock(
		node: RichNode,
		{ quote, level }: Context,
		numbering?: { reference: string; level: number; instance: number }
	): Paragraph {
		const heading =
			node.type === 'heading'
				? node.attrs?.level === 3
					? HeadingLevel.HEADING_2
					: HeadingLevel.HEADING_1
				: undefined;
		// A paragraph of a quote has the Quote style. A list's paragraphs cannot also have it (readers
		// would lose the list), nor can a heading: inside a quote they are indented and italic instead.
		const quoteStyle = quote > 0 && !heading && !numbering && level < 0;
		const quoteIndent = quote > 0 && !(quoteStyle && quote === 1) ? STEP * quote : 0;
		// A list paragraph keeps its level's indentation; more paragraphs of an item line up with its text.
		const left = (level >= 0 ? STEP * (level + 1) : 0) + quoteIndent;
		const indent = numbering
			? quoteIndent
				? { left, hanging: HANGING }
				: undefined
			: left
				? { left }
				: undefined;
		return new Paragraph({
			heading,
			style: quoteStyle ? QUOTE_STYLE : undefined,
			numbering,
			indent,
			children: this.inline(node, quoteStyle ? 'style' : quote > 0 ? 'direct' : 'none')
		});
	}

	/**
	 * The runs of a block; neighbouring runs with the same link are one hyperlink. A quote is
	 * italic (by its style, or `direct`ly), so its emphasis is upright, as Word does it.
	 */
	inline(node: RichNode, quoteItalic: 'none' | 'style' | 'direct'): ParagraphChild[] {
		type Link = { href: string; runs: TextRun[] };
		const out: (TextRun | Link)[] = [];
		let open: Link | undefined;
		for (const run of inlineRuns(node)) {
			const link = run.marks.find((m) => m.type === 'link');
			const em = run.marks.some((m) => m.type === 'em');
			const options = {
				bold: run.marks.some((m) => m.type === 'strong') || undefined,
				italics:
					quoteItalic === 'none' ? em || undefined : quoteItalic === 'direct' ? !em : em ? false : undefined,
				style: link ? 'Hyperlink' : undefined
			};
			const textRun =
				run.kind === 'break'
					? new TextRun({ ...options, break: 1 })
					: new TextRun({ ...options, text: run.text });
			if (!link) {
				open = undefined;
				out.push(textRun);
			} else if (open?.href === link.href) {
				open.runs.push(textRun);
			} else {
				open = { href: link.href, runs: [textRun] };
				out.push(open);
			}
		}
		return out.map((child) =>
			child instanceof TextRun ? child : new ExternalHyperlink({ link: child.href, children: child.runs })
		);
	}
}

/** Heading colours and sizes (half-points) close to the app's page, in black for print. */
const heading = (size: number) => ({
	run: { size, bold: true, color: '1C2430', font: 'Calibri' },
	paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true }
});

export async function toDocx(doc: RichDoc, { title, lang }: DocxOptions): Promise<Uint8Array> {
	const writer = new Writer();
	const heading1 = title.trim();
	if (heading1) {
		writer.paragraphs.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(heading1)] }));
	}
	writer.blocks(doc.content ?? [], { quote: 0, level: -1 });
	const document = new Document({
		title: heading1,
		creator: '',
		lastModifiedBy: '',
		styles: {
			default: {
				document: {
					run: { font: 'Calibri', size: 24, language: { value: lang } },
					paragraph: { spacing: { after: 160, line: 276 } }
				},
				title: {
					run: { size: 48, bold: true, color: '1C2430', font: 'Calibri' },
					paragraph: { spacing: { after: 240 } }
				},
				heading1: heading(32),
				heading2: heading(26)
			},
			paragraphStyles: [
				{
					id: QUOTE_STYLE,
					name: QUOTE_STYLE,
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { italics: true, color: '3B4450' },
					paragraph: {
						indent: { left: STEP, right: STEP },
						border: { left: { style: 'single', size: 12, color: '9AA3AD', space: 8 } }
					}
				}
			]
		},
		numbering: {
			config: [
				{ reference: BULLETS, levels: levels(true) },
				{ reference: NUMBERS, levels: levels(false) }
			]
		},
		sections: [{ children: writer.paragraphs }]
	});
	return Packer.pack(document, 'uint8array');
}
