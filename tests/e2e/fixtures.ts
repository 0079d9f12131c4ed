/**
 * Playwright fixtures: a real server per worker, accounts, and "devices" (separate browser
 * contexts, each with its own IndexedDB, like a phone and a laptop).
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { E2eServer } from './server';

export { expect };

export interface Account {
	email: string;
	password: string;
	name: string;
}

let accounts = 0;

export const test = base.extend<
	{ account: Account; newDevice: () => Promise<Device> },
	{ server: E2eServer }
>({
	server: [
		// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
		async ({}, use) => {
			const server = new E2eServer();
			await server.start();
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	baseURL: async ({ server }, use) => use(server.url),
	account: async ({ server }, use, testInfo) => {
		const n = ++accounts;
		const account = {
			email: `deltaker${testInfo.workerIndex}-${n}@example.no`,
			password: 'lesesal-på-ferja',
			name: `Kari Nordmann ${n}`
		};
		server.addAccount(account.email, account.password, account.name);
		await use(account);
	},
	newDevice: async ({ browser, server }, use) => {
		const devices: Device[] = [];
		await use(async () => {
			const device = await Device.open(browser, server.url);
			devices.push(device);
			return device;
		});
		for (const d of devices) await d.context.close();
	}
});

/** One browser context: a device with its own storage, service worker and network switch. */
export class Device {
	private constructor(
		readonly context: BrowserContext,
		readonly page: Page
	) {}

	static async open(browser: Browser, baseURL: string): Promise<Device> {
		const context = await browser.newContext({ baseURL, serviceWorkers: 'allow', locale: 'nb-NO' });
		const page = await context.newPage();
		page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
		return new Device(context, page);
	}

	/** Opens the app and waits until the service worker controls the page (works offline after). */
	async install(path = '/'): Promise<void> {
		await this.page.goto(path);
		await this.page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
			await this.page.reload();
		}
		await expect.poll(() => this.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	}

	async signIn(account: Account): Promise<void> {
		const page = this.page;
		await page.goto('/signin');
		await page.getByLabel('E-post').fill(account.email);
		await page.getByLabel('Passord', { exact: true }).fill(account.password);
		await page.getByRole('button', { name: 'Logg inn' }).click();
		await expect(page.getByRole('heading', { name: 'Notater' })).toBeVisible();
	}

	async useLocally(): Promise<void> {
		await this.page.goto('/welcome');
		await this.page.getByRole('button', { name: 'Bruk bare på denne enheten' }).click();
		await expect(this.page.getByRole('heading', { name: 'Notater' })).toBeVisible();
	}

	/** Creates a seminar note and types into it; returns the note's id. */
	async writeNote(title: string, body: string): Promise<string> {
		const page = this.page;
		await page.goto('/');
		await page.getByRole('button', { name: 'Nytt seminarnotat' }).click();
		await page.getByLabel('Tittel').fill(title);
		await page.getByLabel('Notat', { exact: true }).fill(body);
		const id = new URL(page.url()).pathname.split('/').pop()!;
		return id;
	}

	syncStatus() {
		return this.page.getByRole('banner').getByTestId('sync-status');
	}

	async expectSavedOnServer(): Promise<void> {
		await expect(this.syncStatus()).toHaveAttribute('data-kind', 'saved', { timeout: 20_000 });
	}

	async setOffline(offline: boolean): Promise<void> {
		await this.context.setOffline(offline);
	}

	async expectNoA11yViolations(): Promise<void> {
		const results = await new AxeBuilder({ page: this.page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	}
}
