/** Bokmål messages for exporting drafts (ExportMenu, state/export.ts). */
import type { MessageValue } from '../../types';

export default {
	'export.menu': 'Eksporter',
	'export.menuAll': 'Eksporter alle utkast',
	'export.markdown': 'Markdown (.md)',
	'export.html': 'Nettside (.html)',
	'export.docx': 'Word (.docx)',
	'export.print': 'Skriv ut / PDF',
	'export.printHint': 'Velg «Lagre som PDF» i utskriftsvinduet for å få en PDF.',
	'export.all': 'Alle utkast som zip (alle formater)',
	'export.zipHint': 'Du får alle utkastene i én zip-fil.',
	'export.working': 'Lager filen …',
	'export.saved': 'Lastet ned: {name}',
	'export.empty': 'Det er ingen utkast å eksportere.',
	'export.untitled': 'Uten tittel',
	'export.zipName': 'Utkast'
} as const satisfies Record<string, MessageValue>;
