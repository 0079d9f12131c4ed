import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './demo';

async function save(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('a draft exports as Markdown, a web page, Word and print, and all drafts as a zip, as they are on screen', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const device = await demo.device('deltaker');
	const page = device.page;
	await page.goto('/drafts');
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill('Blogg: små bibliotek');
	await page.getByRole('button', { name: 'Opprett utkast' }).click();
	const editor = page.getByRole('textbox', { name: 'Tekst' });
	await editor.click();
	// Markdown shortcuts as a writer types them: a heading, a list, a quote, bold.
	await page.keyboard.type('## Åpningstider');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Vi prøvde ');
	await page.keyboard.press('Control+B');
	await page.keyboard.type('meråpent');
	await page.keyboard.press('Control+B');
	await page.keyboard.type(' bibliotek.');
	await page.keyboard.press('Enter');
	await page.keyboard.type('- Lørdager');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Kvelder');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	await page.keyboard.type('> Brukerne var fornøyde.');
	await expect(editor.locator('h2')).toHaveText('Åpningstider');
	await expect(editor.locator('li')).toHaveText(['Lørdager', 'Kvelder']);
	await expect(editor.locator('blockquote')).toHaveText('Brukerne var fornøyde.');

	const menu = page.getByRole('button', { name: 'Eksporter' });
	const pick = (label: string) => async () => {
		if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
		await page.getByRole('button', { name: label }).click();
	};

	const md = await save(page, pick('Markdown (.md)'));
	expect(md.name).toBe('Blogg små bibliotek.md');
	expect(md.bytes.toString('utf8')).toBe(
		'# Blogg: små bibliotek\n\n## Åpningstider\n\nVi prøvde **meråpent** bibliotek.\n\n- Lørdager\n- Kvelder\n\n> Brukerne var fornøyde.\n'
	);

	const html = await save(page, pick('Nettside (.html)'));
	expect(html.name).toBe('Blogg små bibliotek.html');
	const htmlText = html.bytes.toString('utf8');
	expect(htmlText).toContain('<h1>Blogg: små bibliotek</h1>');
	expect(htmlText).toContain('<h2>Åpningstider</h2>');
	expect(htmlText).toContain('<strong>meråpent</strong>');
	expect(htmlText).toMatch(
		/<ul>\s*<li>\s*<p>Lørdager<\/p>\s*<\/li>\s*<li>\s*<p>Kvelder<\/p>\s*<\/li>\s*<\/ul>/
	);
	expect(htmlText).toMatch(/<blockquote>\s*<p>Brukerne var fornøyde\.<\/p>\s*<\/blockquote>/);

	const docx = await save(page, pick('Word (.docx)'));
	expect(docx.name).toBe('Blogg små bibliotek.docx');
	const word = await mammoth.convertToHtml(
		{ buffer: docx.bytes },
		{
			styleMap: ["p[style-name='Title'] => p.title:fresh", "p[style-name='Quote'] => blockquote > p:fresh"]
		}
	);
	// In Word the title has the Title style and the text's headings start at Heading 1.
	expect(word.value).toContain('<p class="title">Blogg: små bibliotek</p><h1>Åpningstider</h1>');
	expect(word.value).toContain('<strong>meråpent</strong>');
	expect(word.value).toContain('<ul><li>Lørdager</li><li>Kvelder</li></ul>');
	expect(word.value).toContain('Brukerne var fornøyde.');

	// Print: only the text, no menu, toolbar or buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header')).toBeHidden();
	await expect(page.getByRole('toolbar', { name: 'Formatering' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Blogg: små bibliotek', level: 1 })).toBeVisible();
	await expect(editor).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	// All drafts from the list, as one zip of Word files.
	await page.getByRole('link', { name: 'Alle utkast' }).click();
	const listMenu = page.getByRole('button', { name: 'Eksporter' });
	const zip = await save(page, async () => {
		await listMenu.click();
		await page.getByRole('button', { name: 'Alle utkast som zip (alle formater)' }).click();
	});
	expect(zip.name).toMatch(/^Utkast \d{4}-\d{2}-\d{2}\.zip$/);
	const files = unzipSync(new Uint8Array(zip.bytes));
	expect(Object.keys(files).sort()).toEqual([
		'Blogg små bibliotek/Blogg små bibliotek.docx',
		'Blogg små bibliotek/Blogg små bibliotek.html',
		'Blogg små bibliotek/Blogg små bibliotek.md'
	]);
	expect(strFromU8(files['Blogg små bibliotek/Blogg små bibliotek.md'])).toBe(md.bytes.toString('utf8'));
	await device.expectNoA11yViolations();
});
