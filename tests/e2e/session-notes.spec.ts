import { expect, test } from './demo';

test('a participant writes notes for a session of a gathering, also offline, and finds them on another device', async ({
	demo
}) => {
	const phone = await demo.device('deltaker', { install: true });
	const page = phone.page;
	const looseId = await phone.writeNote('Tanker etter oppstarten', 'Skrevet på toget hjem.');

	// The event page: my notes from the whole gathering, none yet.
	const eventPage = `/programmes/${demo.programmeId}/events/oppstart`;
	await page.goto(eventPage);
	await expect(page.getByRole('heading', { level: 1, name: 'Oppstartsseminar' })).toBeVisible();
	const whole = page.getByTestId('session-notes').first();
	await expect(whole.getByRole('heading', { name: 'Notater fra denne økten' })).toBeVisible();
	await expect(whole).toContainText('Ingen notater fra denne økten ennå.');
	await phone.expectNoA11yViolations();

	// A new note for the session opens in the editor, already attached.
	await whole.getByRole('button', { name: 'Nytt notat for denne økten' }).click();
	await expect(page.getByLabel('Tittel')).toHaveValue('Oppstartsseminar');
	await page.getByLabel('Notat', { exact: true }).fill('Samfunnsoppdraget er grunnmuren.');
	await expect(page.getByTestId('note-session')).toHaveText('Knyttet til Oppstartsseminar');
	await expect(page.getByLabel('Seminar eller samling')).toHaveValue('Oppstartsseminar');
	await phone.expectNoA11yViolations();
	await page.goBack();
	await expect(whole.getByTestId('session-note')).toHaveText([/^Oppstartsseminar/]);

	// An existing note is attached from the editor.
	await page.goto(`/notes/${looseId}`);
	await expect(page.getByTestId('note-session')).toHaveCount(0);
	await page.getByRole('button', { name: 'Knytt til samling' }).click();
	const event = page.getByRole('combobox', { name: 'Samling', exact: true });
	await event.selectOption('oppstart');
	await expect(page.getByRole('combobox', { name: 'Økt' })).toHaveValue('');
	await phone.expectNoA11yViolations();
	await page.getByRole('button', { name: 'Knytt til samlingen' }).click();
	await expect(page.getByTestId('note-session')).toHaveText('Knyttet til Oppstartsseminar');
	await expect(page.getByLabel('Seminar eller samling')).toHaveValue('Oppstartsseminar');
	await page.getByRole('link', { name: 'Oppstartsseminar' }).click();
	await expect(page).toHaveURL(new RegExp(`${eventPage}$`));
	await expect(whole.getByTestId('session-note')).toHaveText([
		/^Oppstartsseminar/,
		/^Tanker etter oppstarten/
	]);

	// The notes list names the gathering of attached notes.
	await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Notater' }).click();
	await expect(page.getByTestId('note-session-line')).toHaveText([
		'Samling: Oppstartsseminar',
		'Samling: Oppstartsseminar'
	]);

	// Offline: a note for one agenda item, still listed after a reload.
	await page.goto(eventPage);
	await expect(page.getByRole('heading', { level: 1, name: 'Oppstartsseminar' })).toBeVisible();
	await phone.setOffline(true);
	await page.reload();
	const item = page.getByTestId('agenda-item').filter({ hasText: 'Biblioteket i samfunnet' });
	await item.locator('summary').click();
	await expect(item).toContainText('Ingen notater fra denne økten ennå.');
	await item.getByRole('button', { name: 'Nytt notat for denne økten' }).click();
	await expect(page.getByLabel('Tittel')).toHaveValue('Biblioteket i samfunnet');
	await page.getByLabel('Notat', { exact: true }).fill('Uten nett i auditoriet.');
	await expect(page.getByTestId('note-session')).toHaveText(
		'Knyttet til Oppstartsseminar · Biblioteket i samfunnet'
	);
	await page.goBack();
	await page.reload();
	await item.locator('summary').click();
	await expect(item.getByTestId('session-note')).toHaveText([/^Biblioteket i samfunnet/]);
	await expect(whole.getByTestId('session-note')).toHaveCount(2);
	await phone.expectNoA11yViolations();
	await phone.setOffline(false);
	await phone.expectSavedOnServer();

	// Another device of the same account sees the attachments once synced.
	const laptop = await demo.device('deltaker');
	await laptop.page.goto(eventPage);
	const laptopWhole = laptop.page.getByTestId('session-notes').first();
	await expect(laptopWhole.getByTestId('session-note')).toHaveText([
		/^Oppstartsseminar/,
		/^Tanker etter oppstarten/
	]);
	const laptopItem = laptop.page.getByTestId('agenda-item').filter({ hasText: 'Biblioteket i samfunnet' });
	await laptopItem.locator('summary').click();
	await expect(laptopItem.getByTestId('session-note')).toHaveText([/^Biblioteket i samfunnet/]);

	// Detaching on the laptop takes the note off the phone's list too.
	await laptopWhole.getByRole('link', { name: 'Tanker etter oppstarten' }).click();
	await laptop.page.getByRole('button', { name: 'Fjern knytningen' }).click();
	await expect(laptop.page.getByTestId('note-session')).toHaveCount(0);
	await laptop.expectSavedOnServer();
	await expect(whole.getByTestId('session-note')).toHaveText([/^Oppstartsseminar/]);
});
