import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { DEMO_PROGRAMME, expect, openProgramme, test } from './demo';

test('a participant reads the programme (next event, deadlines, modules), also offline after one visit', async ({
	demo
}) => {
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await page.getByRole('link', { name: 'Programmer' }).click();
	// Kari is also in the demo's mentor scheme: her role is shown on each programme.
	await expect(page.getByRole('link', { name: DEMO_PROGRAMME }).getByText('Du er deltaker')).toBeVisible();
	await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
	await expect(page.getByRole('heading', { name: DEMO_PROGRAMME })).toBeVisible();
	await expect(page.getByText('Programmet redigeres av koordinatorene.', { exact: false })).toBeVisible();
	await expect(page.getByTestId('next-event')).toHaveText('Kollokvium i Nord-Troms');
	await expect(page.getByText(/^Starter om [45] døgn og \d+ timer$/)).toBeVisible();
	await expect(page.getByTestId('due-item').first()).toContainText('Blogginnlegg');
	await expect(page.getByTestId('due-item').first()).toContainText('ca. 2 000 tegn');
	await expect(page.getByTestId('module-item')).toHaveCount(4);
	await expect(
		page.getByText('40 studiepoeng · 700 sider pensum og 200 sider egenvalgt pensum')
	).toBeVisible();
	await device.expectNoA11yViolations();

	// The whole programme, and the next event alone, as .ics files with the right instants.
	const ics = async (button: string) => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: button }).click()
		]);
		return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
	};
	const whole = await ics('Hele programmet til kalenderen (.ics)');
	expect(whole.name).toMatch(/^lederutviklingsprogram-for-bibliotekledere-2026-2028\.ics$/);
	const events = new ICAL.Component(ICAL.parse(whole.text))
		.getAllSubcomponents('vevent')
		.map((c) => new ICAL.Event(c));
	expect(events).toHaveLength(7);
	const colloquium = events.find((e) => e.summary === 'Kollokvium i Nord-Troms')!;
	const oslo = new Intl.DateTimeFormat('nb-NO', {
		timeZone: 'Europe/Oslo',
		hour: '2-digit',
		minute: '2-digit'
	});
	expect(oslo.format(colloquium.startDate.toJSDate())).toBe('12:00');
	expect(oslo.format(colloquium.endDate.toJSDate())).toBe('15:00');
	const single = await ics('Legg i kalenderen (.ics)');
	expect(single.name).toBe('kollokvium-i-nord-troms.ics');
	expect(single.text).toContain(`UID:${colloquium.uid}`);
	expect(single.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);

	// Offline, the programme is read from the device.
	await device.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('next-event')).toHaveText('Kollokvium i Nord-Troms');
	await expect(page.getByTestId('module-item')).toHaveCount(4);

	// Signing out removes the programme from the device too.
	await device.setOffline(false);
	const stored = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
	expect((await stored()).some((name) => name.startsWith('lederlogg-programme:'))).toBe(true);
	await page.getByRole('link', { name: 'Innstillinger' }).click();
	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();
	expect((await stored()).some((name) => name.startsWith('lederlogg-programme:'))).toBe(false);
});

