/** Several files as one zip file (fflate, synchronous: a few drafts are small). */
import { zipSync, type Zippable } from 'fflate';
import { uniqueNames } from './file-name';

export interface ZipEntry {
	/** The path in the zip file ("Notat.md", "Notat/Notat.html"); made unique if it is taken. */
	name: string;
	data: string | Uint8Array;
}

/** Already compressed formats (.docx is a zip itself) are stored, not compressed again. */
const STORED = /\.(docx|zip|png|jpe?g)$/i;

export function toZip(files: readonly ZipEntry[]): Uint8Array {
	const names = uniqueNames(files.map((f) => f.name));
	const entries: Zippable = {};
	files.forEach((file, i) => {
		const data = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
		entries[names[i]] = [data, { level: STORED.test(names[i]) ? 0 : 6 }];
	});
	return zipSync(entries);
}
