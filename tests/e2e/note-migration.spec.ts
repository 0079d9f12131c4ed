import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { expect, test } from './fixtures';

// Notes written by the walking skeleton's app have a plain-text body (a Y.Text). The new version
// moves them into the rich-text editor (sync/note-body.ts) without losing a line.

const LINES = [
	'Oppstartssamling i Tromsø',
	'Samfunnsoppdraget og økt institusjonsforståelse.',
	'- Lese kapittel 3 før neste samling',
	'Spørsmål: hva betyr «endringskompetanse» for små bibliotek?',
	'Skrevet på ferjeleiet.'
];
const LEGACY = `${LINES[0]}\n\n${LINES.slice(1).join('\n')}\n`;

/** The update an older app version wrote for one note, as it did: plain-text body, no bodyFormat. */
function legacyNoteUpdate(id: string, title: string, body: string): string {
	const doc = new Y.Doc();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		doc.getMap('notes').set(id, map);
		map.set('id', id);
		map.set('kind', 'seminar');
		map.set('title', new Y.Text(title));
		map.set('body', new Y.Text(body));
		map.set('seminar', 'Oppstartssamling');
		map.set('tags', new Y.Map());
		map.set('createdAt', Date.now() - 86_400_000);
		map.set('updatedAt', Date.now() - 86_400_000);
		map.set('deletedAt', null);
	});
	return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

/** Puts an update into the device's stored workspace (y-indexeddb), as if an older version had. */
async function storeInWorkspace(page: Page, base64: string): Promise<void> {
	await page.evaluate(async (update) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('lederlogg-workspace');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['updates'], 'readwrite');
			tx.objectStore('updates').add(Uint8Array.from(atob(update), (c) => c.charCodeAt(0)));
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, base64);
}

test('a plain-text note of the walking skeleton opens in the editor with every line, offline too', async ({
	newDevice
}) => {
	const device = await newDevice();
	const page = device.page;
	await device.install('/welcome');
	await device.useLocally();
	await storeInWorkspace(page, legacyNoteUpdate('legacynote01', 'Fra den gamle versjonen', LEGACY));

	await device.setOffline(true);
	await page.reload();
	const items = page.getByTestId('note-item');
	await expect(items).toHaveCount(1);
	await expect(items.first()).toContainText('Fra den gamle versjonen');
	// Search reads the body: a word from the last line finds it.
	await page.getByLabel('Søk i notatene').fill('ferjeleiet');
	await expect(items).toHaveCount(1);

	await items.first().click();
	const body = page.getByLabel('Notat', { exact: true });
	await expect(body.locator('p')).toHaveText(LINES);
	await device.expectNoA11yViolations();

	// It is a rich note now: a new paragraph stays, and the migration is not done again.
	await body.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('Skrevet i editoren.');
	await expect(body.locator('p')).toHaveText([...LINES, 'Skrevet i editoren.']);
	await page.reload();
	await expect(page.getByLabel('Notat', { exact: true }).locator('p')).toHaveText([
		...LINES,
		'Skrevet i editoren.'
	]);
	await page.goto('/');
	await page.getByLabel('Søk i notatene').fill('editoren');
	await expect(items).toHaveCount(1);
});

test('two devices migrating the same plain-text note offline show its text once after syncing', async ({
	newDevice,
	account
}) => {
	const phone = await newDevice();
	const laptop = await newDevice();
	for (const device of [phone, laptop]) {
		await device.install('/welcome');
		await device.signIn(account);
		await device.expectSavedOnServer();
	}
	// The note reached both devices from an older app version; both are offline when they get the
	// new version, and each moves the note to rich text on its own.
	const update = legacyNoteUpdate('legacynote02', 'Samme notat', LEGACY);
	for (const device of [phone, laptop]) {
		await device.setOffline(true);
		await storeInWorkspace(device.page, update);
		await device.page.goto('/notes/legacynote02');
		await expect(device.page.getByLabel('Notat', { exact: true }).locator('p')).toHaveText(LINES);
	}

	for (const device of [phone, laptop]) await device.setOffline(false);
	await phone.expectSavedOnServer();
	await laptop.expectSavedOnServer();
	// Each sees the other's migration, which was the same, so the lines are there once.
	for (const device of [phone, laptop]) {
		await device.page.reload();
		await device.expectSavedOnServer();
		await expect(device.page.getByLabel('Notat', { exact: true }).locator('p')).toHaveText(LINES);
	}
});
