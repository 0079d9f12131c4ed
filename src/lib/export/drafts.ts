/**
 * Exporting drafts: one draft as a file, or many as one zip file. What the state layer calls;
 * the Word writer (and its library) loads only when a Word file is made.
 */
import type { RichDoc } from '$domain/rich-text';
import { baseName, fileName, uniqueNames } from './file-name';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import { toZip, type ZipEntry } from './zip';

export const EXPORT_FORMATS = ['markdown', 'html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export needs of a draft. */
export interface ExportDraft {
	title: string;
	doc: RichDoc;
}

export interface ExportOptions {
	/** The documents' language (BCP 47). Default "nb". */
	lang?: string;
	/** The title of a draft that has none ("Uten tittel"). */
	untitled?: string;
}

/** A file ready to be saved. */
export interface ExportFile {
	name: string;
	mime: string;
	data: string | Uint8Array;
}

export const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', html: 'html', docx: 'docx' };

export const MIME_TYPES: Record<ExportFormat | 'zip', string> = {
	markdown: 'text/markdown;charset=utf-8',
	html: 'text/html;charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	zip: 'application/zip'
};

const titleOf = (draft: ExportDraft, options: ExportOptions) =>
	draft.title.trim() || options.untitled || 'Uten tittel';

async function render(draft: ExportDraft, format: ExportFormat, options: ExportOptions) {
	const title = titleOf(draft, options);
	const lang = options.lang ?? 'nb';
	switch (format) {
		case 'markdown':
			return toMarkdown(draft.doc, { title });
		case 'html':
			return toHtml(draft.doc, { title, lang });
		case 'docx': {
			const { toDocx } = await import('./docx');
			return toDocx(draft.doc, { title, lang });
		}
	}
}

/** One draft as a file named after its title: "Blogginnlegg om endring.docx". */
export async function exportDraft(
	draft: ExportDraft,
	format: ExportFormat,
	options: ExportOptions = {}
): Promise<ExportFile> {
	return {
		name: fileName(titleOf(draft, options), EXTENSIONS[format]),
		mime: MIME_TYPES[format],
		data: await render(draft, format, options)
	};
}

/**
 * Many drafts as one zip file `<name>.zip`. One format: a file per draft at the top
 * ("Notat.md", "Notat (2).md"); 'all': a folder per draft holding it in every format
 * ("Notat/Notat.md", "Notat/Notat.html", "Notat/Notat.docx").
 */
export async function exportAll(
	drafts: readonly ExportDraft[],
	format: ExportFormat | 'all',
	options: ExportOptions & { name?: string } = {}
): Promise<ExportFile> {
	const formats = format === 'all' ? EXPORT_FORMATS : [format];
	const bases = uniqueNames(
		drafts.map((draft) => baseName(titleOf(draft, options))),
		false
	);
	const entries: ZipEntry[] = [];
	for (const [i, draft] of drafts.entries()) {
		for (const f of formats) {
			const file = `${bases[i]}.${EXTENSIONS[f]}`;
			entries.push({
				name: format === 'all' ? `${bases[i]}/${file}` : file,
				data: await render(draft, f, options)
			});
		}
	}
	return { name: fileName(options.name ?? 'utkast', 'zip'), mime: MIME_TYPES.zip, data: toZip(entries) };
}
