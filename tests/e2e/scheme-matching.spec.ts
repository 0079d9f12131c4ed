/**
 * The mentor scheme from registration to a pair: a coordinator makes a scheme over the API, a
 * leader registers as mentee naming the mentor she wishes for (the form refuses what is missing,
 * keeps what she typed offline and across a reload), the mentor registers, the coordinator sees
 * the named wish first with its reasons and confirms; the pair exists on the server. The guides
 * start from the suggested text and the members read them.
 */
import { expect, test, type Demo, call, login } from './demo';

const SCHEME = 'Mentorordning for ledere 2026';

/** A new scheme with Kari (participant) and Sigrid (mentor) in it, over the documented API. */
async function createScheme(demo: Demo): Promise<{ id: string; token: string }> {
	const { token } = await login(demo, 'koordinator');
	const created = await call(
		`${demo.server.url}/api/programmes`,
		'POST',
		{ name: SCHEME, kind: 'mentor-scheme' },
		token
	);
	expect(created.status).toBe(201);
	const { id } = (await created.json()) as { id: string };
	for (const [role, memberRole] of [
		['deltaker', 'participant'],
		['mentor', 'mentor']
	]) {
		const added = await call(
			`${demo.server.url}/api/programmes/${id}/members`,
			'POST',
			{ email: `${role}@demo.lederlogg.no`, role: memberRole },
			token
		);
		expect(added.status).toBe(201);
	}
	return { id, token };
}

