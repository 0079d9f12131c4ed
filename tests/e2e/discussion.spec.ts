import type { Page } from '@playwright/test';
import { expect, openProgramme, test } from './demo';

const LECTURE = 'Forelesning 1: Samfunnsoppdraget';

/** From the programme list to a lecture, as a member finds it. */
async function openLecture(page: Page): Promise<void> {
	await openProgramme(page);
	await page.getByRole('link', { name: 'Forelesninger', exact: true }).click();
	await page.getByRole('link', { name: LECTURE }).click();
	await expect(page.getByRole('heading', { level: 1, name: LECTURE })).toBeVisible();
}

const question = (page: Page, n: number) =>
	page.getByTestId('question').filter({ has: page.getByRole('heading', { name: `Spørsmål ${n}` }) });

test('comments count toward the requirement, sync live to the coach, and are kept offline', async ({
	demo
}) => {
	const participant = await demo.device('deltaker', { install: true });
	const page = participant.page;
	await openProgramme(page);
	await page.getByRole('link', { name: 'Forelesninger', exact: true }).click();

	// The lectures by module: ten in module 1, in order, three of them with questions.
	await expect(page.getByRole('heading', { level: 2, name: 'Biblioteket i samfunnet' })).toBeVisible();
	const lectures = page.getByTestId('lecture-item');
	await expect(lectures).toHaveCount(10);
	await expect(lectures.first()).toHaveText(
		/^Forelesning 1: Samfunnsoppdraget\s+ca\. 10 min · 2 spørsmål · du har kommentert 0 av 2$/
	);
	await expect(lectures.last()).toContainText('Forelesning 10: Oppsummering');
	await expect(lectures.last()).toContainText('Ingen spørsmål');
	await page.getByRole('link', { name: LECTURE }).click();
	await expect(page.getByRole('heading', { level: 1, name: LECTURE })).toBeVisible();
	await expect(page.getByText('Biblioteket i samfunnet · ca. 10 min')).toBeVisible();
	const video = page.getByRole('link', { name: 'Se forelesningen (video)' });
	await expect(video).toHaveAttribute('href', 'https://example.org/forelesning-1');
	await expect(video).not.toHaveAttribute('target', /./);
	await expect(page.getByText('Videoen krever nettforbindelse.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Pensum til forelesningen' })).toContainText(
		'Bibliotek og samfunn'
	);
	const progress = page.getByTestId('comment-progress');
	await expect(progress).toHaveText(
		/Kommentarer til forelesningsspørsmålene:\s+Du har kommentert 0 av 4 som kreves/
	);

	// The coach follows the same lecture on another device.
	const coach = await demo.device('veileder');
	await openLecture(coach.page);
	await expect(question(coach.page, 1).getByText('0 kommentarer')).toBeVisible();

	// An empty comment is refused with a clear message; nothing is posted.
	const first = question(page, 1);
	await first.getByRole('button', { name: 'Send kommentar' }).click();
	await expect(first.getByText('Skriv en kommentar før du sender.')).toBeVisible();
	const field1 = first.getByLabel('Din kommentar til spørsmål 1');
	await expect(field1).toBeFocused();
	await expect(field1).toHaveAttribute('aria-invalid', 'true');
	await expect(first.getByTestId('comment')).toHaveCount(0);

	await field1.fill('Vi er møteplassen i kommunen.\nOg vi låner ut mer enn bøker.');
	await first.getByRole('button', { name: 'Send kommentar' }).click();
	await expect(field1).toHaveValue('');
	await expect(first.getByText('Skriv en kommentar før du sender.')).toBeHidden();
	const mine = first.getByTestId('comment');
	await expect(mine).toHaveCount(1);
	await expect(mine).toContainText('Kari Nordmann');
	// Plain text, line breaks kept.
	expect(await mine.locator('p.text').innerText()).toBe(
		'Vi er møteplassen i kommunen.\nOg vi låner ut mer enn bøker.'
	);
	await expect(progress).toContainText('Du har kommentert 1 av 4 som kreves');

	// … and appears on the coach's device without a reload.
	await expect(question(coach.page, 1).getByTestId('comment')).toContainText('Vi er møteplassen i kommunen.');
	await expect(question(coach.page, 1).getByText('1 kommentar', { exact: true })).toBeVisible();

	// Offline: the comment is saved on the device at once, and survives a reload.
	await participant.setOffline(true);
	const second = question(page, 2);
	await second
		.getByLabel('Din kommentar til spørsmål 2')
		.fill('Biblioteket i Storslett har <b>lørdagsåpent</b>.');
	await second.getByRole('button', { name: 'Send kommentar' }).click();
	await expect(second.getByTestId('comment')).toContainText(
		'Biblioteket i Storslett har <b>lørdagsåpent</b>.'
	);
	await expect(progress).toContainText('Du har kommentert 2 av 4 som kreves');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: LECTURE })).toBeVisible();
	await expect(question(page, 2).getByTestId('comment')).toContainText('lørdagsåpent');
	await expect(question(page, 1).getByTestId('comment')).toHaveCount(1);
	await expect(page.getByTestId('comment-progress')).toContainText('Du har kommentert 2 av 4 som kreves');
	await expect(question(coach.page, 2).getByTestId('comment')).toHaveCount(0);

	// Back online, the coach gets it.
	await participant.setOffline(false);
	await expect(question(coach.page, 2).getByTestId('comment')).toContainText(
		'Biblioteket i Storslett har <b>lørdagsåpent</b>.',
		{ timeout: 20_000 }
	);
	await participant.expectSavedOnServer();
	await participant.expectNoA11yViolations();

	// The lectures list and the work requirements count the same comments.
	await page.getByRole('link', { name: 'Forelesninger', exact: true }).click();
	await expect(page.getByTestId('lecture-item').first()).toContainText('du har kommentert 2 av 2');
	await page.getByRole('link', { name: 'Arbeidskrav' }).click();
	const requirements = page.getByTestId('requirement');
	await expect(requirements).toHaveCount(3);
	await expect(requirements.nth(0)).toContainText('Blogginnlegg');
	await expect(requirements.nth(0)).toContainText('ca. 2 000 tegn');
	await expect(requirements.nth(0).getByTestId('requirement-due')).toContainText('om 9 dager');
	const comments = requirements.nth(1);
	await expect(comments).toContainText('Kommentarer til forelesningsspørsmålene');
	await expect(comments.getByTestId('requirement-progress')).toHaveText('Du har kommentert 2 av 4');
	await expect(comments.getByRole('link', { name: 'Til forelesningene' })).toBeVisible();
	await participant.expectNoA11yViolations();

	// The syllabus by module, and by lecture.
	await page.getByRole('link', { name: 'Pensum', exact: true }).click();
	await expect(page.getByTestId('programme-totals')).toHaveText(
		'Hele programmet: 700 sider pensum og 200 sider egenvalgt pensum'
	);
	const module1 = page.getByTestId('syllabus-module');
	await expect(module1).toHaveCount(1);
	await expect(module1.getByRole('heading', { level: 3 })).toHaveText([
		'Forelesning 1: Samfunnsoppdraget',
		'Forelesning 2: Institusjonsforståelse',
		'Forelesning 3: Biblioteket som ressurs i kommunen',
		'Generelt'
	]);
	await expect(
		module1.getByTestId('syllabus-item').filter({ hasText: 'Artikkelsamling modul 1' })
	).toHaveText(/Diverse · 200 sider · Pensum · på nett/);
	await expect(module1.getByTestId('syllabus-item').filter({ hasText: 'Egenvalgt' })).toHaveText(
		/200 sider · Egenvalgt pensum/
	);
	await participant.expectNoA11yViolations();
	await page.getByLabel('Per forelesning').check();
	await expect(page.getByTestId('syllabus-lecture')).toHaveCount(4);
	await expect(page.getByTestId('syllabus-lecture').first()).toContainText('320 sider pensum og 0 sider');
	await participant.expectNoA11yViolations();

	// A lecture that is not in the programme (a removed one, an old link).
	await page.goto(`/programmes/${demo.programmeId}/lectures/finnes-ikke`);
	await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke forelesningen' })).toBeVisible();
	await expect(page.getByRole('link', { name: '← Alle forelesninger' })).toBeVisible();
});
