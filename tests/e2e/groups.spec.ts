import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { expect, openProgramme, test, type Demo, call, login } from './demo';

/** Creates a group over the documented API; answers its id. */
async function createGroup(demo: Demo, name: string, members: string[]): Promise<string> {
	const coordinator = await login(demo, 'koordinator');
	const memberIds = await Promise.all(members.map(async (role) => (await login(demo, role)).id));
	const response = await call(
		`${demo.server.url}/api/programmes/${demo.programmeId}/groups`,
		'POST',
		{ name, memberIds },
		coordinator.token
	);
	expect(response.status).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

const editor = (page: Page) => page.locator('.rich-text-content');

/** Puts the caret at the end of the page's first paragraph. */
async function caretAtEndOfFirstParagraph(page: Page) {
	await editor(page).locator('p').first().click();
	await page.keyboard.press('End');
}

test('three members co-edit a page live: who is here, cursors with names, simultaneous and offline typing merge', async ({
	demo
}) => {
	test.setTimeout(180_000);
	// The coordinator puts the group together on the programme's "Grupper" page.
	const coordinator = await demo.device('koordinator');
	await openProgramme(coordinator.page);
	await coordinator.page
		.getByRole('navigation', { name: 'Programmet' })
		.getByRole('link', { name: 'Grupper' })
		.click();
	await coordinator.page.getByRole('button', { name: 'Ny gruppe' }).click();
	await coordinator.page.getByLabel('Navn på gruppen').fill('Kollokvium nord');
	for (const name of ['Kari Nordmann', 'Per Hansen', 'Sigrid Berg'])
		await coordinator.page.getByRole('checkbox', { name: new RegExp(name) }).check();
	await coordinator.page.getByRole('button', { name: 'Opprett gruppen' }).click();
	await expect(coordinator.page.getByTestId('programme-group')).toContainText('3 medlemmer');
	await coordinator.expectNoA11yViolations();

	const kari = await demo.device('deltaker');
	// Per's device counts the presence frames it sends on the group's socket.
	const per = await demo.newDevice();
	const presenceSent: number[] = [];
	per.page.on('websocket', (socket) => {
		if (!socket.url().includes('/sync/group:')) return;
		socket.on('framesent', ({ payload }) => {
			if (typeof payload !== 'string' && payload[0] === 1) presenceSent.push(Date.now());
		});
	});
	await per.signIn({ email: 'veileder@demo.lederlogg.no', password: DEMO_PASSWORD, name: 'Per Hansen' });
	const sigrid = await demo.device('mentor');

	// Kari opens the group from "Grupper" and starts a page.
	await kari.page.getByRole('link', { name: 'Grupper', exact: true }).click();
	await kari.page.getByRole('link', { name: 'Kollokvium nord' }).click();
	await expect(kari.page.getByRole('heading', { level: 1, name: 'Kollokvium nord' })).toBeVisible();
	await kari.page.getByLabel('Tittel på ny side').fill('Møte 1: selvbetjening');
	await kari.page.getByRole('button', { name: 'Ny side' }).click();
	await expect(kari.page.getByRole('heading', { name: 'Møte 1: selvbetjening' })).toBeVisible();
	await editor(kari.page).click();
	await kari.page.keyboard.type('Felles avsnitt:');
	const pageUrl = new URL(kari.page.url()).pathname;

	for (const other of [per, sigrid]) {
		await other.page.goto('/groups');
		await other.page.getByRole('link', { name: 'Kollokvium nord' }).click();
		await other.page.getByRole('link', { name: 'Møte 1: selvbetjening' }).click();
		await expect(editor(other.page)).toContainText('Felles avsnitt:');
	}
	expect(new URL(per.page.url()).pathname).toBe(pageUrl);

	// Who is here, in words, on every device.
	await expect(kari.page.getByRole('status').filter({ hasText: '2 andre er her nå' })).toBeVisible();
	await expect(kari.page.getByTestId('present-person')).toHaveText([/Per Hansen/, /Sigrid Berg/]);
	await expect(per.page.getByTestId('present-person')).toHaveText([/Kari Nordmann/, /Sigrid Berg/]);

	// Cursors carry names: Per sees Kari's caret labelled with her name, and Kari sees his.
	await caretAtEndOfFirstParagraph(kari.page);
	await kari.page.keyboard.type(' K');
	await caretAtEndOfFirstParagraph(per.page);
	await per.page.keyboard.type(' P');
	await expect(per.page.locator('.ProseMirror-yjs-cursor-name', { hasText: 'Kari Nordmann' })).toBeVisible();
	await expect(kari.page.locator('.ProseMirror-yjs-cursor-name', { hasText: 'Per Hansen' })).toBeVisible();

	// Per's device sends only his own presence, never an echo of Kari's moves back to the server.
	await per.page.keyboard.press('End');
	const sentBefore = presenceSent.length;
	await caretAtEndOfFirstParagraph(kari.page);
	// Kari's caret walks ten characters left: ten presence changes reach Per.
	for (let i = 0; i < 10; i++) await kari.page.keyboard.press('ArrowLeft', { delay: 40 });
	await per.page.waitForTimeout(800);
	expect(presenceSent.length - sentBefore).toBeLessThanOrEqual(1);

	// Simultaneous typing in the same paragraph (Kari at its end, Per at its start) converges to
	// one text with both, every word whole.
	await caretAtEndOfFirstParagraph(kari.page);
	await editor(per.page).locator('p').first().click();
	await per.page.keyboard.press('Home');
	await Promise.all([
		kari.page.keyboard.type(' alfa alfa alfa', { delay: 30 }),
		per.page.keyboard.type('beta beta beta ', { delay: 30 })
	]);
	for (const device of [kari, per, sigrid]) {
		await expect(editor(device.page)).toContainText('alfa alfa alfa');
		await expect(editor(device.page)).toContainText('beta beta beta');
	}
	// Both at the very same spot (the end of the paragraph): the words stay whole too.
	await caretAtEndOfFirstParagraph(kari.page);
	await caretAtEndOfFirstParagraph(per.page);
	await Promise.all([
		kari.page.keyboard.type(' ekko ekko ekko', { delay: 30 }),
		per.page.keyboard.type(' sol sol sol', { delay: 30 })
	]);
	for (const device of [kari, per, sigrid]) {
		await expect(editor(device.page)).toContainText('ekko ekko ekko');
		await expect(editor(device.page)).toContainText('sol sol sol');
	}

	// The text each device shows, without the others' cursor labels (they differ per device).
	const textOf = (page: Page) =>
		editor(page).evaluate((root) => {
			const copy = root.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((cursor) => cursor.remove());
			return copy.textContent;
		});
	const converged = async () => Promise.all([kari, per, sigrid].map((d) => textOf(d.page)));
	await expect.poll(async () => new Set(await converged()).size).toBe(1);

	// Sigrid goes offline (a ferry) and writes in the same paragraph while Kari goes on online.
	await sigrid.setOffline(true);
	await expect(kari.page.getByTestId('present-person')).toHaveText([/Per Hansen/], { timeout: 45_000 });
	await caretAtEndOfFirstParagraph(sigrid.page);
	await sigrid.page.keyboard.type(' gamma fra ferja');
	await caretAtEndOfFirstParagraph(kari.page);
	await kari.page.keyboard.type(' delta på land');
	await expect(editor(per.page)).toContainText('delta på land');
	await expect(editor(per.page)).not.toContainText('gamma fra ferja');
	await sigrid.setOffline(false);
	for (const device of [kari, per, sigrid]) {
		for (const words of [
			'Felles avsnitt:',
			'alfa alfa alfa',
			'beta beta beta',
			'gamma fra ferja',
			'delta på land'
		])
			await expect(editor(device.page)).toContainText(words, { timeout: 30_000 });
	}
	await expect.poll(async () => new Set(await converged()).size).toBe(1);
	await expect(kari.page.getByTestId('present-person')).toHaveText([/Per Hansen/, /Sigrid Berg/], {
		timeout: 30_000
	});
	await kari.expectSavedOnServer();
	await kari.expectNoA11yViolations();
	await per.page.goto('/groups');
	await per.expectNoA11yViolations();
});

test('a member taken out of a group loses it at once, on the open page and in the list', async ({ demo }) => {
	test.setTimeout(120_000);
	const groupId = await createGroup(demo, 'Kollokvium sør', ['deltaker', 'mentor']);
	const sigrid = await demo.device('mentor');
	await sigrid.page.goto(`/groups/${groupId}`);
	await expect(sigrid.page.getByRole('heading', { level: 1, name: 'Kollokvium sør' })).toBeVisible();
	await sigrid.page.getByRole('button', { name: 'Ny side' }).click();
	await editor(sigrid.page).click();
	await sigrid.page.keyboard.type('Mitt bidrag');
	await sigrid.expectSavedOnServer();

	const coordinator = await demo.device('koordinator');
	await coordinator.page.goto(`/programmes/${demo.programmeId}/groups`);
	await coordinator.page.getByRole('button', { name: 'Endre Kollokvium sør' }).click();
	await coordinator.page.getByRole('checkbox', { name: /Sigrid Berg/ }).uncheck();
	await coordinator.page.getByRole('button', { name: 'Lagre gruppen' }).click();
	await expect(coordinator.page.getByTestId('programme-group')).toContainText('1 medlem');

	// The server closed her socket: the page says so and the copy leaves her device.
	await expect(sigrid.page.getByRole('alert')).toContainText('Du er ikke lenger med i denne gruppen');
	await sigrid.page.goto('/groups');
	await expect(sigrid.page.getByText('Du er ikke med i noen kollokviegruppe ennå.')).toBeVisible();
	// Deleting a database is asynchronous (and a reload may cut it off; the list from the server sweeps it then).
	await expect
		.poll(() =>
			sigrid.page.evaluate(async () =>
				(await indexedDB.databases()).map((db) => db.name).filter((name) => name?.includes('group:'))
			)
		)
		.toEqual([]);
	// And the server refuses her for good, even with a valid token.
	const { token } = await login(demo, 'mentor');
	expect((await call(`${demo.server.url}/api/groups/${groupId}`, 'GET', undefined, token)).status).toBe(403);
});

test('sharing a note into a group copies it with attribution; the original stays private and unchanged', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const groupId = await createGroup(demo, 'Kollokvium vest', ['deltaker', 'veileder']);
	const kari = await demo.device('deltaker');
	const noteId = await kari.writeNote('Lånekortautomaten', 'Vi prøver selvbetjening på lørdager.');
	await kari.page.getByRole('button', { name: 'Del i kollokviegruppe' }).click();
	await expect(kari.page.getByLabel('Gruppe', { exact: true })).toContainText('Kollokvium vest');
	await kari.page.getByRole('button', { name: 'Del en kopi' }).click();
	await expect(
		kari.page.getByText('En kopi er delt i Kollokvium vest. Notatet ditt er fortsatt privat.')
	).toBeVisible();
	await kari.expectSavedOnServer();

	const per = await demo.device('veileder');
	await per.page.goto(`/groups/${groupId}`);
	await per.page.getByRole('link', { name: 'Lånekortautomaten' }).click();
	await expect(per.page.getByTestId('shared-from')).toContainText(
		'Kopi av notatet «Lånekortautomaten» fra Kari Nordmann'
	);
	await expect(editor(per.page)).toContainText('Vi prøver selvbetjening på lørdager.');
	await editor(per.page).click();
	await per.page.keyboard.press('Control+End');
	await per.page.keyboard.type(' Per la til dette.');
	await per.expectSavedOnServer();
	await per.expectNoA11yViolations();

	// Kari's own note is unchanged, and Per cannot reach it: it never left her private workspace.
	await kari.page.goto(`/notes/${noteId}`);
	await expect(editor(kari.page)).toHaveText('Vi prøver selvbetjening på lørdager.');
	await per.page.goto(`/notes/${noteId}`);
	await expect(per.page.locator('.rich-text-content')).toHaveCount(0);
	const { token } = await login(demo, 'veileder');
	const kariId = (await login(demo, 'deltaker')).id;
	const socket = await per.page.evaluate(
		({ room, token }) =>
			new Promise<number>((resolve) => {
				const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/sync/${room}?token=${token}`);
				ws.onclose = (event) => resolve(event.code);
			}),
		{ room: `user:${kariId}`, token }
	);
	expect(socket).toBe(4403);
	await kari.expectNoA11yViolations();
});
