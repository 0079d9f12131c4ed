import { expect, test } from '@playwright/test';
import { Device } from './fixtures';
import { E2eServer } from './server';

test('a server with no accounts offers first-run setup of the first coordinator', async ({ browser }) => {
	const server = new E2eServer();
	await server.start();
	try {
		const device = await Device.open(browser, server.url);
		const page = device.page;
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();
		await page.getByRole('link', { name: 'Logg inn' }).click();
		await expect(page.getByRole('heading', { name: 'Opprett den første koordinatoren' })).toBeVisible();

		// Invalid input gets clear messages and keeps what was typed.
		await page.getByLabel('Navn').fill('Marit Somby');
		await page.getByLabel('E-post').fill('marit@fylkesbibliotek');
		await page.getByLabel('Passord', { exact: true }).fill('kort');
		await page.getByRole('button', { name: 'Opprett konto' }).click();
		await expect(page.getByText('Skriv en gyldig e-postadresse.')).toBeVisible();
		await expect(page.getByText('Passordet må ha minst 8 tegn.')).toBeVisible();
		await expect(page.getByLabel('Navn')).toHaveValue('Marit Somby');
		await device.expectNoA11yViolations();

		await page.getByLabel('E-post').fill('marit@fylkesbibliotek.no');
		await page.getByLabel('Passord', { exact: true }).fill('nordlys-over-tromsø');
		await page.getByRole('button', { name: 'Opprett konto' }).click();
		await expect(page.getByRole('heading', { name: 'Notater' })).toBeVisible();
		await device.expectSavedOnServer();
		await page.getByRole('link', { name: 'Innstillinger' }).click();
		await expect(page.getByText('Logget inn som Marit Somby (marit@fylkesbibliotek.no).')).toBeVisible();

		// Setup is offered only once: a second device gets the ordinary sign-in form.
		const other = await Device.open(browser, server.url);
		await other.page.goto('/signin');
		await expect(other.page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
		await other.page.getByLabel('E-post').fill('marit@fylkesbibliotek.no');
		await other.page.getByLabel('Passord', { exact: true }).fill('feil passord');
		await other.page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(other.page.getByTestId('signin-error')).toHaveText('Feil e-post eller passord.');
		await other.context.close();
		await device.context.close();
	} finally {
		await server.dispose();
	}
});
