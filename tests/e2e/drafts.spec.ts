import { expect, test } from './demo';

test('a participant writes a blog draft against its requirement, watches the length, and it reaches another device', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const laptop = await demo.device('deltaker', { install: true });
	const page = laptop.page;

	await page.getByRole('link', { name: 'Skriving' }).click();
	await expect(page.getByRole('heading', { name: 'Utkast', level: 1 })).toBeVisible();
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill('Små bibliotek, store endringer');
	const requirement = page.getByLabel('Arbeidskrav');
	const blog = requirement.locator('option', { hasText: 'Blogginnlegg' });
	await expect(blog).toContainText('(2 000 tegn)');
	await requirement.selectOption((await blog.getAttribute('value'))!);
	await expect(page.getByRole('radio', { name: 'Blogginnlegg' })).toBeChecked();
	await page.getByRole('button', { name: 'Opprett utkast' }).click();

	await expect(
		page.getByRole('heading', { name: 'Små bibliotek, store endringer', level: 1 })
	).toBeAttached();
	const editor = page.getByRole('textbox', { name: 'Tekst' });
	await editor.click();
	await page.keyboard.type('Vi åpnet biblioteket på lørdager.');
	const count = page.getByTestId('draft-count');
	await expect(count.getByTestId('count-characters')).toHaveText('33 / 2 000');
	await expect(count.getByTestId('count-no-spaces')).toHaveText('29');
	await expect(count.getByTestId('count-words')).toHaveText('5');
	await expect(count.getByTestId('count-verdict')).toContainText('1 967 tegn under målet');

	// Formatting from the toolbar, and a second paragraph.
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Overskrift', exact: true }).click();
	await page.keyboard.type('Hva lærte vi');
	await expect(editor.locator('h2')).toHaveText('Hva lærte vi');
	await expect(count.getByTestId('count-characters')).toHaveText('45 / 2 000');
	await laptop.expectSavedOnServer();
	await laptop.expectNoA11yViolations();

	// The list shows it with its length and requirement.
	await page.getByRole('link', { name: 'Alle utkast' }).click();
	const item = page.getByRole('listitem').filter({ hasText: 'Små bibliotek, store endringer' });
	await expect(item).toContainText('45 av 2 000 tegn');
	await expect(item).toContainText('Blogginnlegg');

	// Another device of the same participant gets the list and the text.
	const phone = await demo.device('deltaker');
	await phone.page.goto('/drafts');
	await phone.page.getByRole('link', { name: 'Små bibliotek, store endringer' }).click();
	await expect(phone.page.getByRole('textbox', { name: 'Tekst' })).toContainText(
		'Vi åpnet biblioteket på lørdager.'
	);
	await expect(phone.page.getByRole('textbox', { name: 'Tekst' }).locator('h2')).toHaveText('Hva lærte vi');
});

test('offline: write, name a version, change the text, compare and restore it; marking submitted locks a version', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const device = await demo.device('deltaker', { install: true });
	const page = device.page;
	await page.goto('/drafts');
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill('Skriftlig arbeid om endring');
	await page.getByRole('radio', { name: 'Skriftlig arbeid' }).check();
	await page.getByRole('button', { name: 'Opprett utkast' }).click();
	const editor = page.getByRole('textbox', { name: 'Tekst' });
	await expect(editor).toBeVisible();

	await device.setOffline(true);
	await editor.click();
	await page.keyboard.type('Første tanke om lørdagsåpent.');
	await page.getByLabel('Navn på versjonen').fill('Før veiledning');
	await page.getByRole('button', { name: 'Lagre versjon' }).click();
	const history = page.getByRole('list', { name: 'Historikk' });
	await expect(history.getByRole('listitem')).toHaveCount(1);
	await expect(history).toContainText('Før veiledning');

	// Rewrite the text, then compare the version with now: the differences are marked.
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Ny retning: meråpent bibliotek.');
	await page.getByRole('button', { name: 'Sammenlign med nå: Før veiledning' }).click();
	const compare = page.getByRole('region', { name: /«Før veiledning» sammenlignet med nå/ });
	await expect(compare.locator('del').first()).toBeVisible();
	await expect(compare.locator('ins').first()).toBeVisible();
	await expect(compare.locator('del')).toContainText(['Første']);
	await expect(compare.locator('ins')).toContainText(['meråpent']);
	await device.expectNoA11yViolations();
	await page.getByRole('button', { name: 'Lukk sammenligningen' }).click();

	// Restore: the old text is back and the text from before is kept as a version.
	await page.getByRole('button', { name: 'Gjenopprett: Før veiledning' }).click();
	await page.getByRole('button', { name: 'Ja, gjenopprett' }).click();
	await expect(editor).toHaveText('Første tanke om lørdagsåpent.');
	await expect(history.getByRole('listitem')).toHaveCount(2);
	await expect(history.getByRole('listitem').first()).toContainText('Før gjenoppretting');

	// Still offline, and nothing is lost after a reload.
	await page.reload();
	await expect(editor).toHaveText('Første tanke om lørdagsåpent.');
	await expect(history.getByRole('listitem')).toHaveCount(2);

	// Submitted: a locked version of the text as handed in.
	await page.getByLabel('Status').selectOption({ label: 'Innlevert' });
	await expect(history.getByRole('listitem')).toHaveCount(3);
	await expect(history.getByRole('listitem').first()).toContainText('Innlevert');
	await expect(history.getByRole('listitem').first()).toContainText('Låst');

	// Back online, all of it reaches the server.
	await device.setOffline(false);
	await device.expectSavedOnServer();
});
