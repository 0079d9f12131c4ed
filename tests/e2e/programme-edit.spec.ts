import { DEMO_PROGRAMME, expect, openProgramme, test } from './demo';

/** Tomorrow's date in Oslo ("2026-05-02"): the new event is the next one, before the demo's. */
function osloTomorrow(): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
		Date.now() + 24 * 60 * 60 * 1000
	);
}

test('a coordinator builds the programme offline; it reaches a participant after reconnecting, who cannot edit it', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const coordinator = await demo.device('koordinator', { install: true });
	const page = coordinator.page;
	await openProgramme(page);
	await expect(page.getByTestId('module-item')).toHaveCount(4); // the document is on the device
	const home = new URL(page.url()).pathname;

	// The participant, on another device, online: no editing.
	const participant = await demo.device('deltaker');
	const other = participant.page;
	await other.goto(`${home}/edit`);
	await expect(other.getByTestId('edit-read-only')).toHaveText(
		'Bare koordinatorene i programmet kan redigere det. Du kan lese alt på de andre sidene, også uten nett.'
	);
	await expect(other.locator('main form, main input, main textarea, main select')).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'Legg til modul' })).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'Rediger programmet' })).toHaveCount(0);
	await other.getByRole('link', { name: 'Oversikt' }).click();
	await expect(other.getByTestId('module-item')).toHaveCount(4);
	await expect(other.getByTestId('next-event')).toHaveText('Kollokvium i Nord-Troms');

	// The coordinator edits without a connection.
	await page.getByRole('link', { name: 'Rediger programmet' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger programmet', level: 1 })).toBeVisible();
	await expect(page.getByTestId('edit-modules').getByRole('listitem')).toHaveCount(4);
	await coordinator.expectNoA11yViolations();
	await coordinator.setOffline(true);

	// The programme keeps its name when an empty one is refused.
	await page.getByLabel('Navnet på programmet').fill(' ');
	await page.getByRole('button', { name: 'Lagre navnet' }).click();
	await expect(page.getByText('Skriv navnet på programmet (høyst 300 tegn).')).toBeVisible();
	await expect(page.getByLabel('Navnet på programmet')).toBeFocused();
	await expect(page.getByText('Navnet er lagret på enheten.')).toHaveCount(0);

	// A module: an empty title and no credits are refused, and nothing is saved.
	await page.getByRole('link', { name: 'Legg til modul' }).click();
	await expect(page.getByRole('heading', { name: 'Ny modul' })).toBeVisible();
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Skriv en tittel (høyst 300 tegn).')).toBeVisible();
	await expect(page.getByText('Skriv et helt tall fra 0 til 120.')).toBeVisible();
	await expect(page.getByLabel('Tittel')).toBeFocused();
	await expect(page.getByLabel('Tittel')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Tittel').fill('Lederskap i endring');
	await page.getByLabel('Studiepoeng').fill('10');
	await page.getByLabel('Periode').fill('Høsten 2027');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger programmet', level: 1 })).toBeVisible();
	await expect(page.getByText('«Lederskap i endring» er lagret på enheten.')).toBeVisible();
	await expect(page.getByTestId('edit-modules')).toContainText('Lederskap i endring');
	await expect(page.getByTestId('edit-modules').getByRole('listitem')).toHaveCount(5);
	await expect(coordinator.syncStatus()).toContainText('venter – uten nett');

	// An event with two agenda items: the errors show on their fields, what was typed stays.
	const day = osloTomorrow();
	await page.getByRole('link', { name: 'Legg til samling eller frist' }).click();
	await page.getByLabel('Starter').fill(`${day}T10:00`);
	await expect(page.getByLabel('Slutter')).toHaveValue(`${day}T10:00`); // follows an empty end
	await page.getByLabel('Slutter').fill(`${day}T09:00`);
	await page.getByLabel('Sted').fill('Fylkesbiblioteket, Tromsø');
	await page.getByRole('button', { name: 'Legg til programpunkt' }).click();
	const first = page.getByRole('group', { name: 'Programpunkt 1' });
	await expect(first.getByLabel('Tittel')).toBeFocused();
	await expect(first.getByLabel('Tidspunkt')).toHaveValue(`${day}T10:00`);
	await first.getByLabel('Tidspunkt').fill(`${day}T13:00`);
	await first.getByLabel('Tittel').fill('Gruppearbeid');
	await page.getByRole('button', { name: 'Legg til programpunkt' }).click();
	const second = page.getByRole('group', { name: 'Programpunkt 2' });
	await second.getByLabel('Foredragsholder').fill('Ingrid Haugen');
	await page.getByRole('button', { name: 'Lagre' }).click();
	const eventTitle = page.getByLabel('Tittel').first();
	await expect(eventTitle).toBeFocused();
	await expect(page.locator('#event-title-error')).toHaveText('Skriv en tittel (høyst 300 tegn).');
	await expect(page.locator('#event-end-error')).toHaveText('Slutten kan ikke være før starten.');
	await expect(page.getByLabel('Slutter')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Starter')).toHaveAttribute('aria-invalid', 'false');
	await expect(second.getByText('Skriv en tittel (høyst 300 tegn).')).toBeVisible();
	await expect(second.getByLabel('Foredragsholder')).toHaveValue('Ingrid Haugen');
	await coordinator.expectNoA11yViolations();
	await eventTitle.fill('Samling om endringsledelse');
	await page.getByLabel('Slutter').fill(`${day}T16:00`);
	await expect(page.locator('#event-end-error')).toHaveCount(0);
	await second.getByLabel('Tittel').fill('Velkommen');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('edit-events')).toContainText('Samling om endringsledelse');

	// Saved with the agenda in time order, each item keeping its own fields.
	await page.getByRole('link', { name: 'Rediger «Samling om endringsledelse»' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger samling eller frist' })).toBeVisible();
	await expect(first.getByLabel('Tittel')).toHaveValue('Velkommen');
	await expect(first.getByLabel('Foredragsholder')).toHaveValue('Ingrid Haugen');
	await expect(second.getByLabel('Tittel')).toHaveValue('Gruppearbeid');
	await expect(second.getByLabel('Tidspunkt')).toHaveValue(`${day}T13:00`);
	await page.getByRole('button', { name: 'Avbryt' }).click();

	// A lecture with a discussion question, in the new module.
	await page.getByRole('link', { name: 'Legg til forelesning' }).click();
	await page.getByLabel('Tittel').fill('Endringsledelse i praksis');
	await page.getByLabel('Varighet i minutter').fill('12');
	await page.getByLabel('Modul').selectOption({ label: 'Lederskap i endring' });
	await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
	await expect(page.getByLabel('Spørsmål 1')).toBeFocused();
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Skriv spørsmålet, eller fjern det.')).toBeVisible();
	await page.getByLabel('Spørsmål 1').fill('Hvilken endring har du ledet, og hva lærte du?');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('edit-lectures')).toContainText('Endringsledelse i praksis');

	// A self-chosen syllabus text for the new module and lecture, and a comments requirement.
	await page.getByRole('link', { name: 'Legg til tekst i pensum' }).click();
	await page.getByLabel('Tittel').fill('Endringsledelse – en innføring');
	await page.getByLabel('Antall sider').fill('1 200');
	await page.getByRole('radio', { name: 'Egenvalgt pensum' }).check();
	await page
		.getByRole('group', { name: 'Moduler' })
		.getByRole('checkbox', { name: 'Lederskap i endring' })
		.check();
	await page
		.getByRole('group', { name: 'Forelesninger' })
		.getByRole('checkbox', { name: 'Endringsledelse i praksis' })
		.check();
	await page.getByLabel('Lenke').fill('ftp://bok.example.no');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Skriv en nettadresse som begynner med https:// eller http://.')).toBeVisible();
	await expect(page.getByLabel('Lenke')).toBeFocused();
	await page.getByLabel('Lenke').fill('');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('edit-syllabus')).toContainText('Endringsledelse – en innføring');

	await page.getByRole('link', { name: 'Legg til arbeidskrav' }).click();
	await page.getByLabel('Tittel').fill('Kommentarer i modul 5');
	await expect(page.getByLabel('Antall kommentarer som kreves')).toHaveCount(0);
	await page.getByLabel('Type').selectOption({ label: 'Kommentarer' });
	await page.getByLabel('Antall kommentarer som kreves').fill('3');
	await page.getByLabel('Frist').fill(day);
	await page.getByLabel('Modul').selectOption({ label: 'Lederskap i endring' });
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('edit-requirements')).toContainText('Kommentarer i modul 5');

	// Delete asks first, and can be undone.
	const blog = page.getByRole('button', { name: 'Slett «Blogginnlegg»' });
	await blog.click();
	await expect(page.getByText('Slette «Blogginnlegg»?')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, slett' }).click();
	await expect(page.getByTestId('edit-requirements')).not.toContainText('Blogginnlegg');
	await page
		.getByRole('status')
		.filter({ hasText: '«Blogginnlegg» er slettet.' })
		.getByRole('button', { name: 'Angre' })
		.click();
	await expect(page.getByTestId('edit-requirements')).toContainText('Blogginnlegg');

	// Still there after a reload without a connection.
	await page.reload();
	await expect(page.getByTestId('edit-modules')).toContainText('Lederskap i endring');
	await expect(page.getByTestId('edit-events')).toContainText('Samling om endringsledelse');
	await expect(page.getByTestId('edit-lectures')).toContainText('Endringsledelse i praksis');
	await expect(page.getByTestId('edit-requirements')).toContainText('Blogginnlegg');
	await expect(coordinator.syncStatus()).toContainText('venter – uten nett');

	// Back online: the changes go to the server and on to the participant's open page.
	await coordinator.setOffline(false);
	await coordinator.expectSavedOnServer();
	await expect(other.getByTestId('module-item')).toHaveCount(5, { timeout: 20_000 });
	await expect(other.getByTestId('module-item').filter({ hasText: 'Lederskap i endring' })).toContainText(
		'10 studiepoeng · Høsten 2027'
	);
	await expect(other.getByTestId('next-event')).toHaveText('Samling om endringsledelse');
	await expect(other.getByTestId('due-item').first()).toContainText('Kommentarer i modul 5');
	await expect(other.getByTestId('due-item').first()).toContainText('3 kommentarer');
	await expect(other.getByTestId('due-item').filter({ hasText: 'Blogginnlegg' })).toHaveCount(1);
	await expect(other.getByText(/40 studiepoeng|50 studiepoeng/)).toHaveText(
		/^50 studiepoeng · 700 sider pensum og 1\s400 sider egenvalgt pensum$/
	);
	await expect(other.getByRole('link', { name: 'Rediger programmet' })).toHaveCount(0);
	await expect(other.getByRole('heading', { name: DEMO_PROGRAMME, level: 1 })).toBeVisible();
});
