import type { Page } from '@playwright/test';
import { expect, test } from './demo';

const PHONE = { width: 390, height: 844 };
const TITLE = 'Trepartssamtale høsten 2026';

/** The signed-in session this page keeps on the device (the app's Dexie database). */
function sessionOf(page: Page): Promise<{ token: string; user: { id: string } }> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('lederlogg');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('session').objectStore('session').get('current');
					get.onsuccess = () => resolve(get.result.value);
					get.onerror = () => reject(get.error);
				};
			})
	);
}

/**
 * Opens a sync socket to each room from the page, as the app would, and answers how the server
 * treated it: the close code of a refusal, or 'open' when the server started syncing.
 */
function tryRooms(page: Page, token: string, rooms: string[]): Promise<Record<string, number | 'open'>> {
	return page.evaluate(
		async ({ token, rooms }) => {
			const attempt = (room: string) =>
				new Promise<number | 'open'>((resolve) => {
					const ws = new WebSocket(`ws://${location.host}/sync/${room}?token=${encodeURIComponent(token)}`);
					ws.binaryType = 'arraybuffer';
					ws.onmessage = () => {
						resolve('open');
						ws.close();
					};
					ws.onclose = (event) => resolve(event.code);
				});
			const codes = await Promise.all(rooms.map(attempt));
			return Object.fromEntries(rooms.map((room, i) => [room, codes[i]]));
		},
		{ token, rooms }
	);
}

const osloToday = () =>
	new Intl.DateTimeFormat('nb-NO', { dateStyle: 'full', timeZone: 'Europe/Oslo' }).format(Date.now());