test('a coordinator invites a coach from the app; the invitation shows its status once used', async ({
	demo
}) => {
	const coordinator = await demo.device('koordinator');
	const page = coordinator.page;
	await openProgramme(page);
	await expect(page.getByText('Programmet redigeres av koordinatorene.', { exact: false })).toBeHidden();
	await expect(page.getByTestId('module-item')).toHaveCount(4); // the document came over the socket
	await page.getByRole('link', { name: 'Deltakere og invitasjoner' }).click();
	await expect(page.getByTestId('member')).toHaveCount(4);

	await page.getByRole('button', { name: 'Lag invitasjon' }).click();
	await expect(page.getByText('Fyll inn navn og en gyldig e-postadresse.')).toBeVisible();
	const invite = page.getByRole('region', { name: 'Inviter noen' });
	await invite.getByLabel('Navn').fill('Anne Veileder');
	await invite.getByLabel('E-post').fill('anne@veiledning.no');
	await invite.getByLabel('Rolle').selectOption('coach');
	await page.getByRole('button', { name: 'Lag invitasjon' }).click();
	const created = page.getByTestId('invite-created');
	await expect(created).toContainText('Invitasjonen er klar. Send lenken eller koden til Anne Veileder:');
	const code = (await created.locator('strong.code').textContent())!.trim();
	await expect(page.getByTestId('invite')).toContainText(['venter']);
	await coordinator.expectNoA11yViolations();

	const coach = await demo.newDevice();
	await coach.page.goto(`/join/${code}`);
	await expect(coach.page.getByText('Du er invitert som veileder.', { exact: false })).toBeVisible();
	await coach.page.getByLabel('Passord', { exact: true }).fill('veiledning-i-nord');
	await coach.page.getByRole('button', { name: 'Bli med' }).click();
	await expect(coach.page.getByRole('heading', { name: 'Notater' })).toBeVisible();

	// The new coach's app fetched the programme onto the device at once (before opening it).
	await expect
		.poll(() => coach.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
		.toContain(`lederlogg-programme:${page.url().split('/')[4]}`);
	await coach.context.close();

	await page.reload();
	await expect(page.getByTestId('member')).toHaveCount(5);
	await expect(page.getByTestId('invite')).toContainText(['brukt']);
	// The coordinator's app keeps the programme in sync while it runs; the coach synced and
	// left; the demo participant has never opened the app.
	const syncOf = (name: string) =>
		page.getByTestId('member').filter({ hasText: name }).getByTestId('member-sync');
	// (The list is read when the page opens, and the reload closed and reopened every socket:
	// open the page again within the app.)
	await page.getByRole('link', { name: 'Oversikt' }).click();
	await page.getByRole('link', { name: 'Deltakere og invitasjoner' }).click();
	await expect(syncOf('Ingrid Haugen')).toHaveText('Tilkoblet nå');
	await expect(syncOf('Anne Veileder')).toHaveText(/Sist synkronisert \S/);
	await expect(syncOf('Anne Veileder').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
	await expect(syncOf('Kari Nordmann')).toHaveText('Har ikke synkronisert ennå');
});

test('a coordinator adds an existing account directly and removes a member, who loses the programme at once', async ({
	demo
}) => {
	demo.server.addAccount('oddvar@bibliotek.no', 'oddvar-sitt-passord', 'Oddvar Lund');
	const coordinator = await demo.device('koordinator');
	const page = coordinator.page;
	await openProgramme(page);
	await page.getByRole('link', { name: 'Deltakere og invitasjoner' }).click();
	await expect(page.getByTestId('member')).toHaveCount(4);

	const add = page.getByRole('region', { name: 'Legg til en som allerede har konto' });
	await add.getByLabel('E-post').fill('ingen@bibliotek.no');
	await add.getByRole('button', { name: 'Legg til' }).click();
	await expect(add.getByText('Ingen konto har denne e-postadressen.', { exact: false })).toBeVisible();
	await add.getByLabel('E-post').fill('oddvar@bibliotek.no');
	await add.getByRole('button', { name: 'Legg til' }).click();
	await expect(page.getByTestId('member')).toHaveCount(5);
	await coordinator.expectNoA11yViolations();

	const oddvar = await demo.newDevice();
	await oddvar.signIn({
		email: 'oddvar@bibliotek.no',
		password: 'oddvar-sitt-passord',
		name: 'Oddvar Lund'
	});
	await openProgramme(oddvar.page);
	await expect(oddvar.page.getByTestId('module-item')).toHaveCount(4);

	await page.getByRole('button', { name: 'Fjern Oddvar Lund' }).click();
	await page.getByRole('button', { name: 'Bekreft: fjern Oddvar Lund fra programmet' }).click();
	await expect(page.getByTestId('member')).toHaveCount(4);
	// The server closed Oddvar's sockets to the programme: his page says so without a reload.
	await expect(oddvar.page.getByText('Du er ikke lenger med i dette programmet.')).toBeVisible();
});
