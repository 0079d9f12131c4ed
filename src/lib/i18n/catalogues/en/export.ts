/** English messages for exporting drafts (ExportMenu, state/export.ts). */
import type { PartOf } from '../../types';
import type source from '../nb/export';

export default {
	'export.menu': 'Export',
	'export.menuAll': 'Export all drafts',
	'export.markdown': 'Markdown (.md)',
	'export.html': 'Web page (.html)',
	'export.docx': 'Word (.docx)',
	'export.print': 'Print / PDF',
	'export.printHint': 'Choose “Save as PDF” in the print dialog to get a PDF.',
	'export.all': 'All drafts as zip (all formats)',
	'export.zipHint': 'You get all the drafts in one zip file.',
	'export.working': 'Making the file …',
	'export.saved': 'Downloaded: {name}',
	'export.empty': 'There are no drafts to export.',
	'export.untitled': 'Untitled',
	'export.zipName': 'Drafts'
} satisfies PartOf<typeof source>;
