import { expect, test } from './fixtures';

test('sign-out warns about unsynced changes, then wipes the workspace, index and session', async ({
	newDevice,
	account
}) => {
	const device = await newDevice();
	const page = device.page;
	await device.signIn(account);
	await device.writeNote('Privat notat', 'Skal ikke bli liggende på biblioteksmaskinen.');
	await device.expectSavedOnServer();

	// An unsynced change makes sign-out ask first.
	await device.setOffline(true);
	await page.getByLabel('Notat', { exact: true }).pressSequentially(' Usynkronisert.');
	await page.getByRole('link', { name: 'Innstillinger' }).click();
	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page.getByText(/endring(er)? er ikke lagret på serveren ennå/)).toBeVisible();
	await page.getByRole('button', { name: 'Avbryt' }).click();
	await device.setOffline(false);
	await device.expectSavedOnServer();

	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();

	const leftovers = await page.evaluate(async () => {
		const dbs = await indexedDB.databases();
		const names = dbs.map((d) => d.name);
		const found: string[] = [];
		for (const name of names) {
			if (!name) continue;
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const count = await new Promise<number>((res) => {
					const req = db.transaction(store).objectStore(store).count();
					req.onsuccess = () => res(req.result);
				});
				if (count > 0) found.push(`${name}/${store}: ${count}`);
			}
			db.close();
		}
		return found;
	});
	expect(leftovers).toEqual([]);

	// Signing in again brings the notes back from the server.
	await device.signIn(account);
	await expect(page.getByTestId('note-item')).toHaveCount(1);
	await expect(page.getByText('Privat notat')).toBeVisible();
});
