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
