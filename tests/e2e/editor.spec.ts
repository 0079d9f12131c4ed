import type { Page } from '@playwright/test';
import { expect, test } from './demo';

async function newDraft(page: Page, title: string): Promise<void> {
	await page.goto('/drafts');
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('button', { name: 'Opprett utkast' }).click();
	await expect(page.getByRole('textbox', { name: 'Tekst' })).toBeVisible();
}

// The rich-text editor on a phone-sized screen: toolbar, undo of only my own changes, shortcuts.
test('the editor: bold from the toolbar, one tab stop for the toolbar, undo of only my own changes, kept after a reload', async ({
	demo
}) => {
	test.setTimeout(90_000);
	const device = await demo.device('deltaker');
	const page = device.page;
	await page.setViewportSize({ width: 390, height: 844 });
	await newDraft(page, 'Redigering');
	const text = page.getByRole('textbox', { name: 'Tekst' });
	const bold = page.getByRole('button', { name: 'Fet' });
	const undo = page.getByRole('button', { name: 'Angre' });
	await expect(bold).toBeEnabled();

	await text.click();
	await page.keyboard.type('Hei verden');
	for (let i = 0; i < 'verden'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
	await bold.click();
	await expect(text.locator('strong')).toHaveText('verden');
	await expect(bold).toHaveAttribute('aria-pressed', 'true');
	await device.expectNoA11yViolations();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	// The toolbar is one tab stop: arrow keys move inside it.
	const toolbar = page.getByRole('toolbar', { name: 'Formatering' });
	await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
	await toolbar.locator('button[tabindex="0"]').focus();
	await page.keyboard.press('Home');
	await expect(bold).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('button', { name: 'Kursiv' })).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await expect(bold).toBeFocused();

	// Another tab of the same device writes in the same draft; its change arrives here.
	const other = await device.context.newPage();
	await other.goto(page.url());
	const otherText = other.getByRole('textbox', { name: 'Tekst' });
	await expect(otherText).toHaveText('Hei verden');
	await otherText.click();
	await other.keyboard.press('Control+End');
	await other.keyboard.press('Enter');
	await other.keyboard.type('Fra den andre fanen');
	await expect(text).toContainText('Fra den andre fanen');

	// Undo here takes back this tab's typing and bold, never the other tab's paragraph.
	await expect(undo).toBeEnabled();
	for (let i = 0; i < 10 && (await undo.isEnabled()); i++) await undo.click();
	await expect(undo).toBeDisabled();
	await expect(text).not.toContainText('Hei verden');
	await expect(text).toContainText('Fra den andre fanen');
	await expect(otherText).not.toContainText('Hei verden');
	await expect(otherText).toContainText('Fra den andre fanen');

	// The keyboard shortcut redoes.
	await text.click();
	await page.keyboard.press('Control+Shift+Z');
	await expect(text).toContainText('Hei');

	// What the editor wrote is kept on the device like any other change.
	await other.close();
	await page.reload();
	await expect(text).toContainText('Hei');
	await expect(text).toContainText('Fra den andre fanen');
});

test('pasting from Word keeps headings, bold and lists (nested, numbered) and drops Word’s own markup', async ({
	demo
}) => {
	const device = await demo.device('deltaker');
	const page = device.page;
	await newDraft(page, 'Fra Word');
	const text = page.getByRole('textbox', { name: 'Tekst' });
	await text.click();
	// What Word puts on the clipboard for a heading, a paragraph with bold, a bulleted list with a
	// nested item, and a numbered list (abridged, but with its conditional comments and markers).
	const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<h1>Endringsarbeid<o:p></o:p></h1>
<p class=MsoNormal>Vi prøvde <b>meråpent</b> bibliotek.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]>Åpningstider<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Lørdager<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]>Bemanning<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Kartlegge<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Prøve ut<o:p></o:p></p>
</body></html>`;
	await text.evaluate((element, html) => {
		const data = new DataTransfer();
		data.setData('text/html', html);
		data.setData('text/plain', 'Endringsarbeid');
		element.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, word);

	await expect(text.locator('h2')).toHaveText('Endringsarbeid');
	await expect(text.locator('strong')).toHaveText('meråpent');
	const bullets = text.locator(':scope > ul');
	await expect(bullets.locator(':scope > li')).toHaveCount(2);
	await expect(bullets.locator(':scope > li').nth(0)).toContainText('Åpningstider');
	await expect(bullets.locator(':scope > li').nth(0).locator('ul > li')).toHaveText('Lørdager');
	await expect(bullets.locator(':scope > li').nth(1)).toHaveText('Bemanning');
	await expect(text.locator(':scope > ol > li')).toHaveText(['Kartlegge', 'Prøve ut']);
	// No marker, no Word markup, no style sheet text.
	await expect(text).not.toContainText('·');
	await expect(text).not.toContainText('MsoNormal');
	await expect(text.locator('li', { hasText: /^o\s/ })).toHaveCount(0);
});
