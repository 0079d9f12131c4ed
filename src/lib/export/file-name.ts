/**
 * File names from titles, as a person would name the file: "Blogginnlegg om endring.docx".
 * Letters stay (æ, ø, å too); only what Windows, macOS or a zip file cannot hold goes.
 */

/** The name when a title leaves nothing. */
export const FALLBACK_NAME = 'utkast';

/** Longest base name, in characters (well below every file system's 255 bytes, æøå included). */
const MAX_LENGTH = 100;

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe base name (no extension) from a title. */
export function baseName(title: string): string {
	let name = title
		.normalize('NFC')
		.replace(/[/\\:*?"<>|]/g, ' ')
		.replace(/\s+/g, ' ')
		// eslint-disable-next-line no-control-regex -- control characters are what is removed
		.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '')
		.trim()
		// No hidden files (leading dot), and Windows drops trailing dots and spaces.
		.replace(/^[.\s]+|[.\s]+$/g, '');
	if ([...name].length > MAX_LENGTH) name = [...name].slice(0, MAX_LENGTH).join('').trimEnd();
	if (RESERVED.test(name)) name = `${name}_`;
	return name || FALLBACK_NAME;
}

/** A safe file name: the base name from the title and the extension ("md", "docx"). */
export function fileName(title: string, extension: string): string {
	return `${baseName(title)}.${extension}`;
}

/**
 * Names (or paths in a zip file) made unique, case-insensitively (as Windows and macOS compare
 * them): the second "Notat.md" becomes "Notat (2).md". Without extensions (folder names), the
 * number goes at the end.
 */
export function uniqueNames(names: readonly string[], withExtensions = true): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		const dot = withExtensions ? name.lastIndexOf('.') : -1;
		const [stem, ext] = dot > name.lastIndexOf('/') + 1 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		let candidate = name;
		for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
		taken.add(candidate.toLowerCase());
		return candidate;
	});
}
