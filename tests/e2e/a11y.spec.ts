import { expect, test } from './fixtures';

test('axe finds no WCAG 2.1 AA violations on any page, in bokmål and English', async ({
	newDevice,
	account
}) => {
	const device = await newDevice();
	const page = device.page;
	await page.goto('/welcome');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await device.expectNoA11yViolations();
	await page.goto('/signin');
	await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
	await device.expectNoA11yViolations();

	await device.signIn(account);
	await device.expectNoA11yViolations();
	await device.writeNote('Tilgjengelighet', 'Universell utforming er lovpålagt.');
	await device.expectNoA11yViolations();
	await page.goto('/');
	await expect(page.getByTestId('note-item')).toHaveCount(1);
	await device.expectNoA11yViolations();
	await page.getByRole('link', { name: 'Min utvikling' }).click();
	await expect(page.getByRole('heading', { name: 'Min utvikling', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Treningsplan/ })).toBeVisible();
	await device.expectNoA11yViolations();
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Innstillinger' })).toBeVisible();
	await device.expectNoA11yViolations();

	await page.getByLabel('Språk').selectOption('en');
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
	await device.expectNoA11yViolations();
	await page.goto('/');
	await device.expectNoA11yViolations();
});

test('on a phone-sized screen the notes and the editor have no violations either', async ({
	newDevice,
	account
}) => {
	const device = await newDevice();
	const page = device.page;
	await page.setViewportSize({ width: 390, height: 844 });
	await device.signIn(account);
	await device.writeNote('På telefonen', 'Skrevet på ferja.');
	await device.expectNoA11yViolations();
	await page.goto('/');
	await expect(page.getByTestId('note-item')).toHaveCount(1);
	await device.expectNoA11yViolations();
	// Nothing needs sideways scrolling.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a phone the header’s status never covers a menu entry', async ({ newDevice, account }) => {
	const device = await newDevice();
	const page = device.page;
	await device.signIn(account);
	await device.expectSavedOnServer();
	for (const width of [320, 390, 768]) {
		await page.setViewportSize({ width, height: 800 });
		const status = await device.syncStatus().boundingBox();
		const links = await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link').all();
		expect(links.length).toBeGreaterThan(2);
		for (const link of links) {
			const box = await link.boundingBox();
			const overlaps =
				!!status &&
				!!box &&
				box.x < status.x + status.width &&
				status.x < box.x + box.width &&
				box.y < status.y + status.height &&
				status.y < box.y + box.height;
			expect(overlaps, `${await link.textContent()} at ${width}px`).toBe(false);
		}
	}
});
