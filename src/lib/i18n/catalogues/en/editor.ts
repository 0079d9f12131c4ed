/** English messages for the rich-text editor and its toolbar. */
import type { PartOf } from '../../types';
import type source from '../nb/editor';

export default {
	'editor.toolbar': 'Formatting',
	'editor.bold': 'Bold',
	'editor.italic': 'Italic',
	'editor.heading': 'Heading',
	'editor.subheading': 'Subheading',
	'editor.bulletList': 'Bulleted list',
	'editor.orderedList': 'Numbered list',
	'editor.blockquote': 'Quote',
	'editor.link': 'Link',
	'editor.linkAddress': 'Link address',
	'editor.linkApply': 'Add link',
	'editor.linkRemove': 'Remove link',
	'editor.linkCancel': 'Cancel',
	'editor.linkInvalid':
		'Enter a web address (https://…), an e-mail address with mailto: or a number with tel:.',
	'editor.undo': 'Undo',
	'editor.redo': 'Redo',
	'editor.loading': 'Loading the editor …',
	'editor.loadFailed': 'The editor could not be loaded. Reload the page.'
} satisfies PartOf<typeof source>;
