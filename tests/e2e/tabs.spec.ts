import { expect, test } from './fixtures';

test('two tabs on one device: a tab closed while offline still gets its text to the server', async ({
	newDevice,
	account
}) => {
	const laptop = await newDevice();
	const first = laptop.page;
	await laptop.signIn(account);
	const id = await laptop.writeNote('To faner', 'Start.');
	await laptop.expectSavedOnServer();
	const second = await laptop.context.newPage();
	await second.goto(`/notes/${id}`);
	await expect(second.getByLabel('Notat', { exact: true })).toHaveText('Start.');

	await laptop.setOffline(true);
	const firstBody = first.getByLabel('Notat', { exact: true });
	await firstBody.press('End');
	await firstBody.pressSequentially(' Første fane.');
	const secondBody = second.getByLabel('Notat', { exact: true });
	await secondBody.press('End');
	await secondBody.pressSequentially(' Andre fane.');
	await second.close();

	await laptop.setOffline(false);
	await laptop.expectSavedOnServer();
	await expect(firstBody).toHaveText(/Første fane\./);
	await expect(firstBody).toHaveText(/Andre fane\./);

	const phone = await newDevice();
	await phone.signIn(account);
	await phone.page.goto(`/notes/${id}`);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText(/Første fane\./);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText(/Andre fane\./);
});

test('tabs follow each other: device-only notes open in the other tab; sign-in and sign-out reach every tab', async ({
	newDevice,
	account
}) => {
	const laptop = await newDevice();
	const first = laptop.page;
	await laptop.useLocally();
	const second = await laptop.context.newPage();
	await second.goto('/');
	await expect(second.getByRole('heading', { name: 'Notater' })).toBeVisible();

	// A note written in one tab, without any server, opens in the other.
	const id = await laptop.writeNote('Skrevet i fane én', 'Uten konto.');
	await second.goto(`/notes/${id}`);
	await expect(second.getByLabel('Notat', { exact: true })).toHaveText('Uten konto.');
	await second.getByLabel('Notat', { exact: true }).press('End');
	await second.getByLabel('Notat', { exact: true }).pressSequentially(' Og fra fane to.');
	await expect(first.getByLabel('Notat', { exact: true })).toHaveText('Uten konto. Og fra fane to.');

	// Signing in in one tab takes the other along (it reloads into the account).
	await laptop.signIn(account);
	await expect(second.getByTestId('sync-status')).toHaveAttribute('data-kind', 'saved', { timeout: 20_000 });
	await expect(laptop.syncStatus()).toHaveAttribute('data-kind', 'saved', { timeout: 20_000 });

	// Signing out in one tab sends the other to the welcome page, and nothing is rebuilt.
	await first.getByRole('link', { name: 'Innstillinger' }).click();
	await first.getByRole('button', { name: 'Logg ut' }).click();
	await expect(second.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();
	await expect(first.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();
	await second.goto('/');
	await second.getByRole('button', { name: 'Bruk bare på denne enheten' }).click();
	await expect(second.getByText('Skrevet i fane én')).toBeHidden();
	await expect(second.getByText('Ingen notater ennå.', { exact: false })).toBeVisible();
});
