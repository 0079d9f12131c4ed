import { readFileSync } from 'node:fs';
import { expect, openProgramme, test } from './demo';

const DAY = 24 * 60 * 60 * 1000;

/** A month as the calendar names it: "september 2019". */
const monthName = (isoDate: string) =>
	new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		Date.parse(isoDate)
	);
const osloDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(ms);
const monthIndex = (isoDate: string) => +isoDate.slice(0, 4) * 12 + +isoDate.slice(5, 7);

test('a participant finds the start-up seminar in the calendar (list and month) and reads its agenda, also offline', async ({
	demo
}) => {
	test.setTimeout(120_000); // one long journey: sign-in, two views, two viewports, offline
	const now = demo.seededAt;
	// The demo's start-up seminar starts 70 days before the seeding day (scripts/demo/content.ts).
	const seminarDay = new Date(now - 70 * DAY).toISOString().slice(0, 10);
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await openProgramme(page);

	// The next event on the programme's home opens its page.
	await page.getByTestId('next-event').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kollokvium i Nord-Troms' })).toBeVisible();
	await expect(page.getByText('Biblioteket i Storslett')).toBeVisible();
	await expect(page.getByTestId('event-when')).toContainText('12:00–15:00');
	await page.getByRole('link', { name: 'Til kalenderen' }).click();

	// The agenda list: every event under its month, the past ones marked as ended.
	await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Liste', exact: true })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const items = page.getByTestId('calendar-event');
	await expect(items).toHaveCount(7);
	await expect(page.getByRole('heading', { level: 2, name: monthName(seminarDay) })).toBeVisible();
	const seminarItem = items.filter({ hasText: 'Oppstartsseminar' });
	await expect(seminarItem).toContainText('Avsluttet');
	await expect(seminarItem).toContainText('Fylkesbiblioteket, Tromsø');
	const colloquium = items.filter({ hasText: 'Kollokvium i Nord-Troms' });
	await expect(colloquium).not.toContainText('Avsluttet');
	await expect(colloquium).toContainText('12:00–15:00');
	await expect(items.filter({ hasText: 'Halvdags webinar' }).first()).toContainText('Nettmøte');
	await device.expectNoA11yViolations();
	await page.getByRole('button', { name: 'Hopp til i dag' }).click();
	await expect(page.locator('#today')).toBeFocused();
	await expect(page.locator('#today')).toHaveText(/^I dag, \S+dag \d+\. \S+$/);

	// The month view opens on this month, with today marked; back to the seminar's month.
	await page.getByRole('button', { name: 'Måned', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Måned', exact: true })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const grid = page.getByRole('table');
	const caption = grid.locator('caption');
	await expect(caption).toHaveText(monthName(osloDate(now)));
	await expect(grid.getByRole('columnheader')).toHaveText(
		['Uke', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'].map(
			(day) => new RegExp(day)
		)
	);
	await expect(grid.locator('td[aria-current="date"]')).toHaveCount(1);
	await device.expectNoA11yViolations();
	for (let i = monthIndex(seminarDay); i < monthIndex(osloDate(now)); i++) {
		await page.getByRole('button', { name: 'Forrige måned' }).click();
	}
	await expect(caption).toHaveText(monthName(seminarDay));
	await expect(
		page.getByRole('heading', { name: `Samlinger og frister i ${monthName(seminarDay)}` })
	).toBeVisible();

	// On a phone the month still fits the screen and passes axe.
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(caption).toHaveText(monthName(seminarDay));
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await device.expectNoA11yViolations();

	await grid.getByRole('link', { name: 'Samling: Oppstartsseminar (dag 1 av 3)' }).click();

	// The event page: when, where, module, and the agenda per day with times.
	const expectSeminarPage = async () => {
		await expect(page.getByRole('heading', { level: 1, name: 'Oppstartsseminar' })).toBeVisible();
		const agenda = page.getByTestId('agenda-item');
		await expect(agenda).toHaveCount(3);
		await expect(agenda.nth(0)).toContainText('09:00');
		await expect(agenda.nth(0)).toContainText('Velkommen og forventninger');
		await expect(agenda.nth(0)).toContainText('Ingrid Haugen · Auditoriet');
		await expect(agenda.nth(1)).toContainText('10:30');
		await expect(agenda.nth(1)).toContainText('Biblioteket i samfunnet');
		await expect(agenda.nth(2)).toContainText('09:00');
		await expect(agenda.nth(2)).toContainText('Individuelle oppstartssamtaler');
		await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
	};
	await expectSeminarPage();
	await expect(page.getByText('Samling · Avsluttet')).toBeVisible();
	await expect(page.getByTestId('event-when')).toContainText('09:00');
	await expect(page.getByTestId('event-when')).toContainText('15:00');
	const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
	await expect(page.getByText(/^Hos deg/)).toHaveCount(zone === 'Europe/Oslo' ? 0 : 1);
	await expect(page.getByText('Obligatorisk oppstartssamling over tre dager.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Biblioteket i samfunnet' })).toHaveAttribute(
		'href',
		/\/programmes\/[^/]+#module-modul-1$/
	);
	await device.expectNoA11yViolations();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Legg i kalenderen (.ics)' }).click()
	]);
	const ics = readFileSync((await download.path())!, 'utf8');
	expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
	expect(ics).toContain('SUMMARY:Oppstartsseminar');
	await page.setViewportSize({ width: 1280, height: 720 });
	await device.expectNoA11yViolations();

	// Offline: the event page, and the calendar as it was left (month view, same month).
	await device.setOffline(true);
	await page.reload();
	await expectSeminarPage();
	await page.getByRole('link', { name: 'Til kalenderen' }).click();
	await expect(page.getByRole('button', { name: 'Måned', exact: true })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(caption).toHaveText(monthName(seminarDay));
	await page.reload();
	await expect(caption).toHaveText(monthName(seminarDay));
	await expect(grid.getByRole('link', { name: /Oppstartsseminar/ }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Liste', exact: true }).click();
	await expect(items).toHaveCount(7);

	// An unknown event says so, and that the programme may not have reached the device yet.
	const programmeId = new URL(page.url()).pathname.split('/')[2];
	await page.goto(`/programmes/${programmeId}/events/finnes-ikke`);
	await expect(page.getByRole('alert')).toContainText('Fant ikke denne hendelsen.');
	await expect(page.getByRole('alert')).toContainText('ikke hentet til denne enheten ennå');
});
