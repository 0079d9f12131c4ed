import { expect, test } from './fixtures';

test('a stopped server: the app keeps working, counts waiting changes, and syncs when it is back', async ({
	newDevice,
	account,
	server
}) => {
	const phone = await newDevice();
	await phone.install('/welcome');
	await phone.signIn(account);
	const id = await phone.writeNote('Før serveren stoppet', 'Lagret på serveren.');
	await phone.expectSavedOnServer();

	await server.stop();
	await phone.page.reload();
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveText('Lagret på serveren.');
	await phone.page.getByLabel('Notat', { exact: true }).press('End');
	await phone.page.getByLabel('Notat', { exact: true }).pressSequentially(' Mens serveren var nede.');
	await expect(phone.syncStatus()).toHaveAttribute('data-kind', 'waiting');
	await expect(phone.syncStatus()).toContainText('venter');

	await server.start();
	await phone.expectSavedOnServer();

	const laptop = await newDevice();
	await laptop.signIn(account);
	await laptop.page.goto(`/notes/${id}`);
	await expect(laptop.page.getByLabel('Notat', { exact: true })).toHaveText(
		'Lagret på serveren. Mens serveren var nede.'
	);
});

test('a refused token stops syncing and asks to sign in again, keeping local notes', async ({
	newDevice,
	account,
	server
}) => {
	const phone = await newDevice();
	await phone.signIn(account);
	await phone.writeNote('Beholdes', 'Selv om økta utløper.');
	await phone.expectSavedOnServer();
	// Revoke every session of the account on the server side: sign out from another device
	// does not do that, but removing and re-adding the account does.
	server.removeAccount(account.email);
	await phone.page.reload();
	await expect(phone.syncStatus()).toHaveAttribute('data-kind', 'sign-in-needed');
	await phone.page.goto('/');
	await expect(phone.page.getByTestId('note-item')).toHaveCount(1);
});
