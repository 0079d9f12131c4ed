/**
 * The mentor scheme as a newcomer walks it with `npm run demo`: the seeded scheme
 * "Mentorordningen 2026–2027" (four leaders and Per registered already, the four guides written),
 * Kari registers as adept wishing for Sigrid, Sigrid registers as mentor, Ingrid matches among
 * everyone registered, both are told, sign the agreement, and Kari builds a meeting's agenda from
 * the seeded guides. The parts in depth: scheme-matching, pair-space and pair-meetings specs.
 */
import { DEMO_SCHEME_NAME } from '../../scripts/demo/scheme.ts';
import { defaultGuide } from '../../src/lib/domain/mentor-guide-defaults.ts';
import { guideSuggestions } from '../../src/lib/domain/mentor-guides.ts';
import { expect, test } from './demo';

test('the demo scheme: register both sides, match among the registered, sign, plan from the guides', async ({
	demo
}) => {
	test.setTimeout(240_000);

	// Kari finds the scheme among her programmes and registers as adept, naming Sigrid.
	const kari = await demo.device('deltaker');
	await kari.page.getByRole('link', { name: 'Programmer' }).click();
	await kari.page.getByRole('link', { name: new RegExp(DEMO_SCHEME_NAME) }).click();
	await expect(kari.page.getByRole('heading', { level: 1, name: DEMO_SCHEME_NAME })).toBeVisible();
	await expect(kari.page.getByTestId('registration-period')).toContainText('Påmeldingen er åpen til og med');
	await kari.page.getByRole('button', { name: 'Meld deg på som adept' }).click();
	await kari.page.getByLabel('Bibliotek', { exact: true }).fill('Loppa folkebibliotek');
	await kari.page.getByLabel('Sektor').selectOption({ label: 'Folkebibliotek' });
	await kari.page.getByLabel('År som leder').fill('1');
	await kari.page.getByLabel('Hva vil du jobbe med?').fill('Budsjett og stedsutvikling i en liten kommune');
	await kari.page.getByLabel('Ønsket mentor (valgfritt)').fill('Sigrid Berg');
	await kari.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(kari.page.getByText('Du er påmeldt som adept')).toBeVisible();
	await kari.expectNoA11yViolations();

	// Sigrid registers as mentor.
	const sigrid = await demo.device('mentor');
	await sigrid.page.goto(`/programmes/${demo.schemeId}`);
	await sigrid.page.getByRole('button', { name: 'Meld deg på som mentor' }).click();
	await sigrid.page.getByLabel('Bibliotek', { exact: true }).fill('Bodø bibliotek');
	await sigrid.page.getByRole('checkbox', { name: 'Folkebibliotek' }).check();
	await sigrid.page.getByLabel('År som leder').fill('20');
	await sigrid.page.getByLabel('Din ledererfaring').fill('Biblioteksjef i tjue år: budsjett, omstilling.');
	await sigrid.page.getByLabel('Hvor mange adepter kan du ta denne runden?').selectOption('1');
	await sigrid.page.getByRole('button', { name: 'Send påmeldingen' }).click();
	await expect(sigrid.page.getByText('Du er påmeldt som mentor')).toBeVisible();

	// Ingrid matches: each named wish comes first, with its reason, among everyone registered.
	const ingrid = await demo.device('koordinator');
	await ingrid.page.goto(`/programmes/${demo.schemeId}`);
	await ingrid.page
		.getByRole('navigation', { name: 'Programmet' })
		.getByRole('link', { name: 'Kobling' })
		.click();
	const candidateFor = (name: string) =>
		ingrid.page.getByTestId('unmatched-mentee').filter({ hasText: name }).getByTestId('candidate').first();
	await expect(candidateFor('Aslak Eira')).toContainText('Hanne Lie');
	await expect(candidateFor('Aslak Eira')).toContainText('Ønsket av adepten');
	await expect(candidateFor('Ola Nilsen')).toContainText('Kjenner skolebibliotek');
	const forKari = candidateFor('Kari Nordmann');
	await expect(forKari).toContainText('Sigrid Berg');
	await expect(forKari).toContainText('Ønsket av adepten');
	await ingrid.expectNoA11yViolations();
	await forKari.getByRole('button', { name: 'Koble Kari Nordmann med Sigrid Berg' }).click();
	await expect(ingrid.page.getByTestId('scheme-pair')).toContainText(
		'Sigrid Berg (mentor) og Kari Nordmann (adept)'
	);

	// Both are told in the app, and open the pair.
	for (const [device, text] of [
		[kari, 'Du er koblet med Sigrid Berg som mentor'],
		[sigrid, 'Du er koblet med Kari Nordmann som adept']
	] as const) {
		await device.page.goto('/');
		await expect(device.page.getByTestId('pair-announcement')).toContainText(text);
	}
	await kari.page.getByRole('link', { name: 'Åpne paret med Sigrid Berg' }).click();
	await sigrid.page.getByRole('link', { name: 'Åpne paret med Kari Nordmann' }).click();

	// The agreement from the suggestions, signed by both.
	await kari.page.getByRole('button', { name: 'Bruk forslag' }).click();
	await kari.page.getByRole('button', { name: 'Signer avtalen' }).click();
	await sigrid.page.getByRole('button', { name: 'Signer avtalen' }).click();
	for (const device of [kari, sigrid])
		await expect(device.page.getByTestId('signature-summary')).toHaveText('Begge har signert');
	await kari.expectNoA11yViolations();

	// Kari plans their first meeting and builds its agenda from the demo's guides.
	await kari.page
		.getByRole('navigation', { name: 'Mentorparet' })
		.getByRole('link', { name: 'Møter' })
		.click();
	const form = kari.page.getByTestId('meeting-form');
	await form.getByLabel('Dato for første møte').fill('2099-01-12');
	await form.getByLabel('Klokkeslett').fill('18:00');
	await form.getByLabel('Antall møter').fill('1');
	await form.getByRole('button', { name: 'Legg møtene i planen' }).click();
	await kari.page.getByTestId('pair-meeting').first().getByRole('heading').getByRole('link').click();
	await kari.page.getByText('Velg fra samtaleemner og spørsmål').click();
	const picker = kari.page.getByTestId('agenda-picker');
	await expect(picker.getByRole('group', { name: 'Samtaleemner' })).toBeVisible();
	// The seeded topics guide's first suggestion, as the scheme's guide offers it.
	const [topic] = guideSuggestions('topics', defaultGuide('topics'));
	await picker.getByRole('checkbox', { name: topic.text }).check();
	await picker.getByRole('button', { name: 'Legg valgte på sakslisten' }).click();
	await expect(kari.page.getByTestId('meeting-agenda').getByRole('listitem')).toHaveText([
		new RegExp(`${topic.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(fra Samtaleemner\\)`)
	]);
	await kari.expectNoA11yViolations();

	// On a phone, with "Mentor" in the menu now: the scheme's and the pair's pages need no sideways
	// scrolling, and axe finds nothing there either.
	const meeting = new URL(kari.page.url()).pathname;
	const pair = meeting.replace(/\/meetings\/.*$/, '');
	await kari.page.setViewportSize({ width: 360, height: 780 });
	for (const path of [
		meeting,
		`${pair}/meetings`,
		pair,
		`${pair}/evaluation`,
		'/pairs',
		`/programmes/${demo.schemeId}`
	]) {
		await kari.page.goto(path);
		await expect(kari.page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await kari.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
			360
		);
		await kari.expectNoA11yViolations();
	}
});
