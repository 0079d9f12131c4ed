import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Device } from './fixtures';
import { E2eServer } from './server';
import { expect, test } from '@playwright/test';

test('a waiting service worker shows "new version ready"; reloading keeps the text being typed', async ({
	browser
}) => {
	const server = new E2eServer({ copyBuild: true });
	await server.start();
	try {
		const device = await Device.open(browser, server.url);
		const page = device.page;
		await device.install('/welcome');
		await device.useLocally();
		await device.writeNote('Før oppdateringen', 'Første versjon.');

		// Deploy a "new version": the service worker script changes on the server.
		appendFileSync(join(server.staticDir, 'sw.js'), `\n// deployed ${Date.now()}\n`);
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect(page.getByText('En ny versjon av Lederlogg er klar.')).toBeVisible({ timeout: 20_000 });

		// Keep typing, then reload straight away from the banner.
		const body = page.getByLabel('Notat', { exact: true });
		await body.press('End');
		await body.pressSequentially(' Skrevet rett før oppdateringen.');
		// Wait for the load from before the click: the reload may finish before the click returns.
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Last inn på nytt' }).click();
		await reloaded;
		await expect(page.getByLabel('Notat', { exact: true })).toHaveText(
			'Første versjon. Skrevet rett før oppdateringen.'
		);
		await expect(page.getByText('En ny versjon av Lederlogg er klar.')).toBeHidden();
		await device.context.close();
	} finally {
		await server.dispose();
	}
});
