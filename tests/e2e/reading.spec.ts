import type { Page } from '@playwright/test';
import { DEMO_PROGRAMME, expect, test } from './demo';

const DAY = 24 * 60 * 60 * 1000;
/** A calendar date as the app writes it ("12. mars 2026"). */
const longDate = (iso: string) =>
	new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(iso));
const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(Date.now()); // "2026-03-12"
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Numbers as nb-NO writes them (a no-break space between thousands). */
const nb = (n: number) => n.toLocaleString('nb-NO');

async function expectProgress(page: Page, seededAt: number) {
	// The demo: 700 set + 200 self-chosen pages; the programme starts 70 days before seeding, the
	// exam 24 days after. Read: pages 1–20 of a set text, 30 pages of an own text (self-chosen).
	const start = utcDate(seededAt - 70 * DAY);
	const exam = utcDate(seededAt + 24 * DAY);
	const today = osloToday();
	const elapsed = (Date.parse(today) - Date.parse(start)) / DAY;
	const expected = Math.floor((900 * elapsed) / ((Date.parse(exam) - Date.parse(start)) / DAY));
	await expect(page.getByTestId('reading-total')).toHaveText('Totalt: 50 av 900 sider');
	await expect(page.getByText('Pensum: 20 av 700 sider', { exact: true })).toBeVisible();
	await expect(page.getByText('Egenvalgt pensum: 30 av 200 sider', { exact: true })).toBeVisible();
	await expect(page.getByTestId('on-track')).toHaveText(
		`Bak planen til eksamen ${longDate(exam)}: 50 sider lest, planen sier ${nb(expected)} til nå (${nb(expected - 50)} sider igjen for å være i rute).`
	);
	await expect(page.getByTestId('chart-summary')).toHaveText(
		`50 av 900 sider lest per ${longDate(today)}. Planen til eksamen ${longDate(exam)} sier ${nb(expected)} sider til nå.`
	);
	await expect(page.getByTestId('reading-module')).toHaveText([
		'Pensum: 20 av 700 sider · Egenvalgt pensum: 0 av 200 sider',
		'Egenvalgt pensum: 30 sider lest'
	]);
}

test('a participant logs reading offline on a syllabus text and an own text; progress, chart and a second device follow', async ({
	demo
}) => {
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await page.goto('/reading');
	await expect(page.getByRole('heading', { name: 'Leselogg', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: DEMO_PROGRAMME, level: 2 })).toBeVisible();
	await expect(page.getByTestId('reading-total')).toHaveText('Totalt: 0 av 900 sider');
	await expect(page.getByTestId('reading-text')).toHaveCount(4);

	await device.setOffline(true);

	// An own text: the ISBN's checksum is checked.
	await page.getByLabel('Tittel').fill('Ledelse i praksis');
	await page.getByLabel('Forfatter').fill('Forfatter C');
	await page.getByLabel('Antall sider i teksten').fill('120');
	await page.getByLabel('ISBN').fill('978-0-306-40615-8');
	await page.getByRole('button', { name: 'Lagre teksten' }).click();
	await expect(page.getByText('Dette er ikke et gyldig ISBN. Sjekk sifrene.')).toBeVisible();
	await page.getByLabel('ISBN').fill('978-0-306-40615-7');
	await page.getByRole('button', { name: 'Lagre teksten' }).click();
	await expect(page.getByRole('link', { name: 'Ledelse i praksis' })).toBeVisible();

	// A quick session on it from the overview.
	await page.getByLabel('Tekst', { exact: true }).selectOption({ label: 'Ledelse i praksis' });
	await page.getByLabel('Antall sider', { exact: true }).fill('30');
	await page.getByLabel('Minutter (valgfritt)').fill('40');
	await page.getByRole('button', { name: 'Lagre leseøkten' }).click();
	await expect(page.getByTestId('reading-total')).toHaveText('Totalt: 30 av 900 sider');

	// A page range on a syllabus text, and a quote linked to a lecture, on the text's page.
	await page.getByRole('link', { name: 'Bibliotek og samfunn' }).click();
	await expect(page.getByRole('heading', { name: 'Bibliotek og samfunn', level: 1 })).toBeVisible();
	await page.getByLabel('Fra side').fill('1');
	await page.getByLabel('Til side').fill('20');
	await page.getByRole('button', { name: 'Lagre leseøkten' }).click();
	await expect(page.getByTestId('reading-session')).toContainText('20 sider (side 1–20)');
	await page.getByLabel('Sitat', { exact: true }).check();
	await page.getByLabel('Notatet eller sitatet').fill('Biblioteket er en møteplass.');
	await page.getByLabel('Side (valgfritt)').fill('12');
	await page
		.getByLabel('Forelesning', { exact: true })
		.selectOption({ label: 'Forelesning 1: Samfunnsoppdraget' });
	await page.getByRole('button', { name: 'Lagre notatet' }).click();
	await expect(page.getByTestId('reading-note')).toContainText('Biblioteket er en møteplass.');
	await expect(page.getByTestId('text-progress')).toHaveText('20 av 320 sider lest');

	// Still there after a reload without a network.
	await page.reload();
	await expect(page.getByTestId('text-progress')).toHaveText('20 av 320 sider lest');
	await expect(page.getByTestId('reading-note')).toContainText('s. 12');
	await expect(
		page.getByTestId('reading-note').getByRole('link', { name: 'Forelesning 1: Samfunnsoppdraget' })
	).toBeVisible();
	await device.expectNoA11yViolations();

	await page.getByRole('link', { name: 'Til leseloggen' }).click();
	await expectProgress(page, demo.seededAt);
	await page.reload();
	await expectProgress(page, demo.seededAt);
	await page.getByRole('button', { name: 'Vis tallene i en tabell' }).click();
	await expect(page.getByRole('row', { name: `${longDate(osloToday())} 50` })).toBeVisible();
	await device.expectNoA11yViolations();

	// A phone.
	await page.setViewportSize({ width: 390, height: 844 });
	const chartWidth = await page.getByRole('img', { name: 'Sider lest over tid' }).boundingBox();
	expect(chartWidth!.width).toBeLessThanOrEqual(390);
	await device.expectNoA11yViolations();
	await page.getByRole('link', { name: 'Ledelse i praksis' }).click();
	await expect(page.getByTestId('reading-session')).toContainText('30 sider');
	await device.expectNoA11yViolations();

	// Online again: saved on the server, and the account's other device sees it all.
	await device.setOffline(false);
	await device.expectSavedOnServer();
	const laptop = await demo.device('deltaker');
	await laptop.page.goto('/reading');
	await expectProgress(laptop.page, demo.seededAt);
	await laptop.page.getByRole('link', { name: 'Bibliotek og samfunn' }).click();
	await expect(laptop.page.getByTestId('reading-note')).toContainText('Biblioteket er en møteplass.');
});
