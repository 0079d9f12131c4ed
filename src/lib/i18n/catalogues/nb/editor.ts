/** Bokmål messages for the rich-text editor and its toolbar. */
import type { MessageValue } from '../../types';

export default {
	'editor.toolbar': 'Formatering',
	'editor.bold': 'Fet',
	'editor.italic': 'Kursiv',
	'editor.heading': 'Overskrift',
	'editor.subheading': 'Underoverskrift',
	'editor.bulletList': 'Punktliste',
	'editor.orderedList': 'Nummerert liste',
	'editor.blockquote': 'Sitat',
	'editor.link': 'Lenke',
	'editor.linkAddress': 'Lenkeadresse',
	'editor.linkApply': 'Legg til lenke',
	'editor.linkRemove': 'Fjern lenke',
	'editor.linkCancel': 'Avbryt',
	'editor.linkInvalid':
		'Skriv en nettadresse (https://…), en e-postadresse med mailto: eller et nummer med tel:.',
	'editor.undo': 'Angre',
	'editor.redo': 'Gjør om',
	'editor.loading': 'Laster redigeringsverktøyet …',
	'editor.loadFailed': 'Kunne ikke laste redigeringsverktøyet. Last siden på nytt.'
} as const satisfies Record<string, MessageValue>;
