import { expect, test } from './demo';

/** A calendar date `days` from today on this machine, as a date input takes it. */
function dateIn(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a seminar note becomes a change task, followed up offline, shown on the home screen and on another device', async ({
	demo
}) => {
	test.setTimeout(120_000); // two devices, offline and a reload: slow on a busy two-core runner
	const phone = await demo.device('deltaker', { install: true });
	const page = phone.page;

	// The home screen says what is next in the programme (loaded after the notes list).
	const whatsNext = page.getByTestId('whats-next');
	await expect(whatsNext.getByRole('heading', { name: 'Hva nå?' })).toBeVisible();
	await expect(whatsNext.getByTestId('whats-next-event')).toContainText('Kollokvium i Nord-Troms');
	await expect(whatsNext.getByTestId('whats-next-event')).toContainText(/Starter om \d+ døgn/);
	await expect(whatsNext.getByTestId('whats-next-due')).toContainText('Blogginnlegg');
	await expect(whatsNext.getByTestId('whats-next-check-in')).toHaveCount(0);

	// The reading row shows, and then the section stays put (the row used to mount and unmount
	// itself without end, keeping the CPU busy).
	await expect(whatsNext.getByTestId('whats-next-reading')).toContainText('Leselogg');
	const changes = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let count = 0;
				const observer = new MutationObserver((records) => {
					for (const r of records) count += r.addedNodes.length + r.removedNodes.length;
				});
				observer.observe(document.querySelector('[data-testid=whats-next]')!, {
					childList: true,
					subtree: true
				});
				setTimeout(() => {
					observer.disconnect();
					resolve(count);
				}, 2000);
			})
	);
	expect(changes).toBeLessThan(10);

	// A seminar note turned into a change task: only "what" comes from the note, and it links back.
	const noteId = await phone.writeNote(
		'Frivillige i biblioteket',
		'Andre bibliotek bruker frivillige i helgene.'
	);
	await page.getByRole('button', { name: 'Gjør om til endringsoppgave' }).click();
	await expect(page).toHaveURL(new RegExp(`/tasks/new\\?note=${noteId}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Ny endringsoppgave' })).toBeVisible();
	await expect(page.getByLabel('Hva vil du endre?')).toHaveValue('Frivillige i biblioteket');
	await expect(page.getByLabel('Hvorfor?')).toHaveValue('');
	await expect(page.getByTestId('task-source')).toHaveText('Fra notatet Frivillige i biblioteket');
	await phone.expectNoA11yViolations();

	// The schema checks the form: "what" is required.
	await page.getByLabel('Hva vil du endre?').fill('');
	await page.getByRole('button', { name: 'Lag endringsoppgaven' }).click();
	await expect(page.getByText('Skriv hva du vil endre.')).toBeVisible();
	await expect(page).toHaveURL(/\/tasks\/new/);
	await page.getByLabel('Hva vil du endre?').fill('Helgeåpent med frivillige');
	await page.getByLabel('Hvorfor?').fill('Flere skal kunne bruke biblioteket.');
	await page.getByLabel('Første steg').fill('Møte med frivilligsentralen');
	await page.getByLabel('Hvem må være med?').fill('Rådmannen og de ansatte');
	await page.getByRole('button', { name: 'Lag endringsoppgaven' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Helgeåpent med frivillige' })).toBeVisible();
	const taskUrl = new URL(page.url()).pathname;
	expect(taskUrl).toMatch(/^\/tasks\/[A-Za-z0-9_-]+$/);
	await expect(page.getByRole('link', { name: 'Fra notatet Frivillige i biblioteket' })).toHaveAttribute(
		'href',
		`/notes/${noteId}`
	);
	await phone.expectNoA11yViolations();

	// Offline: a check-in, with the next one three days ahead; still there after a reload.
	await phone.setOffline(true);
	const checkIns = page.getByRole('region', { name: 'Oppfølginger' });
	await expect(checkIns.getByLabel('Dato')).toHaveValue(dateIn(0));
	await checkIns.getByLabel('Hvordan går det?').fill('Frivilligsentralen er med.');
	await checkIns.getByLabel('Hindringer').fill('Forsikring må avklares.');
	await checkIns.getByLabel('Neste oppfølging').fill(dateIn(3));
	await checkIns.getByRole('button', { name: 'Lagre oppfølgingen' }).click();
	await expect(checkIns.getByTestId('check-in')).toHaveCount(1);
	await expect(checkIns.getByLabel('Hvordan går det?')).toHaveValue('');
	await page.reload();
	await expect(checkIns.getByTestId('check-in')).toHaveText([
		/Frivilligsentralen er med\.\s+Hindringer: Forsikring må avklares\./
	]);
	await expect(page.getByTestId('task-status')).toContainText('Pågår');

	// The home screen, offline after a reload, shows the next check-in (and still the programme).
	await page.goto('/');
	await page.reload();
	await expect(whatsNext.getByTestId('whats-next-check-in')).toContainText('Helgeåpent med frivillige');
	await expect(whatsNext.getByTestId('whats-next-check-in')).toContainText('Neste oppfølging om 3 dager');
	await expect(whatsNext.getByTestId('whats-next-event')).toContainText('Kollokvium i Nord-Troms');
	await expect(page.getByRole('link', { name: 'Frivillige i biblioteket' })).toBeVisible();
	await phone.expectNoA11yViolations();
	await page.setViewportSize({ width: 390, height: 844 });
	await phone.expectNoA11yViolations();

	// The task list: active with its next check-in.
	await page.goto('/tasks');
	const active = page.getByTestId('active-tasks');
	await expect(active.getByTestId('task-item')).toHaveCount(1);
	await expect(active.getByTestId('task-next')).toContainText('Neste oppfølging om 3 dager');
	await phone.expectNoA11yViolations();
	await phone.setOffline(false);

	// Marking done needs a closing reflection.
	await active.getByRole('link', { name: 'Helgeåpent med frivillige' }).click();
	await page.getByRole('button', { name: 'Marker som fullført' }).click();
	await expect(
		page.getByText('Skriv en avsluttende refleksjon før du markerer oppgaven som fullført.')
	).toBeVisible();
	await expect(page.getByTestId('task-status')).toContainText('Pågår');
	await page.getByLabel('Avsluttende refleksjon').fill('Helgeåpent fra høsten. Samarbeid tar tid.');
	await page.getByRole('button', { name: 'Marker som fullført' }).click();
	await expect(page.getByTestId('task-status')).toContainText('Fullført');
	await expect(page.getByTestId('task-reflection')).toHaveText('Helgeåpent fra høsten. Samarbeid tar tid.');
	await phone.expectNoA11yViolations();
	await phone.expectSavedOnServer();
	await page.goto('/');
	await expect(whatsNext.getByTestId('whats-next-event')).toBeVisible();
	await expect(whatsNext.getByTestId('whats-next-check-in')).toHaveCount(0);

	// Another device of the account has it once synced: done, with its check-in and reflection.
	const laptop = await demo.device('deltaker');
	await laptop.page.goto('/tasks');
	const done = laptop.page.getByTestId('done-tasks');
	await expect(done.getByTestId('task-item')).toContainText('Helgeåpent med frivillige');
	await expect(done.getByTestId('task-next')).toContainText('Fullført');
	await expect(laptop.page.getByTestId('active-tasks')).toHaveCount(0);
	await laptop.expectNoA11yViolations();
	await done.getByRole('link', { name: 'Helgeåpent med frivillige' }).click();
	await expect(laptop.page).toHaveURL(new RegExp(`${taskUrl}$`));
	await expect(laptop.page.getByTestId('task-reflection')).toHaveText(
		'Helgeåpent fra høsten. Samarbeid tar tid.'
	);
	await expect(laptop.page.getByTestId('check-in')).toHaveCount(1);
	await laptop.expectNoA11yViolations();
});

test('without an account the home screen stays quiet until there is a check-in to show', async ({ demo }) => {
	const device = await demo.newDevice();
	await device.useLocally();
	const page = device.page;
	await expect(page.getByRole('button', { name: 'Nytt seminarnotat' })).toBeVisible();
	await expect(page.getByTestId('whats-next')).toHaveCount(0);

	await page.goto('/tasks');
	await expect(page.getByText('Ingen pågående endringsoppgaver.', { exact: false })).toBeVisible();
	await device.expectNoA11yViolations();
	await page.getByRole('link', { name: 'Ny endringsoppgave' }).click();
	await page.getByLabel('Hva vil du endre?').fill('Ny skilting');
	await page.getByRole('button', { name: 'Lag endringsoppgaven' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ny skilting' })).toBeVisible();

	await page.goto('/');
	const whatsNext = page.getByTestId('whats-next');
	await expect(whatsNext.getByTestId('whats-next-check-in')).toContainText('Ny skilting');
	await expect(whatsNext.getByTestId('whats-next-check-in')).toContainText('Neste oppfølging om 14 dager');
	await expect(whatsNext.getByTestId('whats-next-event')).toHaveCount(0);
	await expect(whatsNext.getByTestId('whats-next-due')).toHaveCount(0);
});
