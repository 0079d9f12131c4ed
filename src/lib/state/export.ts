/**
 * Exporting drafts, as the UI does it: the verbs make the file (the export code loads on the first
 * export, the Word library only for Word files), save it through the browser's download, and
 * report a failure once, through handleError.
 */
import type { ExportDraft, ExportFile, ExportFormat } from '$export/drafts';
import { locale, t } from '$i18n/locale.svelte';
import { handleError } from './handle-error';

export type { ExportDraft, ExportFormat };

/** A format, or every format at once (only as a zip file). */
export type ExportChoice = ExportFormat | 'all';

/** How an export went: the file saved, nothing to save, or failed (the user has been told). */
export type ExportResult = { kind: 'saved'; name: string } | { kind: 'empty' } | { kind: 'failed' };

/**
 * Saves the drafts `items()` gives in the format chosen: one draft as its own file; several, or
 * `all` formats, or `zip`, as one zip file.
 */
export async function downloadDrafts(
	items: () => Promise<readonly ExportDraft[]>,
	choice: ExportChoice,
	{ zip = false }: { zip?: boolean } = {}
): Promise<ExportResult> {
	try {
		const drafts = await items();
		if (!drafts.length) return { kind: 'empty' };
		const { exportAll, exportDraft } = await import('$export/drafts');
		const options = { lang: locale.intl, untitled: t('export.untitled') };
		const file =
			choice === 'all' || zip || drafts.length > 1
				? await exportAll(drafts, choice, { ...options, name: zipName() })
				: await exportDraft(drafts[0], choice, options);
		saveFile(file);
		return { kind: 'saved', name: file.name };
	} catch (error) {
		handleError(error, `exporting drafts (${choice})`);
		return { kind: 'failed' };
	}
}

/** Prints the page (the print style sheet shows only the text); "Save as PDF" makes a PDF. */
export function printPage(): void {
	window.print();
}

/** "Utkast 2026-07-14": the zip file's name, with the day, so exports do not overwrite each other. */
function zipName(): string {
	const now = new Date();
	const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
		.map((n) => String(n).padStart(2, '0'))
		.join('-');
	return `${t('export.zipName')} ${day}`;
}

/** Hands a file to the browser as a download (a link with `download`, clicked, then let go). */
function saveFile(file: ExportFile): void {
	const data = typeof file.data === 'string' ? file.data : new Uint8Array(file.data);
	const url = URL.createObjectURL(new Blob([data], { type: file.mime }));
	const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the file after click() returns: let it go a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
