import { expect, test } from './fixtures';

/** Everything in the origin's IndexedDB databases and localStorage, as text. */
async function dumpStorage(): Promise<string> {
	const decoder = new TextDecoder();
	const text = (v: unknown): string =>
		v instanceof Uint8Array
			? decoder.decode(v)
			: JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? decoder.decode(x) : x));
	const out: string[] = [];
	for (const info of await indexedDB.databases()) {
		if (!info.name) continue;
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open(info.name!);
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		for (const store of Array.from(db.objectStoreNames)) {
			const values = await new Promise<unknown[]>((res) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => res(req.result);
			});
			out.push(`${info.name}/${store}: ${values.map(text).join(' | ')}`);
		}
		db.close();
	}
	for (let i = 0; i < localStorage.length; i++) out.push(`localStorage ${localStorage.key(i)}`);
	return out.join('\n');
}

test('sign-out warns about unsynced changes, then wipes the workspace, index and session', async ({
	newDevice,
	account
}) => {
	const device = await newDevice();
	const page = device.page;
	// The app is cached (as after any first visit): its pages open offline below.
	await device.install('/welcome');
	await device.signIn(account);
	await device.writeNote('Privat notat', 'Skal ikke bli liggende på biblioteksmaskinen.');
	await device.expectSavedOnServer();

	// An unsynced change makes sign-out ask first.
	await device.setOffline(true);
	await page.getByLabel('Notat', { exact: true }).press('End');
	await page.getByLabel('Notat', { exact: true }).pressSequentially(' Usynkronisert.');
	await page.getByRole('link', { name: 'Innstillinger' }).click();
	// The app asked for persistent storage and says whether the browser granted it.
	await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', /^(true|false)$/);
	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page.getByText(/endring(er)? er ikke lagret på serveren ennå/)).toBeVisible();
	await page.getByRole('button', { name: 'Avbryt' }).click();
	await device.setOffline(false);
	await device.expectSavedOnServer();

	// While signed in the dump does contain the note (so the checks below can fail).
	const before = await page.evaluate(dumpStorage);
	expect(before).toContain('Privat notat');
	expect(before).toContain(account.email);

	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page.getByRole('heading', { name: 'Velkommen til Lederlogg' })).toBeVisible();

	// Nothing of the note, the index or the session is left anywhere in the origin's storage.
	const after = await page.evaluate(dumpStorage);
	expect(after).not.toContain('Privat notat');
	expect(after).not.toContain('biblioteksmaskinen');
	expect(after).not.toContain(account.email);
	expect(after).not.toContain('wal');

	// Signing in again brings the notes back from the server.
	await device.signIn(account);
	await expect(page.getByTestId('note-item')).toHaveCount(1);
	await expect(page.getByText('Privat notat')).toBeVisible();
});
