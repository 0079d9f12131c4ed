import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { expect, openProgramme, test } from './demo';

const PHONE = { width: 390, height: 844 };

/** Rates one competence in the self-assessment form. */
const rate = (page: Page, competence: string, rating: string) =>
	page
		.getByRole('group', { name: competence, exact: true })
		.getByRole('radio', { name: rating, exact: true })
		.check();

/** A row of the chart's table, by the start of its heading ("Personal (ikke på listen nå)"). */
const tableRow = (page: Page, name: string) =>
	page
		.getByRole('table', { name: 'Første og siste egenvurdering per kompetanse' })
		.getByRole('row', { name: new RegExp(`^${name}`) });

test('coordinators edit the competence list offline; participants rate the synced list and keep earlier ratings', async ({
	demo
}) => {
	test.setTimeout(150_000);

	// A participant rates two of the defaults before the list changes.
	const participant = await demo.device('deltaker');
	const other = participant.page;
	await other.goto('/competence');
	await expect(other.getByTestId('competence-list-from')).toHaveText(
		/^Kompetansene er fra «Lederutviklingsprogram for bibliotekledere/
	);
	const groups = other.locator('form fieldset.rating');
	await expect(groups).toHaveCount(15); // the demo programme has the defaults
	await other.getByLabel('Dato').fill('2026-01-15');
	await rate(other, 'Personal', '2');
	await rate(other, 'Retorikk', '3');
	await other.getByRole('button', { name: 'Lagre vurderingen' }).click();
	await expect(other.getByTestId('assessments').getByRole('listitem')).toHaveCount(1);

	// The coordinator edits the list without a connection.
	const coordinator = await demo.device('koordinator', { install: true });
	const page = coordinator.page;
	await openProgramme(page);
	await expect(page.getByTestId('module-item')).toHaveCount(4); // the document is on the device
	await page.getByRole('link', { name: 'Rediger programmet' }).click();
	const section = page.getByTestId('edit-competences');
	const items = section.getByRole('listitem');
	await expect(items).toHaveCount(15);
	await coordinator.setOffline(true);

	// A new competence: a name is required; the error is on the field, which gets the focus.
	await page.getByRole('link', { name: 'Legg til kompetanse' }).click();
	await expect(page.getByRole('heading', { name: 'Ny kompetanse', level: 1 })).toBeVisible();
	await page.getByRole('button', { name: 'Lagre' }).click();
	const name = page.getByLabel('Navn', { exact: true });
	await expect(page.getByText('Skriv et navn (høyst 200 tegn).')).toBeVisible();
	await expect(name).toBeFocused();
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await page.setViewportSize(PHONE);
	await coordinator.expectNoA11yViolations();
	await name.fill('Coaching og veiledning');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('«Coaching og veiledning» er lagret på enheten.')).toBeVisible();
	await expect(items).toHaveCount(16);
	await expect(items.last()).toContainText('Coaching og veiledning');

	// A default renamed: the form starts from its standard name.
	await page.getByRole('link', { name: 'Rediger «Retorikk»' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger kompetanse', level: 1 })).toBeVisible();
	await expect(name).toHaveValue('Retorikk');
	await expect(page.getByText('Standardnavnet er «Retorikk».', { exact: false })).toBeVisible();
	await name.fill('Formidling og retorikk');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(section).toContainText('Formidling og retorikk');
	await expect(section.getByText('Retorikk', { exact: true })).toHaveCount(0);

	// Moved up one place; the focus stays on the button.
	const up = page.getByRole('button', { name: 'Flytt «Coaching og veiledning» opp' });
	await up.click();
	await expect(items.nth(14)).toContainText('Coaching og veiledning');
	await expect(items.nth(15)).toContainText('Endringsledelse');
	await expect(up).toBeFocused();

	// Deleting asks first and can be undone; then "Personal" goes for good.
	await page.getByRole('button', { name: 'Slett «Didaktikk»' }).click();
	await expect(page.getByText('Slette «Didaktikk»?')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, slett' }).click();
	await expect(section).not.toContainText('Didaktikk');
	await page
		.getByRole('status')
		.filter({ hasText: '«Didaktikk» er slettet.' })
		.getByRole('button', { name: 'Angre' })
		.click();
	await expect(section).toContainText('Didaktikk');
	await page.getByRole('button', { name: 'Slett «Personal»' }).click();
	await page.getByRole('button', { name: 'Ja, slett' }).click();
	await expect(page.getByRole('link', { name: 'Legg til kompetanse' })).toBeFocused();
	await expect(items).toHaveCount(15);
	await expect(section).not.toContainText('Personal');
	await coordinator.expectNoA11yViolations();

	// Still there after a reload without a connection.
	await page.reload();
	await expect(items).toHaveCount(15);
	await expect(items.nth(13)).toContainText('Coaching og veiledning'); // "Personal" is gone
	await expect(coordinator.syncStatus()).toContainText('venter – uten nett');

	// Online again: the list reaches the participant's open page.
	await coordinator.setOffline(false);
	await coordinator.expectSavedOnServer();
	await other.getByRole('button', { name: 'Ny egenvurdering' }).click();
	await expect(other.getByRole('group', { name: 'Coaching og veiledning' })).toBeVisible({ timeout: 20_000 });
	await expect(other.getByRole('group', { name: 'Formidling og retorikk' })).toBeVisible();
	await expect(other.getByRole('group', { name: 'Personal', exact: true })).toHaveCount(0);
	await expect(other.getByRole('group', { name: 'Retorikk', exact: true })).toHaveCount(0);
	await expect(groups).toHaveCount(15);
	await expect(groups.nth(13)).toContainText('Coaching og veiledning');

	// The participant rates the edited list; the earlier ratings keep their numbers by id.
	await other.getByLabel('Dato').fill('2026-06-01');
	await rate(other, 'Coaching og veiledning', '3');
	await rate(other, 'Formidling og retorikk', '4');
	await other.getByRole('button', { name: 'Lagre vurderingen' }).click();
	await expect(other.getByTestId('assessments').getByRole('listitem')).toHaveCount(2);
	await other.getByText('Vis tallene som tabell').click();
	await expect(tableRow(other, 'Formidling og retorikk').getByRole('cell')).toHaveText(['3', '4', 'Opp 1']);
	await expect(tableRow(other, 'Coaching og veiledning').getByRole('cell')).toHaveText([
		'3',
		'3',
		'Vurdert én gang'
	]);
	// "Personal" is off the list, and shown as such with its rating.
	await expect(tableRow(other, 'Personal \\(ikke på listen nå\\)').getByRole('cell')).toHaveText([
		'2',
		'2',
		'Vurdert én gang'
	]);
	await other.setViewportSize(PHONE);
	await participant.expectNoA11yViolations();

	// The coordinator takes the new competence off the list: the participant keeps its rating,
	// under its name, marked.
	await page.getByRole('button', { name: 'Slett «Coaching og veiledning»' }).click();
	await page.getByRole('button', { name: 'Ja, slett' }).click();
	await coordinator.expectSavedOnServer();
	await expect(
		tableRow(other, 'Coaching og veiledning \\(ikke på listen nå\\)').getByRole('cell')
	).toHaveText(['3', '3', 'Vurdert én gang'], { timeout: 20_000 });
	await participant.expectNoA11yViolations();
});

/** The API from the test (setting up a second programme needs no browser). */
async function api(url: string, method: string, body: unknown, token?: string): Promise<Response> {
	const request = () =>
		fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify(body)
		});
	return request().catch(request); // a keep-alive socket the server closed just then
}

