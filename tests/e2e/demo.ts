/**
 * The demo programme (scripts/demo/seed.ts) on a server of its own, for tests that need a
 * programme with content and its four members: `test('…', async ({ demo }) => …)`.
 * The fixture closes every device it opened and removes the server, also when a test fails.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../scripts/demo/seed.ts';
import { Device } from './fixtures';
import { E2eServer } from './server';

export { expect };

/** The demo programme's name, as its link and its heading show it. */
export const DEMO_PROGRAMME = /Lederutviklingsprogram for bibliotekledere/;

type LocalPart<Email> = Email extends `${infer Name}@${string}` ? Name : never;
/** A demo account by the start of its e-mail address: 'koordinator', 'deltaker', 'veileder' or 'mentor'. */
export type DemoRole = LocalPart<(typeof DEMO_PEOPLE)[number]['email']>;

export interface Demo {
	server: E2eServer;
	programmeId: string;
	/** The demo's mentor scheme ("Mentorordningen 2026–2027"). */
	schemeId: string;
	/** The instant the demo was seeded at; its events and deadlines are placed relative to it. */
	seededAt: number;
	/** A new device signed in as the demo account; `install` first loads the app for offline use. */
	device(role: DemoRole, options?: { install?: boolean }): Promise<Device>;
	/** A new device that is not signed in. */
	newDevice(): Promise<Device>;
}

export const test = base.extend<{ demo: Demo }>({
	demo: async ({ browser }, use) => {
		const seededAt = Date.now();
		const server = new E2eServer();
		const devices: Device[] = [];
		try {
			const { programmeId, schemeId } = await seedDemo(server.dataDir, seededAt);
			await server.start();
			const newDevice = async () => {
				const device = await Device.open(browser, server.url);
				devices.push(device);
				return device;
			};
			await use({
				server,
				programmeId,
				schemeId,
				seededAt,
				newDevice,
				async device(role, { install = false } = {}) {
					const person = DEMO_PEOPLE.find((p) => p.email === `${role}@demo.lederlogg.no`)!;
					const device = await newDevice();
					if (install) await device.install('/welcome');
					await device.signIn({ email: person.email, password: DEMO_PASSWORD, name: person.name });
					return device;
				}
			});
		} finally {
			await Promise.allSettled(devices.map((d) => d.context.close()));
			await server.dispose();
		}
	}
});

/** From any page of the app to the demo programme's home, the way a member gets there. */
export async function openProgramme(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Programmer' }).click();
	await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
}

/** A call to the documented API from the test (set-up and checks without a browser); one retry on a network error. */
export async function call(url: string, method: string, body?: unknown, token?: string): Promise<Response> {
	const request = () =>
		fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	return request().catch(request);
}

/** Signs a demo account in over the API (`role`: the start of its e-mail): its token and account id. */
export async function login(demo: Demo, role: string): Promise<{ token: string; id: string }> {
	const response = await call(`${demo.server.url}/api/auth/login`, 'POST', {
		email: `${role}@demo.lederlogg.no`,
		password: DEMO_PASSWORD
	});
	const json = (await response.json()) as { token: string; user: { id: string } };
	return { token: json.token, id: json.user.id };
}
