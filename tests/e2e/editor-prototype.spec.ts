import { expect, test } from './fixtures';

// The rich-text prototype (issue 5) on /drafts/new: a phone-sized screen, offline-capable local use.
test('the rich-text draft: typing, bold from the toolbar, undo of only my own changes, no axe violations', async ({
	newDevice
}) => {
	const device = await newDevice();
	const page = device.page;
	await page.setViewportSize({ width: 390, height: 844 });
	await device.useLocally();
	await page.goto('/drafts/new');
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

	// Another tab of the same device writes in the same draft; its change arrives here.
	const other = await device.context.newPage();
	await other.goto('/drafts/new');
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
