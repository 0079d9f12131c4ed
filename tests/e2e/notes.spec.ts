import { expect, test } from './fixtures';

test('local notes: create, tag, list newest first, search with æøå, delete with undo', async ({
	newDevice
}) => {
	const device = await newDevice();
	const page = device.page;
	await device.useLocally();
	await expect(device.syncStatus()).toHaveText(/Lagret på enheten/);

	await device.writeNote('Oppstartssamling i Tromsø', 'Samfunnsoppdraget og økt institusjonsforståelse.');
	await page.getByLabel('Emneknagger').fill('ledelse, Samling');
	await page.getByLabel('Seminar eller samling').fill('Oppstartssamling');
	await page.getByLabel('Notat', { exact: true }).click();
	await device.writeNote('Refleksjon etter webinar', 'Hva betyr endringskompetanse for små bibliotek?');

	await page.goto('/');
	const items = page.getByTestId('note-item');
	await expect(items).toHaveCount(2);
	await expect(items.first()).toContainText('Refleksjon etter webinar');
	await expect(items.nth(1)).toContainText('#samling');

	const search = page.getByLabel('Søk i notatene');
	await search.fill('ØKT');
	await expect(items).toHaveCount(1);
	await expect(items.first()).toContainText('Oppstartssamling i Tromsø');
	await search.fill('#ledelse');
	await expect(items).toHaveCount(1);
	await search.fill('endringskomp');
	await expect(items).toHaveCount(1);
	await expect(items.first()).toContainText('Refleksjon etter webinar');
	await search.fill('museum');
	await expect(page.getByText('Ingen notater passer søket.')).toBeVisible();

	// Delete, then undo.
	await search.fill('');
	await items.first().click();
	await page.getByRole('button', { name: 'Slett notatet' }).click();
	await expect(page.getByText('Notatet er slettet.')).toBeVisible();
	await expect(items).toHaveCount(1);
	await page.getByRole('button', { name: 'Angre' }).click();
	await expect(items).toHaveCount(2);

	// Every keystroke is kept: reload and the text is there.
	await items.first().click();
	await page.getByLabel('Notat', { exact: true }).press('End');
	await page.getByLabel('Notat', { exact: true }).pressSequentially(' Lagres uten knapp.');
	await page.reload();
	await expect(page.getByLabel('Notat', { exact: true })).toHaveText(/Lagres uten knapp\.$/);
});

test('language switch: English is complete and <html lang> follows', async ({ newDevice }) => {
	const device = await newDevice();
	const page = device.page;
	await page.goto('/welcome');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
	await page.getByLabel('Språk').selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Welcome to Lederlogg' })).toBeVisible();
	await page.getByRole('button', { name: 'Use on this device only' }).click();
	await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
