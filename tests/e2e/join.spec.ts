import { expect, test } from './fixtures';

test('an invited participant opens the join link, sets a password and lands signed in; the link works once', async ({
	newDevice,
	server
}, testInfo) => {
	const coordinator = {
		email: `koordinator${testInfo.workerIndex}@fylkesbibliotek.no`,
		password: 'nordlys-over-tromsø'
	};
	server.addAccount(coordinator.email, coordinator.password, 'Marit Somby', 'coordinator');
	const post = async (path: string, body: unknown, token?: string) => {
		const response = await fetch(server.url + path, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify(body)
		});
		return { status: response.status, json: (await response.json()) as Record<string, string> };
	};
	const { json: login } = await post('/api/auth/login', coordinator);
	const { status, json: created } = await post(
		'/api/programmes',
		{ name: 'Lederutvikling i Troms 2019–2021' },
		login.token
	);
	expect(status).toBe(201);
	const email = `ny-deltaker${testInfo.workerIndex}@bibliotek.no`;
	const { json: invite } = await post(
		`/api/programmes/${created.id}/invites`,
		{ email, name: 'Ola Nordmann', role: 'participant' },
		login.token
	);
	expect(invite.url).toBe(`${server.url}/join/${invite.code}`);

	const device = await newDevice();
	const page = device.page;
	await page.goto(new URL(invite.url).pathname);
	await expect(
		page.getByRole('heading', { name: 'Bli med i Lederutvikling i Troms 2019–2021' })
	).toBeVisible();
	await expect(
		page.getByText(`Du er invitert som deltaker. Velg navn og passord for kontoen ${email}.`)
	).toBeVisible();
	await expect(page.getByLabel('Navn')).toHaveValue('Ola Nordmann');
	await page.getByLabel('Passord', { exact: true }).fill('kort');
	await page.getByRole('button', { name: 'Bli med' }).click();
	await expect(page.getByText('Passordet må ha minst 8 tegn.')).toBeVisible();
	await device.expectNoA11yViolations();
	await page.getByLabel('Passord', { exact: true }).fill('lesesal-på-ferja');
	await page.getByRole('button', { name: 'Bli med' }).click();
	await expect(page.getByRole('heading', { name: 'Notater' })).toBeVisible();
	await expect(page.getByText('Du er med i Lederutvikling i Troms 2019–2021.')).toBeVisible();
	await device.expectSavedOnServer();

	const members = await fetch(`${server.url}/api/programmes/${created.id}/members`, {
		headers: { authorization: `Bearer ${login.token}` }
	}).then((r) => r.json() as Promise<{ members: { email: string; role: string }[] }>);
	expect(members.members).toContainEqual(expect.objectContaining({ email, role: 'participant' }));

	// The code is single-use; typed on the welcome page of another device it says so.
	const other = await newDevice();
	await other.page.goto('/welcome');
	await other.page.getByLabel('Invitasjonskode').fill(invite.code.toLowerCase());
	await other.page.getByRole('button', { name: 'Åpne invitasjonen' }).click();
	await expect(other.page.getByTestId('join-error')).toHaveText(
		'Invitasjonen er brukt, trukket tilbake eller utløpt. Be koordinatoren om en ny.'
	);
	await other.page.goto('/join/UKJENTKODE');
	await expect(other.page.getByTestId('join-error')).toHaveText(
		'Fant ikke invitasjonen. Sjekk koden eller lenken.'
	);
});
