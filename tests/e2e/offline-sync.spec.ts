import { expect, test } from './fixtures';

test('sign in, write, go offline, reload, write more, come back: a second device shows every note', async ({
	newDevice,
	account
}) => {
	const phone = await newDevice();
	await phone.install('/welcome');
	await phone.signIn(account);
	const firstId = await phone.writeNote('På bussen', 'Skrevet med dekning.');
	await phone.expectSavedOnServer();

	await phone.setOffline(true);
	await expect(phone.syncStatus()).toHaveAttribute('data-kind', /offline-saved|waiting/);
	await phone.page.reload();
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText('Skrevet med dekning.');
	await phone.page.getByLabel('Notat', { exact: true }).press('End');
	await phone.page.getByLabel('Notat', { exact: true }).pressSequentially(' Og uten dekning.');
	const secondId = await phone.writeNote('På ferja', 'Ingen dekning her.');
	await expect(phone.syncStatus()).toHaveText(/endring(er)? venter – uten nett/);

	// A deep link loads offline from the service worker.
	await phone.page.goto(`/notes/${firstId}`);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText(
		'Skrevet med dekning. Og uten dekning.'
	);

	await phone.setOffline(false);
	await phone.expectSavedOnServer();

	const laptop = await newDevice();
	await laptop.signIn(account);
	await expect(laptop.page.getByTestId('note-item')).toHaveCount(2);
	await laptop.page.goto(`/notes/${firstId}`);
	await expect(laptop.page.getByLabel('Notat', { exact: true })).toHaveText(
		'Skrevet med dekning. Og uten dekning.'
	);
	await laptop.page.goto(`/notes/${secondId}`);
	await expect(laptop.page.getByLabel('Notat', { exact: true })).toHaveText('Ingen dekning her.');

	// Live: an edit on the laptop shows on the phone.
	await laptop.page.getByLabel('Notat', { exact: true }).press('End');
	await laptop.page.getByLabel('Notat', { exact: true }).pressSequentially(' Fra laptopen.');
	await phone.page.goto(`/notes/${secondId}`);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText(
		'Ingen dekning her. Fra laptopen.'
	);
});

test('two devices edit the same note offline and both keep their text', async ({ newDevice, account }) => {
	const phone = await newDevice();
	const laptop = await newDevice();
	await phone.signIn(account);
	const id = await phone.writeNote('Felles notat', 'Start.');
	await phone.expectSavedOnServer();
	await laptop.signIn(account);
	await laptop.page.goto(`/notes/${id}`);
	await expect(laptop.page.getByLabel('Notat', { exact: true })).toHaveText('Start.');

	await phone.setOffline(true);
	await laptop.setOffline(true);
	const phoneBody = phone.page.getByLabel('Notat', { exact: true });
	const laptopBody = laptop.page.getByLabel('Notat', { exact: true });
	await phoneBody.press('End');
	await phoneBody.pressSequentially(' Telefonen skrev dette.');
	await laptopBody.press('End');
	await laptopBody.pressSequentially(' Laptopen skrev dette.');
	await laptop.page.getByLabel('Tittel').fill('Felles notat – endret offline');

	await phone.setOffline(false);
	await laptop.setOffline(false);
	await phone.expectSavedOnServer();
	await laptop.expectSavedOnServer();
	for (const body of [phoneBody, laptopBody]) {
		await expect(body).toHaveText(/Telefonen skrev dette\./);
		await expect(body).toHaveText(/Laptopen skrev dette\./);
		await expect(body).toHaveText(/^Start\./);
	}
	await expect(phone.page.getByLabel('Tittel')).toHaveValue('Felles notat – endret offline');
});