test('a three-party conversation: prepared offline, shared with the coach and a guest manager, signed by all three', async ({
	demo
}) => {
	test.setTimeout(300_000);

	// The participant, on a phone, prepares the conversation with no connection.
	const phone = await demo.device('deltaker', { install: true });
	const page = phone.page;
	await page.setViewportSize(PHONE);
	await page.goto('/development');
	await page.getByRole('link', { name: /Trepartssamtaler/ }).click();
	await expect(page.getByRole('heading', { name: 'Trepartssamtaler', level: 1 })).toBeVisible();
	await expect(page.getByText('Du har ingen trepartssamtaler ennå.')).toBeVisible();
	await phone.setOffline(true);

	await page.getByRole('button', { name: 'Ny trepartssamtale' }).click();
	await expect(page.getByLabel('Tittel')).toBeFocused();
	await page.getByLabel('Tittel').fill('');
	await page.getByRole('button', { name: 'Opprett samtalen' }).click();
	await expect(page.getByText('Skriv en tittel (høyst 300 tegn).')).toBeVisible();
	await expect(page.getByLabel('Tittel')).toBeFocused();
	await page.getByLabel('Tittel').fill(TITLE);
	await page.getByLabel('Tidspunkt for møtet (valgfritt)').fill('2026-09-03T13:00');
	await expect(page.getByLabel('Program')).toHaveValue(demo.programmeId);
	await phone.expectNoA11yViolations();
	await page.getByRole('button', { name: 'Opprett samtalen' }).click();

	await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
	const [ownerId, conversationId] = new URL(page.url()).pathname.split('/').slice(2);
	await expect(page.getByText('torsdag 3. september 2026')).toBeVisible();
	await expect(page.getByTestId('my-part')).toHaveText('Din rolle: Deltaker');

	// The agenda: two points, the second moved up.
	await page.getByLabel('Nytt punkt').fill('Status for endringsoppgaven');
	await page.getByRole('button', { name: 'Legg til punkt' }).click();
	await expect(page.getByLabel('Nytt punkt')).toHaveValue('');
	await page.getByLabel('Nytt punkt').fill('Hva trenger jeg fra lederen min?');
	await page.getByRole('button', { name: 'Legg til punkt' }).click();
	await page.getByRole('button', { name: 'Flytt «Hva trenger jeg fra lederen min?» opp' }).click();
	await expect(
		page.getByRole('button', { name: 'Flytt «Hva trenger jeg fra lederen min?» ned' })
	).toBeFocused();
	const agenda = page.getByTestId('agenda').getByRole('textbox');
	await expect(agenda).toHaveCount(2);
	await expect(agenda.nth(0)).toHaveValue('Hva trenger jeg fra lederen min?');
	await expect(agenda.nth(1)).toHaveValue('Status for endringsoppgaven');

	// My part; the others' parts are not mine to write; sharing says it needs a connection.
	await page.getByLabel('Din del (Deltaker)').fill('Jeg vil lede endringen av åpningstidene.');
	await expect(page.getByTestId('section-coach').getByRole('textbox')).toHaveCount(0);
	await expect(page.getByTestId('section-coach')).toContainText('Veileder: ikke valgt ennå');
	await expect(page.getByTestId('share')).toContainText('Å dele krever nett.');
	await expect(phone.syncStatus()).toContainText('venter – uten nett');

	// Still there after a reload without a connection; no accessibility violations on a phone.
	await page.reload();
	await expect(page.getByLabel('Din del (Deltaker)')).toHaveValue('Jeg vil lede endringen av åpningstidene.');
	await expect(agenda.nth(0)).toHaveValue('Hva trenger jeg fra lederen min?');
	await phone.expectNoA11yViolations();
	await page.getByRole('link', { name: 'Til trepartssamtalene' }).click();
	await expect(
		page.getByTestId('my-conversations').getByRole('link', { name: new RegExp(TITLE) })
	).toBeVisible();
	await phone.expectNoA11yViolations();
	await page
		.getByTestId('my-conversations')
		.getByRole('link', { name: new RegExp(TITLE) })
		.click();

	// Online: share with the coach, invite the manager.
	await phone.setOffline(false);
	const share = page.getByTestId('share');
	await expect(share).not.toContainText('Å dele krever nett.');
	await expect(page.getByLabel('Velg veileder')).toContainText('Per Hansen');
	await page.getByRole('button', { name: 'Del med veilederen' }).click();
	await expect(share.getByTestId('coach-shared')).toHaveText('Delt med Per Hansen.');
	await page.getByLabel('Lederens navn').fill('Lars Leder');
	await page.getByLabel('Lederens e-post').fill('Lars.Leder@kommune.no');
	await page.getByRole('button', { name: 'Inviter lederen' }).click();
	await expect(share.getByTestId('manager-invite')).toContainText('Invitasjonen til Lars Leder venter.');
	const inviteUrl = (await share.getByTestId('invite-link').textContent())!.trim();
	expect(inviteUrl).toMatch(new RegExp(`^${demo.server.url}/guest/[A-Z0-9]{10}$`));
	await expect(page.getByTestId('section-manager')).toContainText('Nærmeste leder: Lars Leder');
	await phone.expectNoA11yViolations();
	await phone.expectSavedOnServer();

	// A second conversation the participant keeps to themself (the guest must not reach it).
	await page.goto('/conversations');
	await page.getByRole('button', { name: 'Ny trepartssamtale' }).click();
	await page.getByLabel('Tittel').fill('Privat forberedelse');
	await page.getByRole('button', { name: 'Opprett samtalen' }).click();
	await expect(page.getByRole('heading', { name: 'Privat forberedelse', level: 1 })).toBeVisible();
	const privateId = new URL(page.url()).pathname.split('/')[3];
	await page.getByLabel('Din del (Deltaker)').fill('Bare mine egne tanker.');
	await phone.expectSavedOnServer();
	await page.goto(`/conversations/${ownerId}/${conversationId}`);

	// The coach, on a laptop, finds it shared with them and writes the coach's part.
	const coach = await demo.device('veileder');
	const coachPage = coach.page;
	await coachPage.goto('/conversations');
	const sharedLink = coachPage
		.getByTestId('shared-conversations')
		.getByRole('link', { name: new RegExp(TITLE) });
	await expect(sharedLink).toContainText('Fra Kari Nordmann', { timeout: 20_000 });
	await sharedLink.click();
	await expect(coachPage.getByTestId('my-part')).toHaveText('Din rolle: Veileder');
	await expect(coachPage.getByTestId('section-participant')).toContainText(
		'Jeg vil lede endringen av åpningstidene.'
	);
	await expect(coachPage.getByTestId('agenda').getByRole('listitem')).toHaveText([
		'Hva trenger jeg fra lederen min?',
		'Status for endringsoppgaven'
	]);
	await expect(coachPage.getByLabel('Nytt punkt')).toHaveCount(0);
	await expect(coachPage.getByTestId('share')).toHaveCount(0);
	await coachPage.getByLabel('Din del (Veileder)').fill('Kari har kommet langt med å involvere personalet.');
	await expect(page.getByTestId('section-coach')).toContainText('Kari har kommet langt', { timeout: 20_000 });

	// The manager opens the link on their own phone, with no account, and becomes a guest.
	const manager = await demo.newDevice();
	const managerPage = manager.page;
	await managerPage.setViewportSize(PHONE);
	await manager.install(new URL(inviteUrl).pathname);
	await expect(
		managerPage.getByRole('heading', { name: 'Kari Nordmann inviterer deg til en trepartssamtale' })
	).toBeVisible();
	await expect(managerPage.getByLabel('Navn')).toHaveValue('Lars Leder');
	await managerPage.getByLabel('Passord').fill('leder-passord-123');
	await managerPage.getByRole('button', { name: 'Åpne samtalen' }).click();
	await expect(managerPage).toHaveURL(new RegExp(`/conversations/${ownerId}/${conversationId}$`));
	await expect(managerPage.getByTestId('my-part')).toHaveText('Din rolle: Nærmeste leder', {
		timeout: 20_000
	});
	await expect(managerPage.getByTestId('section-coach')).toContainText('Kari har kommet langt');
	await managerPage.getByLabel('Din del (Nærmeste leder)').fill('Vi gir Kari tid til prosjektet i høst.');
	await managerPage.getByLabel('Avtale').fill('Kari leder en workshop for personalet');
	await managerPage.getByLabel('Hvem følger opp').selectOption({ label: 'Deltaker (Kari Nordmann)' });
	await managerPage.getByLabel('Frist (valgfritt)').fill('2027-01-15');
	await managerPage.getByRole('button', { name: 'Legg til avtalen' }).click();
	await expect(managerPage.getByTestId('outcomes')).toContainText(
		'Følges opp av: Deltaker (Kari Nordmann) · Frist 15. januar 2027'
	);
	await manager.expectNoA11yViolations();
	await expect(page.getByTestId('section-manager')).toContainText('Vi gir Kari tid', { timeout: 20_000 });
	await expect(page.getByTestId('outcomes')).toContainText('Kari leder en workshop for personalet');

	// The coach signs; the manager then adds to their part, so the coach's signature is out of date.
	await expect(coachPage.getByTestId('outcomes')).toContainText('Kari leder en workshop', {
		timeout: 20_000
	});
	await coachPage.getByRole('button', { name: 'Signer min del' }).click();
	await expect(coachPage.getByTestId('signature-coach')).toContainText(
		`Signert av Per Hansen ${osloToday()}`
	);
	await expect(managerPage.getByTestId('signature-coach')).toContainText('Signert av Per Hansen', {
		timeout: 20_000
	});
	await managerPage.getByLabel('Din del (Nærmeste leder)').press('End');
	await managerPage.getByLabel('Din del (Nærmeste leder)').pressSequentially(' Vi følger opp i januar.');
	await expect(managerPage.getByTestId('signature-coach')).toContainText(
		'Endret etter at Per Hansen signerte'
	);
	await expect(coachPage.getByTestId('signature-coach')).toContainText(
		'Endret etter at Per Hansen signerte',
		{
			timeout: 20_000
		}
	);
	await expect(coachPage.getByTestId('section-manager')).toContainText('Vi følger opp i januar.');
	await coachPage.getByRole('button', { name: 'Signer på nytt' }).click();
	await expect(coachPage.getByTestId('signature-coach')).toContainText('Signert av Per Hansen');

	// The manager and the participant sign what they see, once it is all there.
	await expect(managerPage.getByTestId('signature-coach')).toContainText('Signert av Per Hansen', {
		timeout: 20_000
	});
	await managerPage.getByRole('button', { name: 'Signer min del' }).click();
	await expect(page.getByTestId('section-manager')).toContainText('Vi følger opp i januar.', {
		timeout: 20_000
	});
	await expect(page.getByTestId('signature-manager')).toContainText('Signert av Lars Leder', {
		timeout: 20_000
	});
	await page.getByRole('button', { name: 'Signer min del' }).click();
	for (const p of [page, coachPage, managerPage]) {
		await expect(p.getByTestId('signature-summary')).toHaveText('Alle tre har signert.', { timeout: 20_000 });
	}
	await expect(page.getByTestId('signature-participant')).toContainText(
		`Signert av Kari Nordmann ${osloToday()}`
	);
	await phone.expectSavedOnServer();
	await phone.expectNoA11yViolations();
	await page.reload();
	await expect(page.getByTestId('manager-joined')).toHaveText(
		'Lars Leder har takket ja og er med i samtalen.'
	);

	// The participant's second device has the conversation, in the list and with all three signatures.
	const laptop = await demo.device('deltaker');
	await laptop.page.goto('/conversations');
	const mine = laptop.page.getByTestId('my-conversations').getByRole('link', { name: new RegExp(TITLE) });
	await expect(mine).toContainText('Signert av 3 av 3', { timeout: 20_000 });
	await mine.click();
	await expect(laptop.page.getByTestId('signature-summary')).toHaveText('Alle tre har signert.');
	for (const [role, name] of [
		['participant', 'Kari Nordmann'],
		['coach', 'Per Hansen'],
		['manager', 'Lars Leder']
	])
		await expect(laptop.page.getByTestId(`signature-${role}`)).toContainText(`Signert av ${name}`);
	await expect(laptop.page.getByTestId('section-manager')).toContainText('Vi følger opp i januar.');

	// The guest sees this conversation and nothing else: only it in the menu and the list…
	await managerPage.goto('/conversations');
	await expect(managerPage.getByRole('navigation').getByRole('link')).toHaveText([
		'Samtaler',
		'Innstillinger'
	]);
	await expect(managerPage.getByTestId('shared-conversations').getByRole('link')).toHaveCount(1);
	await expect(managerPage.getByRole('heading', { name: 'Mine samtaler' })).toHaveCount(0);
	await expect(managerPage.getByRole('button', { name: 'Ny trepartssamtale' })).toHaveCount(0);
	await manager.expectNoA11yViolations();
	await managerPage.goto(`/conversations/${ownerId}/${privateId}`);
	await expect(managerPage.getByTestId('conversation-removed')).toBeVisible({ timeout: 20_000 });
	await expect(managerPage.getByText('Bare mine egne tanker.')).toHaveCount(0);
	await managerPage.goto('/');
	await expect(managerPage).toHaveURL(/\/conversations$/);

	// …and the server refuses its sockets to every other room, opening only the shared one.
	const guest = await sessionOf(managerPage);
	const rooms = {
		shared: `user:${ownerId}:conversation:${conversationId}`,
		private: `user:${ownerId}:conversation:${privateId}`,
		workspace: `user:${ownerId}`,
		plan: `user:${ownerId}:plan`,
		programme: `programme:${demo.programmeId}`,
		discussion: `programme:${demo.programmeId}:discussion`,
		ownWorkspace: `user:${guest.user.id}`
	};
	const codes = await tryRooms(managerPage, guest.token, Object.values(rooms));
	expect(codes).toEqual({
		[rooms.shared]: 'open',
		[rooms.private]: 4403,
		[rooms.workspace]: 4403,
		[rooms.plan]: 4403,
		[rooms.programme]: 4403,
		[rooms.discussion]: 4403,
		[rooms.ownWorkspace]: 4403
	});

	// Offline, the guest still reads the conversation after a reload.
	await manager.setOffline(true);
	await managerPage.goto(`/conversations/${ownerId}/${conversationId}`);
	await managerPage.reload();
	await expect(managerPage.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
	await expect(managerPage.getByTestId('section-participant')).toContainText(
		'Jeg vil lede endringen av åpningstidene.'
	);
	await expect(managerPage.getByLabel('Din del (Nærmeste leder)')).toHaveValue(
		'Vi gir Kari tid til prosjektet i høst. Vi følger opp i januar.'
	);
	await expect(managerPage.getByTestId('signature-summary')).toHaveText('Alle tre har signert.');
	await manager.expectNoA11yViolations();

	// Writing offline works for the guest too; once online it reaches the others, and every
	// signature says the content changed after it was signed.
	const managerPart = managerPage.getByLabel('Din del (Nærmeste leder)');
	await managerPart.press('End');
	await managerPart.pressSequentially(' Tillegg skrevet uten nett.');
	await expect(managerPage.getByTestId('signature-summary')).toHaveText('Signert av 0 av 3');
	await managerPage.reload();
	await expect(managerPart).toHaveValue(/Tillegg skrevet uten nett\.$/);
	await manager.setOffline(false);
	await expect(laptop.page.getByTestId('section-manager')).toContainText('Tillegg skrevet uten nett.', {
		timeout: 20_000
	});
	await expect(laptop.page.getByTestId('signature-participant')).toContainText(
		'Endret etter at Kari Nordmann signerte'
	);
	await expect(laptop.page.getByRole('button', { name: 'Signer på nytt' })).toBeVisible();
});

test('a conversation needs an account: device-only use explains why', async ({ demo }) => {
	const device = await demo.newDevice();
	await device.useLocally();
	await device.page.setViewportSize(PHONE);
	await device.page.goto('/conversations');
	await expect(device.page.getByText('En trepartssamtale deles med veilederen og lederen din')).toBeVisible();
	await expect(device.page.getByRole('button', { name: 'Ny trepartssamtale' })).toHaveCount(0);
	await device.expectNoA11yViolations();
});
