import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportAll, exportDraft, MIME_TYPES } from '$export/drafts';
import { toZip } from '$export/zip';
import { doc, FULL_DOC, p, text, TITLE } from './fixture';

const bytesOf = (data: string | Uint8Array) =>
	typeof data === 'string' ? new TextEncoder().encode(data) : data;

describe('toZip', () => {
	it('holds each file under its name, text as UTF-8, with taken names made unique', () => {
		const docx = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
		const files = unzipSync(
			toZip([
				{ name: 'Små grep.md', data: '# Små grep\n' },
				{ name: 'små grep.md', data: 'to' },
				{ name: 'Mappe/Å.docx', data: docx }
			])
		);
		expect(Object.keys(files)).toEqual(['Små grep.md', 'små grep (2).md', 'Mappe/Å.docx']);
		expect(strFromU8(files['Små grep.md'])).toBe('# Små grep\n');
		expect(strFromU8(files['små grep (2).md'])).toBe('to');
		expect(files['Mappe/Å.docx']).toEqual(docx);
	});
});

describe('exportDraft', () => {
	it('names the file after the title and gives its type', async () => {
		const md = await exportDraft({ title: TITLE, doc: FULL_DOC }, 'markdown');
		expect(md).toMatchObject({ name: 'Blogginnlegg om endring.md', mime: 'text/markdown;charset=utf-8' });
		expect(md.data).toContain('# Blogginnlegg om endring\n');
		const html = await exportDraft({ title: TITLE, doc: FULL_DOC }, 'html', { lang: 'en-GB' });
		expect(html).toMatchObject({ name: 'Blogginnlegg om endring.html', mime: 'text/html;charset=utf-8' });
		expect(html.data).toContain('<html lang="en-GB">');
		const word = await exportDraft({ title: TITLE, doc: FULL_DOC }, 'docx');
		expect(word.name).toBe('Blogginnlegg om endring.docx');
		expect(word.mime).toBe(MIME_TYPES.docx);
		expect(word.data).toBeInstanceOf(Uint8Array);
	});

	it('uses the name for an untitled draft, in the file and its heading', async () => {
		const file = await exportDraft({ title: '  ', doc: doc(p(text('a'))) }, 'markdown', {
			untitled: 'Untitled'
		});
		expect(file).toMatchObject({ name: 'Untitled.md', data: '# Untitled\n\na\n' });
	});
});

describe('exportAll', () => {
	const drafts = [
		{ title: TITLE, doc: FULL_DOC },
		{ title: 'Refleksjon: uke 2', doc: doc(p(text('Tekst'))) },
		{ title: TITLE, doc: doc(p(text('Et annet innlegg med samme tittel'))) }
	];

	it('puts one file per draft in the chosen format at the top of the zip', async () => {
		const zip = await exportAll(drafts, 'markdown', { name: 'Utkast 2026-07-14' });
		expect(zip).toMatchObject({ name: 'Utkast 2026-07-14.zip', mime: 'application/zip' });
		const files = unzipSync(bytesOf(zip.data));
		expect(Object.keys(files)).toEqual([
			'Blogginnlegg om endring.md',
			'Refleksjon uke 2.md',
			'Blogginnlegg om endring (2).md'
		]);
		expect(strFromU8(files['Refleksjon uke 2.md'])).toBe('# Refleksjon: uke 2\n\nTekst\n');
		expect(strFromU8(files['Blogginnlegg om endring (2).md'])).toContain('Et annet innlegg');
	});

	it("puts every format of each draft in the draft's own folder for 'all'", async () => {
		const zip = await exportAll(drafts, 'all');
		expect(zip.name).toBe('utkast.zip');
		const files = unzipSync(bytesOf(zip.data));
		expect(Object.keys(files)).toEqual([
			'Blogginnlegg om endring/Blogginnlegg om endring.md',
			'Blogginnlegg om endring/Blogginnlegg om endring.html',
			'Blogginnlegg om endring/Blogginnlegg om endring.docx',
			'Refleksjon uke 2/Refleksjon uke 2.md',
			'Refleksjon uke 2/Refleksjon uke 2.html',
			'Refleksjon uke 2/Refleksjon uke 2.docx',
			'Blogginnlegg om endring (2)/Blogginnlegg om endring (2).md',
			'Blogginnlegg om endring (2)/Blogginnlegg om endring (2).html',
			'Blogginnlegg om endring (2)/Blogginnlegg om endring (2).docx'
		]);
		expect(strFromU8(files['Refleksjon uke 2/Refleksjon uke 2.html'])).toContain('<p>Tekst</p>');
		const word = files['Refleksjon uke 2/Refleksjon uke 2.docx'];
		const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(word) });
		expect(value).toBe('<p>Refleksjon: uke 2</p><p>Tekst</p>');
	});
});
