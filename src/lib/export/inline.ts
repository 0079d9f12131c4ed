/**
 * The inline content of a paragraph or heading, read once for every format: runs of text with
 * their marks (flat, for Word) and the same as a tree of properly nested marks (for Markdown and
 * HTML). A link whose address is not http(s), mailto or tel is kept as plain text.
 */
import type { RichMark, RichNode } from '$domain/rich-text';

export type Mark = { type: 'strong' } | { type: 'em' } | { type: 'link'; href: string };

/** One piece of inline content: text (never containing a line break) or a hard break. */
export type Run = { kind: 'text'; text: string; marks: Mark[] } | { kind: 'break'; marks: Mark[] };

export type InlineNode =
	{ kind: 'text'; text: string } | { kind: 'break' } | { kind: 'mark'; mark: Mark; children: InlineNode[] };

const SAFE_HREF = /^(https?:|mailto:|tel:)/i;

/** A link target an export may carry (the editor's rule: http(s), mailto, tel). */
export function isSafeHref(href: string): boolean {
	return SAFE_HREF.test(href.trim());
}

/** Outermost first: a link holds its bold and italic text, not the other way round. */
const RANK: Record<Mark['type'], number> = { link: 0, em: 1, strong: 2 };

function readMarks(marks: readonly RichMark[] | undefined): Mark[] {
	const out: Mark[] = [];
	for (const mark of marks ?? []) {
		if (mark.type === 'link') {
			const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
			if (isSafeHref(href)) out.push({ type: 'link', href });
		} else if (!out.some((m) => m.type === mark.type)) out.push({ type: mark.type });
	}
	return out.sort((a, b) => RANK[a.type] - RANK[b.type]);
}

export function sameMark(a: Mark, b: Mark): boolean {
	return a.type === b.type && (a.type !== 'link' || a.href === (b as typeof a).href);
}

const hasMark = (marks: readonly Mark[], mark: Mark) => marks.some((m) => sameMark(m, mark));

/**
 * The runs of a text block. A line break inside a text node (the editor shows it, as it keeps
 * white space) is a hard break; neighbouring text with the same marks is one run.
 */
export function inlineRuns(block: RichNode): Run[] {
	const runs: Run[] = [];
	const pushText = (text: string, marks: Mark[]) => {
		if (!text) return;
		const last = runs.at(-1);
		if (
			last?.kind === 'text' &&
			last.marks.length === marks.length &&
			last.marks.every((m) => hasMark(marks, m))
		) {
			last.text += text;
		} else runs.push({ kind: 'text', text, marks });
	};
	for (const child of block.content ?? []) {
		const marks = readMarks(child.marks);
		if (child.type === 'hard_break') runs.push({ kind: 'break', marks });
		else if (child.type === 'text') {
			const lines = (child.text ?? '').replace(/\r\n?/g, '\n').split('\n');
			lines.forEach((line, i) => {
				if (i > 0) runs.push({ kind: 'break', marks });
				pushText(line, marks);
			});
		}
	}
	return runs;
}

/**
 * The runs as a tree of nested marks. A mark stays open as long as the following runs carry it,
 * so "**a *b* c**" is one bold span holding an italic one, not three bold spans; a hard break
 * closes nothing.
 */
export function inlineTree(block: RichNode): InlineNode[] {
	const root: InlineNode[] = [];
	const stack: { mark: Mark; children: InlineNode[] }[] = [];
	const top = () => (stack.length ? stack[stack.length - 1].children : root);
	for (const run of inlineRuns(block)) {
		if (run.kind === 'break') {
			top().push({ kind: 'break' });
			continue;
		}
		// Keep the open marks, from the outside in, while this run has them.
		let keep = 0;
		while (keep < stack.length && hasMark(run.marks, stack[keep].mark)) keep++;
		stack.length = keep;
		for (const mark of run.marks) {
			if (stack.some((open) => sameMark(open.mark, mark))) continue;
			const node = { kind: 'mark' as const, mark, children: [] as InlineNode[] };
			top().push(node);
			stack.push(node);
		}
		top().push({ kind: 'text', text: run.text });
	}
	return root;
}