test('a member of two programmes picks whose list to rate; without a programme the defaults are rated', async ({
	demo
}) => {
	test.setTimeout(120_000);
	// A second programme the participant is also in; its list is untouched (the defaults).
	const login = await api(`${demo.server.url}/api/auth/login`, 'POST', {
		email: 'koordinator@demo.lederlogg.no',
		password: DEMO_PASSWORD
	});
	const { token } = (await login.json()) as { token: string };
	const created = await api(
		`${demo.server.url}/api/programmes`,
		'POST',
		{ name: 'Mentorprogram 2027' },
		token
	);
	const { id } = (await created.json()) as { id: string };
	const members = `${demo.server.url}/api/programmes/${id}/members`;
	expect(
		(await api(members, 'POST', { email: 'deltaker@demo.lederlogg.no', role: 'participant' }, token)).status
	).toBe(201);

	// The demo programme gets a competence of its own.
	const coordinator = await demo.device('koordinator');
	await openProgramme(coordinator.page);
	await coordinator.page.getByRole('link', { name: 'Rediger programmet' }).click();
	await coordinator.page.getByRole('link', { name: 'Legg til kompetanse' }).click();
	await coordinator.page.getByLabel('Navn', { exact: true }).fill('Coaching og veiledning');
	await coordinator.page.getByRole('button', { name: 'Lagre' }).click();
	await expect(coordinator.page.getByTestId('edit-competences')).toContainText('Coaching og veiledning');
	await coordinator.expectSavedOnServer();

	const participant = await demo.device('deltaker');
	const page = participant.page;
	await page.setViewportSize(PHONE);
	await page.goto('/competence');
	const list = page.getByLabel('Vurder kompetansene til');
	await expect(list.getByRole('option')).toHaveText([
		/^Lederutviklingsprogram for bibliotekledere/,
		'Mentorprogram 2027'
	]);
	await expect(page.getByRole('group', { name: 'Coaching og veiledning' })).toBeVisible({ timeout: 20_000 });
	await expect(page.locator('form fieldset.rating')).toHaveCount(16);
	await participant.expectNoA11yViolations();
	await list.selectOption({ label: 'Mentorprogram 2027' });
	await expect(page.locator('form fieldset.rating')).toHaveCount(15);
	await expect(page.getByRole('group', { name: 'Coaching og veiledning' })).toHaveCount(0);
	// The choice holds for the session.
	await page.reload();
	await expect(list).toHaveValue(id);
	await expect(page.locator('form fieldset.rating')).toHaveCount(15);

	// Used only on this device: the fifteen defaults, and no programme to name.
	const local = await demo.newDevice();
	await local.useLocally();
	await local.page.goto('/competence');
	await expect(local.page.locator('form fieldset.rating')).toHaveCount(15);
	await expect(local.page.getByRole('group', { name: 'Forståelse av lederrollen' })).toBeVisible();
	await expect(local.page.getByTestId('competence-list-from')).toHaveCount(0);
	await expect(local.page.getByLabel('Vurder kompetansene til')).toHaveCount(0);
});
