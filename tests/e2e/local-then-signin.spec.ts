import { expect, test } from './fixtures';

test('device-only notes merge into the account on sign-in, losing nothing from either side', async ({
	newDevice,
	account
}) => {
	const laptop = await newDevice();
	await laptop.signIn(account);
	await laptop.writeNote('Fra kontoen', 'Skrevet på laptopen.');
	await laptop.expectSavedOnServer();

	const phone = await newDevice();
	await phone.useLocally();
	await phone.writeNote('Fra telefonen', 'Skrevet uten konto.');
	await phone.page.goto('/');
	await expect(phone.syncStatus()).toHaveText('Lagret på enheten');
	await phone.page.getByRole('link', { name: 'Innstillinger' }).click();
	await phone.page.getByRole('link', { name: 'Logg inn for å synkronisere' }).click();
	await expect(
		phone.page.getByText('Notatene du har skrevet på denne enheten, blir med inn i kontoen din.')
	).toBeVisible();
	await phone.signIn(account);
	await phone.expectSavedOnServer();
	await expect(phone.page.getByTestId('note-item')).toHaveCount(2);

	await laptop.page.goto('/');
	await expect(laptop.page.getByTestId('note-item')).toHaveCount(2);
	await expect(laptop.page.getByText('Fra telefonen')).toBeVisible();
});
