import { expect, openProgramme, test } from './demo';

test("a coordinator's change made offline in a tab that is then closed still reaches the server and the participants", async ({
	demo
}) => {
	test.setTimeout(120_000);
	const laptop = await demo.device('koordinator', { install: true }); // the app shell loads offline in a new tab
	const first = laptop.page;
	await openProgramme(first);
	await expect(first.getByTestId('module-item')).toHaveCount(4);
	const home = new URL(first.url()).pathname;
	await laptop.expectSavedOnServer();

	// A second tab edits the programme offline and is closed at once.
	await laptop.setOffline(true);
	const second = await laptop.context.newPage();
	await second.goto(`${home}/edit/modules/new`);
	await second.getByLabel('Tittel').fill('Modul fra en lukket fane');
	await second.getByLabel('Studiepoeng').fill('5');
	await second.getByRole('button', { name: 'Lagre' }).click();
	await expect(second.getByText('«Modul fra en lukket fane» er lagret på enheten.')).toBeVisible();
	await second.close();

	// The first tab has it (tabs share changes without a server) and counts it as waiting.
	await expect(first.getByTestId('module-item')).toHaveCount(5);
	await expect(laptop.syncStatus()).toContainText('venter – uten nett');

	// Back online, the first tab sends what the closed tab left and the server confirms it.
	await laptop.setOffline(false);
	await laptop.expectSavedOnServer();

	const phone = await demo.device('deltaker');
	await phone.page.goto(home);
	await expect(phone.page.getByTestId('module-item')).toHaveCount(5);
	await expect(phone.page.getByTestId('module-item').last()).toContainText('Modul fra en lukket fane');
});
