import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo/seed.ts';
import { Device } from './fixtures';
import { E2eServer } from './server';

test('a participant reads the programme (next event, deadlines, modules), also offline after one visit', async ({
	browser
}) => {
	const server = new E2eServer();
	await seedDemo(server.dataDir);
	await server.start();
	try {
		const device = await Device.open(browser, server.url);
		const page = device.page;
		await device.install('/welcome');
		await device.signIn({
			email: 'deltaker@demo.lederlogg.no',
			password: DEMO_PASSWORD,
			name: 'Kari Nordmann'
		});
		await page.getByRole('link', { name: 'Programmer' }).click();
		await expect(page.getByText('Du er deltaker')).toBeVisible();
		await page.getByRole('link', { name: /Lederutviklingsprogram for bibliotekledere/ }).click();
		await expect(
			page.getByRole('heading', { name: /Lederutviklingsprogram for bibliotekledere/ })
		).toBeVisible();
		await expect(page.getByText('Programmet redigeres av koordinatorene.', { exact: false })).toBeVisible();
		await expect(page.getByTestId('next-event')).toHaveText('Kollokvium i Nord-Troms');
		await expect(page.getByText(/^Starter om [45] døgn og \d+ timer$/)).toBeVisible();
		await expect(page.getByTestId('due-item').first()).toContainText('Blogginnlegg');
		await expect(page.getByTestId('due-item').first()).toContainText('ca. 2 000 tegn');
		await expect(page.getByTestId('module-item')).toHaveCount(4);
		await expect(
			page.getByText('40 studiepoeng · 700 sider pensum og 200 sider egenvalgt pensum')
		).toBeVisible();
		await device.expectNoA11yViolations();

		// Offline, the programme is read from the device.
		await device.setOffline(true);
		await page.reload();
		await expect(page.getByTestId('next-event')).toHaveText('Kollokvium i Nord-Troms');
		await expect(page.getByTestId('module-item')).toHaveCount(4);
		await device.context.close();
	} finally {
		await server.dispose();
	}
});
