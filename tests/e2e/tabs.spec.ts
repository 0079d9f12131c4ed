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
	await expect(second.getByLabel('Notat', { exact: true })).toHaveValue('Start.');

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
	await expect(firstBody).toHaveValue(/Første fane\./);
	await expect(firstBody).toHaveValue(/Andre fane\./);

	const phone = await newDevice();
	await phone.signIn(account);
	await phone.page.goto(`/notes/${id}`);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveValue(/Første fane\./);
	await expect(phone.page.getByLabel('Notat', { exact: true })).toHaveValue(/Andre fane\./);
});