test('register on both sides, see the named wish first with its reasons, confirm the pair', async ({
	demo
}) => {
	test.setTimeout(180_000);
	const scheme = await createScheme(demo);

	// Kari opens the scheme from her programmes: its own pages, not modules and a calendar.
	const kari = await demo.device('deltaker', { install: true });
	await kari.page.getByRole('link', { name: 'Programmer' }).click();
	await kari.page.getByRole('link', { name: new RegExp(SCHEME) }).click();
	await expect(kari.page.getByRole('heading', { level: 1, name: SCHEME })).toBeVisible();
	const nav = kari.page.getByRole('navigation', { name: 'Programmet' });
	await expect(nav.getByRole('link')).toHaveText(['Oversikt', 'Veiledning']);
	await expect(kari.page.getByTestId('registration-period')).toHaveText('Påmeldingen er åpen.');
	await kari.expectNoA11yViolations();

	// An empty form is refused field by field, and focus goes to the first refused field.
	await kari.page.getByRole('button', { name: 'Meld deg på som adept' }).click();
	await kari.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(kari.page.getByLabel('Bibliotek', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(kari.page.getByLabel('Bibliotek', { exact: true })).toBeFocused();
	await expect(kari.page.getByLabel('Sektor')).toHaveAttribute('aria-invalid', 'true');
	await expect(kari.page.getByText('Velg en sektor.')).toBeVisible();
	await expect(kari.page.getByLabel('År som leder')).toHaveAttribute('aria-invalid', 'true');
	await expect(kari.page.getByText('Skriv et helt tall fra 0 til 60.')).toBeVisible();
	await expect(kari.page.getByText('Fyll ut feltet.')).toHaveCount(2);
	await kari.expectNoA11yViolations();

	// She fills it in on the ferry: sending needs a connection, and the form says so and keeps it.
	await kari.page.getByLabel('Bibliotek', { exact: true }).fill('Loppa bibliotek');
	await kari.page.getByLabel('Sektor').selectOption({ label: 'Skolebibliotek' });
	await kari.page.getByLabel('År som leder').fill('2');
	await kari.page.getByLabel('Hva vil du jobbe med?').fill('Budsjett og samarbeid med skolen og kommunen');
	await kari.page.getByLabel('Ønsket mentor (valgfritt)').fill('sigrid');
	await expect(kari.page.getByLabel('Bibliotek', { exact: true })).toHaveAttribute('aria-invalid', 'false');
	await kari.setOffline(true);
	await expect(kari.page.getByTestId('registration-offline')).toBeVisible();
	await kari.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(kari.page.getByTestId('registration-problem')).toContainText('uten nett');
	await kari.page.reload();
	await expect(kari.page.getByLabel('Bibliotek', { exact: true })).toHaveValue('Loppa bibliotek');
	await expect(kari.page.getByLabel('Ønsket mentor (valgfritt)')).toHaveValue('sigrid');
	await expect(kari.page.getByTestId('registration-draft')).toBeVisible();
	await kari.setOffline(false);
	await kari.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(kari.page.getByText('Du er påmeldt som adept')).toBeVisible();
	await expect(kari.page.getByText('Loppa bibliotek')).toBeVisible();

	// Sigrid registers as mentor.
	const sigrid = await demo.device('mentor');
	await sigrid.page.goto(`/programmes/${scheme.id}`);
	await sigrid.page.getByRole('button', { name: 'Meld deg på som mentor' }).click();
	await sigrid.page.getByLabel('Bibliotek', { exact: true }).fill('Tromsø bibliotek');
	await sigrid.page.getByRole('checkbox', { name: 'Folkebibliotek' }).check();
	await sigrid.page.getByRole('checkbox', { name: 'Skolebibliotek' }).check();
	await sigrid.page.getByLabel('År som leder').fill('14');
	await sigrid.page.getByLabel('Din ledererfaring').fill('Budsjett og samarbeid med kommunen i mange år.');
	await sigrid.page.getByLabel('Hvor mange adepter kan du ta denne runden?').selectOption('2');
	await sigrid.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(sigrid.page.getByText('Du er påmeldt som mentor')).toBeVisible();
	await sigrid.expectNoA11yViolations();

	// The coordinator matches: Kari's wish first, with the reasons in words; she confirms in one step.
	const coordinator = await demo.device('koordinator');
	await coordinator.page.goto(`/programmes/${scheme.id}`);
	const coordinatorNav = coordinator.page.getByRole('navigation', { name: 'Programmet' });
	await expect(coordinatorNav.getByRole('link')).toHaveText([
		'Oversikt',
		'Veiledning',
		'Kobling',
		'Medlemmer'
	]);
	// She sets when registration closes.
	await coordinator.page.getByRole('button', { name: 'Endre påmeldingsperioden' }).click();
	await coordinator.page.getByLabel('Stenger (siste dag)').fill('2099-12-31');
	await coordinator.expectNoA11yViolations();
	await coordinator.page.getByRole('button', { name: 'Lagre perioden' }).click();
	await expect(coordinator.page.getByTestId('registration-period')).toHaveText(
		'Påmeldingen er åpen til og med 31. desember 2099.'
	);
	await coordinatorNav.getByRole('link', { name: 'Kobling' }).click();
	const mentee = coordinator.page.getByTestId('unmatched-mentee').filter({ hasText: 'Kari Nordmann' });
	const first = mentee.getByTestId('candidate').first();
	await expect(first).toContainText('Sigrid Berg');
	await expect(first).toContainText('Foreslått');
	await expect(first.getByTestId('match-reasons').getByRole('listitem')).toHaveText([
		'+ Ønsket av adepten',
		'+ Kjenner skolebibliotek',
		'+ 12 år mer ledererfaring',
		'+ Felles tema: budsjett, samarbeid, kommunen'
	]);
	await expect(coordinator.page.getByTestId('mentor-load')).toContainText('0 av 2 adepter · 2 plasser igjen');
	await expect(coordinator.page.getByTestId('mentee-registration')).toContainText('Loppa bibliotek');
	await coordinator.expectNoA11yViolations();
	await first.getByRole('button', { name: 'Koble Kari Nordmann med Sigrid Berg' }).click();
	await expect(coordinator.page.getByText('Alle påmeldte adepter har mentor.')).toBeVisible();
	const pairCard = coordinator.page.getByTestId('scheme-pair');
	await expect(pairCard).toContainText('Sigrid Berg (mentor) og Kari Nordmann (adept)');
	await expect(pairCard.getByTestId('pair-meetings')).toHaveText('Ingen møter meldt ennå');
	await expect(coordinator.page.getByTestId('mentor-load')).toContainText('1 av 2 adepter · 1 plass igjen');
	await coordinator.expectNoA11yViolations();

	// The pair exists on the server.
	const pairs = await call(
		`${demo.server.url}/api/programmes/${scheme.id}/pairs`,
		'GET',
		undefined,
		scheme.token
	);
	expect(pairs.status).toBe(200);
	const { pairs: list } = (await pairs.json()) as {
		pairs: { id: string; mentor: { name: string }; mentee: { name: string }; endedAt: string | null }[];
	};
	expect(list.map((p) => [p.mentor.name, p.mentee.name, p.endedAt])).toEqual([
		['Sigrid Berg', 'Kari Nordmann', null]
	]);

	// Kari sees her pair on the scheme's home.
	await kari.page.reload();
	await expect(kari.page.getByTestId('my-pair')).toHaveText('Mentor: Sigrid Berg');
	await expect(kari.page.getByTestId('my-pair').getByRole('link')).toHaveAttribute(
		'href',
		`/pairs/${list[0].id}`
	);

	// Ending the pair takes a confirmation; the server then has it ended.
	await pairCard.getByRole('button', { name: 'Avslutt paret Sigrid Berg og Kari Nordmann' }).click();
	await expect(pairCard.getByRole('alert')).toContainText(
		'Vil du avslutte paret Sigrid Berg og Kari Nordmann?'
	);
	await coordinator.expectNoA11yViolations();
	await pairCard.getByRole('button', { name: 'Ja, avslutt paret' }).click();
	await expect(coordinator.page.getByTestId('scheme-pair')).toHaveCount(0);
	await expect(coordinator.page.getByText('Avsluttede par (1)')).toBeVisible();
	const after = await call(
		`${demo.server.url}/api/programmes/${scheme.id}/pairs`,
		'GET',
		undefined,
		scheme.token
	);
	const ended = ((await after.json()) as { pairs: { endedAt: string | null }[] }).pairs;
	expect(ended).toHaveLength(1);
	expect(ended[0].endedAt).not.toBeNull();
});

test('guides: the coordinator starts from the suggestion, members read it (offline too)', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const scheme = await createScheme(demo);
	const coordinator = await demo.device('koordinator');
	await coordinator.page.goto(`/programmes/${scheme.id}`);
	await coordinator.page
		.getByRole('navigation', { name: 'Programmet' })
		.getByRole('link', { name: 'Veiledning' })
		.click();
	await expect(coordinator.page.getByTestId('guide-empty')).toHaveCount(4);
	await coordinator.expectNoA11yViolations();
	await coordinator.page.getByRole('link', { name: 'Forslag til samtaleemner' }).click();
	await coordinator.page.getByRole('button', { name: 'Bruk forslag' }).click();
	const editor = coordinator.page.locator('.rich-text-content');
	await expect(editor).toContainText('Samarbeid med skole og kommune');
	await expect(coordinator.page.getByRole('button', { name: 'Bruk forslag' })).toHaveCount(0);
	await coordinator.expectSavedOnServer();
	await coordinator.expectNoA11yViolations();

	const kari = await demo.device('deltaker', { install: true });
	await kari.page.goto(`/programmes/${scheme.id}/guides`);
	await expect(kari.page.getByTestId('guide-empty')).toHaveCount(3);
	await kari.setOffline(true);
	await kari.page.getByRole('link', { name: 'Forslag til samtaleemner' }).click();
	await expect(kari.page.locator('.rich-text-content')).toContainText('Stedsutvikling og bibliotekets rolle');
	await expect(kari.page.locator('.rich-text-content')).toHaveAttribute('aria-readonly', 'true');
	await expect(kari.page.getByRole('button', { name: 'Bruk forslag' })).toHaveCount(0);
	await kari.expectNoA11yViolations();
});
