import { expect, test } from './demo';

test('a participant builds a training plan offline; it survives a reload and reaches another device', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await page.goto('/plan');
	await expect(page.getByRole('heading', { name: 'Treningsplan', level: 1 })).toBeVisible();
	await expect(page.getByText('Ingen utviklingsmål ennå.', { exact: false })).toBeVisible();
	await device.expectNoA11yViolations();
	await device.setOffline(true);

	// A goal: an empty title is refused on its field, and nothing is saved.
	await page.getByRole('link', { name: 'Nytt utviklingsmål' }).click();
	await expect(page.getByRole('heading', { name: 'Nytt utviklingsmål', level: 1 })).toBeVisible();
	await page
		.getByLabel('Hvorfor er dette viktig for deg?')
		.fill('Biblioteket skal bli et lokalt demokratihus.');
	await page.getByRole('button', { name: 'Lagre målet' }).click();
	await expect(page.getByText('Skriv en tittel (høyst 300 tegn).')).toBeVisible();
	await expect(page.getByLabel('Tittel')).toBeFocused();
	await expect(page.getByLabel('Tittel')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Tittel').fill('Lede endring i egen organisasjon');
	await page.getByLabel('Hvordan vet du at du har nådd det?').fill('Personalet har prøvd ut to nye tilbud.');
	await page.getByLabel('Måldato (valgfritt)').fill('2027-06-01');
	await page.getByLabel('Status').selectOption({ label: 'I gang' });
	await page.getByRole('button', { name: 'Lagre målet' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger utviklingsmål', level: 1 })).toBeVisible();
	await expect(page.getByText('«Lede endring i egen organisasjon» er lagret på enheten.')).toBeVisible();
	await expect(page.getByLabel('Tittel')).toHaveValue('Lede endring i egen organisasjon');

	// Two actions, one refused until it has text; then one is ticked.
	await page.getByRole('button', { name: 'Legg til tiltak' }).click();
	await expect(page.getByText('Skriv hva du skal gjøre (høyst 1000 tegn).')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Tiltak', exact: true })).toBeFocused();
	await page.getByRole('textbox', { name: 'Tiltak', exact: true }).fill('Les Kotter om endringsledelse');
	await page.getByRole('button', { name: 'Legg til tiltak' }).click();
	await expect(page.getByRole('textbox', { name: 'Tiltak', exact: true })).toHaveValue('');
	await page.getByRole('textbox', { name: 'Tiltak', exact: true }).fill('Workshop med personalet');
	await page.getByLabel('Frist (valgfritt)').fill('2026-11-15');
	await page.getByRole('button', { name: 'Legg til tiltak' }).click();
	const actions = page.getByRole('list', { name: 'Tiltak for «Lede endring i egen organisasjon»' });
	await expect(actions.getByRole('checkbox')).toHaveCount(2);
	await expect(page.getByTestId('goal-progress')).toHaveText('0 av 2 tiltak gjort');
	await actions.getByRole('checkbox', { name: 'Les Kotter om endringsledelse' }).check();
	await expect(page.getByTestId('goal-progress')).toHaveText('1 av 2 tiltak gjort');
	await device.expectNoA11yViolations();

	// A milestone and a follow-up on the plan page.
	await page.getByRole('link', { name: 'Til treningsplanen' }).click();
	const goal = page.getByTestId('goal');
	await expect(goal.getByTestId('goal-progress')).toHaveText('1 av 2 tiltak gjort');
	await page.getByRole('button', { name: 'Legg til milepæl' }).click();
	await expect(page.getByRole('textbox', { name: 'Milepæl' })).toBeFocused();
	await page.getByRole('textbox', { name: 'Milepæl' }).fill('Midtveis-samling: presentere endringsoppgaven');
	await page.getByRole('button', { name: 'Lagre', exact: true }).click();
	await expect(page.getByText('Velg en gyldig dato.')).toBeVisible();
	await expect(page.getByLabel('Dato', { exact: true })).toBeFocused();
	await page.getByLabel('Dato', { exact: true }).fill('2026-10-01');
	await page.getByRole('button', { name: 'Lagre', exact: true }).click();
	await expect(page.getByTestId('milestones')).toContainText('Midtveis-samling: presentere endringsoppgaven');
	await expect(page.getByTestId('milestones')).toContainText('1. oktober 2026');
	await page.getByRole('button', { name: 'Før inn en samtale' }).click();
	await page.getByLabel('Hva vi snakket om').fill('Hvordan få med personalet tidlig.');
	await page.getByLabel('Neste steg vi ble enige om').fill('Lage en plan for workshopen.');
	await page.getByRole('button', { name: 'Lagre', exact: true }).click();
	await expect(page.getByTestId('follow-ups')).toContainText('Hvordan få med personalet tidlig.');
	await expect(page.getByTestId('follow-ups')).toContainText('Lage en plan for workshopen.');
	await expect(device.syncStatus()).toContainText('venter – uten nett');

	// Still there after a reload without a connection.
	await page.reload();
	await expect(goal.getByRole('link', { name: 'Lede endring i egen organisasjon' })).toBeVisible();
	await expect(goal).toContainText('I gang · Mål innen 1. juni 2027');
	await expect(goal.getByTestId('goal-progress')).toHaveText('1 av 2 tiltak gjort');
	await expect(goal.getByRole('checkbox', { name: 'Les Kotter om endringsledelse' })).toBeChecked();
	await expect(goal.getByRole('checkbox', { name: 'Workshop med personalet' })).not.toBeChecked();
	await expect(page.getByTestId('milestones')).toContainText('Midtveis-samling');
	await expect(page.getByTestId('follow-ups')).toContainText('Hvordan få med personalet tidlig.');
	await device.expectNoA11yViolations();
	await page.setViewportSize({ width: 390, height: 844 });
	await device.expectNoA11yViolations();
	await goal.getByRole('link', { name: 'Lede endring i egen organisasjon' }).click();
	await expect(page.getByRole('heading', { name: 'Rediger utviklingsmål' })).toBeVisible();
	await device.expectNoA11yViolations();
	await page.setViewportSize({ width: 1280, height: 720 });

	// Back online, the plan is saved on the server and another device of the account has it.
	await device.setOffline(false);
	await device.expectSavedOnServer();
	const laptop = await demo.device('deltaker');
	await laptop.page.goto('/plan');
	const there = laptop.page.getByTestId('goal');
	await expect(there.getByTestId('goal-progress')).toHaveText('1 av 2 tiltak gjort', { timeout: 20_000 });
	await expect(laptop.page.getByTestId('milestones')).toContainText('Midtveis-samling');
	await expect(laptop.page.getByTestId('follow-ups')).toContainText('Lage en plan for workshopen.');

	// Ticking the second action there reaches the phone.
	await there.getByRole('checkbox', { name: 'Workshop med personalet' }).check();
	await laptop.expectSavedOnServer();
	await expect(page.getByTestId('goal-progress')).toHaveText('2 av 2 tiltak gjort', { timeout: 20_000 });
});

test('a participant assesses their competences twice and sees the change, also on another device', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await page.goto('/competence');
	await expect(page.getByRole('heading', { name: 'Egenvurdering av kompetanse', level: 1 })).toBeVisible();
	await expect(page.getByRole('group')).toHaveCount(15);
	await device.expectNoA11yViolations();
	await device.setOffline(true);

	// Nothing rated is refused.
	await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
	await expect(page.getByText('Vurder minst én kompetanse.')).toBeVisible();
	await expect(
		page.getByRole('group', { name: 'Forståelse av lederrollen' }).getByRole('radio').first()
	).toBeFocused();

	const rate = async (competence: string, rating: string) =>
		page.getByRole('group', { name: competence }).getByRole('radio', { name: rating, exact: true }).check();
	await page.getByLabel('Dato').fill('2026-01-15');
	await rate('Fasilitering', '2');
	await rate('Retorikk', '4');
	await rate('Designtenkning', '3');
	await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
	await expect(page.getByText('Egenvurderingen er lagret på enheten.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Slik har du vurdert deg' })).toBeFocused();
	await expect(page.getByText('Gjør en ny egenvurdering senere, så ser du endringen her.')).toBeVisible();

	// The second one, later.
	await page.getByRole('button', { name: 'Ny egenvurdering' }).click();
	await expect(page.getByLabel('Dato')).toBeFocused();
	await page.getByLabel('Dato').fill('2026-06-10');
	await rate('Fasilitering', '4');
	await rate('Retorikk', '3');
	await rate('Designtenkning', '3');
	await rate('Didaktikk', '2');
	await page.getByLabel('Notat (valgfritt)').fill('Etter våren med workshoper.');
	await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
	await expect(page.getByTestId('assessments').getByRole('listitem')).toHaveCount(2);

	// The chart's text alternative: the numbers in a table.
	const chart = page.getByTestId('competence-chart');
	await expect(
		chart.getByRole('img', { name: /Første og siste egenvurdering for hver kompetanse/ })
	).toBeVisible();
	await expect(chart).toContainText('Første vurdering (15. januar 2026)');
	await expect(chart).toContainText('Siste vurdering (10. juni 2026)');
	await chart.getByText('Vis tallene som tabell').click();
	const table = page.getByRole('table', { name: 'Første og siste egenvurdering per kompetanse' });
	const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
	await expect(row('Fasilitering').getByRole('cell')).toHaveText(['2', '4', 'Opp 2']);
	await expect(row('Retorikk').getByRole('cell')).toHaveText(['4', '3', 'Ned 1']);
	await expect(row('Designtenkning').getByRole('cell')).toHaveText(['3', '3', 'Uendret']);
	await expect(row('Didaktikk').getByRole('cell')).toHaveText(['2', '2', 'Vurdert én gang']);
	await expect(row('Økonomi og budsjett').getByRole('cell')).toHaveText(['–', '–', 'Ikke vurdert']);
	await device.expectNoA11yViolations();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByRole('button', { name: 'Ny egenvurdering' }).click();
	await device.expectNoA11yViolations();
	const target = await page
		.getByRole('group', { name: 'Fasilitering' })
		.getByText('3', { exact: true })
		.locator('..')
		.boundingBox();
	expect(target!.height).toBeGreaterThanOrEqual(44);
	expect(target!.width).toBeGreaterThanOrEqual(44);

	// Offline reload keeps both; online, a second device sees the change.
	await page.reload();
	await expect(page.getByTestId('assessments').getByRole('listitem')).toHaveCount(2);
	await device.setOffline(false);
	await device.expectSavedOnServer();
	const laptop = await demo.device('deltaker');
	await laptop.page.goto('/competence');
	await expect(laptop.page.getByTestId('assessments').getByRole('listitem')).toHaveCount(2, {
		timeout: 20_000
	});
	await laptop.page.getByText('Vis tallene som tabell').click();
	await expect(laptop.page.getByRole('row', { name: /^Fasilitering/ }).getByRole('cell')).toHaveText([
		'2',
		'4',
		'Opp 2'
	]);
});
