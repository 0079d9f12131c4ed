import { describe, expect, it } from 'vitest';
import { baseName, FALLBACK_NAME, fileName, uniqueNames } from '$export/file-name';

describe('file names', () => {
	it('keeps the title as people wrote it, æ, ø and å included', () => {
		expect(fileName('Blogginnlegg om endring', 'docx')).toBe('Blogginnlegg om endring.docx');
		expect(fileName('Små grep – større bibliotek', 'md')).toBe('Små grep – større bibliotek.md');
		expect(fileName('ÆØÅ æøå', 'html')).toBe('ÆØÅ æøå.html');
		// A decomposed "å" (as macOS may give it) is composed.
		expect(baseName('Bla\u030a')).toBe('Blå');
	});

	it('removes what file systems do not allow', () => {
		expect(fileName('Mål/plan: hva? "nå" <snart> | kanskje*\\', 'md')).toBe(
			'Mål plan hva nå snart kanskje.md'
		);
		expect(baseName('  linje\ntab\there\u0000 ')).toBe('linje tab here');
		expect(baseName('...skjult.')).toBe('skjult');
		expect(baseName('CON')).toBe('CON_');
		expect(baseName('x'.repeat(150))).toHaveLength(100);
		expect([...baseName('å'.repeat(150))]).toHaveLength(100);
	});

	it(`falls back to "${FALLBACK_NAME}" when nothing is left`, () => {
		expect(fileName('', 'md')).toBe('utkast.md');
		expect(fileName(' /?*: ', 'docx')).toBe('utkast.docx');
		expect(fileName('...', 'html')).toBe('utkast.html');
	});

	it('makes names unique, ignoring case, before the extension', () => {
		expect(uniqueNames(['Notat.md', 'notat.md', 'Notat.md', 'Annet.md'])).toEqual([
			'Notat.md',
			'notat (2).md',
			'Notat (3).md',
			'Annet.md'
		]);
		expect(uniqueNames(['v1.0/Plan.md', 'v1.0/Plan.md'])).toEqual(['v1.0/Plan.md', 'v1.0/Plan (2).md']);
		expect(uniqueNames(['Plan v1.0', 'Plan v1.0'], false)).toEqual(['Plan v1.0', 'Plan v1.0 (2)']);
	});
});
