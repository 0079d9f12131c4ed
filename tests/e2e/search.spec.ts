import type { Page } from '@playwright/test';
import { expect, test, type Device } from './fixtures';

/**
 * Writes a seminar note; returns its id. The word searched for is in the title too, and the body
 * goes into the note's rich-text editor.
 */
async function writeNote(device: Device, title: string, body: string): Promise<string> {
	const page = device.page;
	await page.goto('/');
	await page.getByRole('button', { name: 'Nytt seminarnotat' }).click();
	await page.getByLabel('Tittel').fill(title);
	const editor = page.getByLabel('Notat', { exact: true });
	await editor.click();
	await page.keyboard.type(body);
	return new URL(page.url()).pathname.split('/').pop()!;
}

async function searchFor(page: Page, query: string) {
	if (new URL(page.url()).pathname !== '/search') {
		await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Søk' }).click();
		await expect(page.getByRole('heading', { name: 'Søk', level: 1 })).toBeVisible();
	}
	await page.getByLabel('Søk i alt du har skrevet').fill(query);
}

const hits = (page: Page) => page.getByTestId('search-hit');

test('a note written offline on one device is found on the other by another form of its word, first, and opens there', async ({
	newDevice,
	account
}) => {
	test.setTimeout(120_000);
	const laptop = await newDevice();
	const phone = await newDevice();
	await phone.install('/welcome');
	await laptop.signIn(account);
	await phone.signIn(account);

	// On the phone, offline: a note with an unusual word in its plural definite form.
	await phone.setOffline(true);
	const noteId = await writeNote(
		phone,
		'Lånekortautomatene i Tromsø',
		'Vi fikk nye lånekortautomatene i høst, og køen ved skranken ble borte.'
	);
	await expect(phone.syncStatus()).toHaveText(/venter – uten nett/);
	await phone.setOffline(false);
	await phone.expectSavedOnServer();

	// On the laptop, a newer note whose word only begins like it.
	await writeNote(laptop, 'Lånekortautomatisering', 'Planen for lånekortautomatisering i alle filialer.');
	await laptop.expectSavedOnServer();

	// The singular definite form finds the phone's note, ranked above the newer prefix match.
	const page = laptop.page;
	await searchFor(page, 'lånekortautomaten');
	await expect(page.getByTestId('search-count')).toHaveText('2 treff');
	await expect(hits(page)).toHaveCount(2);
	await expect(hits(page).first()).toContainText('Lånekortautomatene i Tromsø');
	await expect(hits(page).first().locator('mark').first()).toHaveText('Lånekortautomatene');
	await expect(hits(page).nth(1)).toContainText('Lånekortautomatisering');
	// The query is kept in the address.
	await expect(page).toHaveURL(/\/search\?q=l%C3%A5nekortautomaten$/);

	await hits(page).first().click();
	await expect(page).toHaveURL(new RegExp(`/notes/${noteId}\\?q=l%C3%A5nekortautomaten$`));
	await expect(page.getByLabel('Tittel')).toHaveValue('Lånekortautomatene i Tromsø');
	// The note opens at the match in its text, marked.
	await expect(page.locator('[data-find-match]')).toHaveText(/^lånekortautomaten/i);
	await expect(page.locator('[data-find-match]')).toBeInViewport();

	// Back: the search and its results are still there.
	await page.goBack();
	await expect(page.getByLabel('Søk i alt du har skrevet')).toHaveValue('lånekortautomaten');
	await expect(hits(page)).toHaveCount(2);
});

test('on this device only: search finds a reading note, a change task and its check-in, and opens each at the match', async ({
	newDevice
}) => {
	test.setTimeout(90_000);
	const device = await newDevice();
	const page = device.page;
	await device.useLocally();

	// A reading note on an own text.
	await page.goto('/reading');
	await page.getByLabel('Tittel').fill('Ledelse i praksis');
	await page.getByLabel('Antall sider i teksten').fill('120');
	await page.getByRole('button', { name: 'Lagre teksten' }).click();
	await page.getByRole('link', { name: 'Ledelse i praksis' }).click();
	await page.getByLabel('Notatet eller sitatet').fill('Bibliotekene er møteplasser for hele kommunen.');
	await page.getByRole('button', { name: 'Lagre notatet' }).click();
	await expect(page.getByTestId('reading-note')).toHaveCount(1);

	// A change task with a check-in.
	await page.goto('/tasks/new');
	await page.getByLabel('Hva vil du endre?').fill('Søndagsåpent bibliotek');
	await page.getByLabel('Hvorfor?').fill('Flere besøkende i helgene.');
	await page.getByRole('button', { name: 'Lag endringsoppgaven' }).click();
	await expect(page.getByRole('heading', { name: 'Søndagsåpent bibliotek', level: 1 })).toBeVisible();
	const taskUrl = new URL(page.url()).pathname;
	await page.getByLabel('Hvordan går det?').fill('Tre frivillige har meldt seg til vaktene.');
	await page.getByRole('button', { name: 'Lagre oppfølgingen' }).click();
	await expect(page.getByTestId('check-in')).toHaveCount(1);

	await searchFor(page, '');
	await expect(page.getByText('Skriv ett eller flere ord.')).toBeVisible();
	await device.expectNoA11yViolations();

	// "møteplass" (singular) finds "møteplasser" in the reading note, which opens at the note.
	await searchFor(page, 'møteplass');
	await expect(page.getByTestId('search-count')).toHaveText('1 treff');
	const reading = hits(page).first();
	await expect(reading).toHaveAttribute('data-kind', 'reading');
	await expect(reading).toContainText('Leselogg');
	await expect(reading).toContainText('Ledelse i praksis');
	await expect(reading.locator('mark')).toHaveText('møteplasser');
	await device.expectNoA11yViolations();
	await reading.click();
	await expect(page).toHaveURL(/\/reading\/o~[\w-]+\?q=m%C3%B8teplass#reading-note-[\w-]+$/);
	const note = page.getByTestId('reading-note');
	await expect(note).toHaveClass(/search-target/);
	await expect(note).toBeFocused();
	await expect(note).toBeInViewport();

	// "søndagsåpen" finds "Søndagsåpent", the task's title; "frivillig" the check-in, opened at it.
	await page.goBack();
	await searchFor(page, 'søndagsåpen');
	await expect(hits(page)).toHaveCount(1);
	await expect(hits(page).first()).toHaveAttribute('data-kind', 'task');
	await hits(page).first().click();
	await expect(page).toHaveURL(new RegExp(`${taskUrl}\\?q=s%C3%B8ndags%C3%A5pen$`));

	await page.goBack();
	await searchFor(page, 'frivillig vakt');
	await expect(hits(page)).toHaveCount(1);
	await expect(hits(page).first()).toContainText('Endringsoppgave · Oppfølging');
	await expect(hits(page).first().getByRole('strong')).toHaveText('Søndagsåpent bibliotek');
	await expect(hits(page).first().locator('mark')).toHaveText(['frivillige', 'vaktene']);
	await hits(page).first().click();
	await expect(page).toHaveURL(new RegExp(`${taskUrl}\\?q=frivillig%20vakt#check-in-[\\w-]+$`));
	await expect(page.getByTestId('check-in')).toHaveClass(/search-target/);
	await expect(page.getByTestId('check-in')).toBeFocused();

	// Nothing found: said so, politely.
	await page.goBack();
	await searchFor(page, 'museum');
	await expect(page.getByTestId('search-count')).toHaveText('0 treff');
	await expect(page.getByText('Ingen treff for «museum».')).toBeVisible();
	await device.expectNoA11yViolations();
});
