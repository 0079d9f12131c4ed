import { expect, test } from './demo';

test('a participant shares the training plan read-only with the coach, who reads it live and offline until it is unshared', async ({
	demo
}) => {
	test.setTimeout(150_000);
	const participant = await demo.device('deltaker', { install: true });
	const page = participant.page;

	// The plan is made offline, as always; sharing waits for a connection.
	await participant.setOffline(true);
	await page.goto('/plan/goals/new');
	await page.getByLabel('Tittel').fill('Bedre møtekultur');
	await page.getByLabel('Hvorfor er dette viktig for deg?').fill('Møtene våre er for lange.');
	await page.getByRole('button', { name: 'Lagre målet' }).click();
	await expect(page.getByText('«Bedre møtekultur» er lagret på enheten.')).toBeVisible();
	await page.goto('/plan');
	const share = page.getByTestId('plan-share');
	await expect(share.getByRole('alert')).toHaveText('Deling krever nett. Prøv igjen når du har forbindelse.');

	await participant.setOffline(false);
	await page.reload();
	await expect(share.getByTestId('share-state')).toHaveText('Ikke delt med Per Hansen.');
	await share.getByRole('button', { name: 'Del med Per Hansen' }).click();
	await expect(share.getByTestId('share-state')).toHaveText('Delt med Per Hansen, som kan lese.');
	await participant.expectSavedOnServer();
	await participant.expectNoA11yViolations();

	// The coach finds it under "Min utvikling" → "Delt med meg", and cannot change anything.
	const coach = await demo.device('veileder', { install: true });
	const coachPage = coach.page;
	await coachPage.setViewportSize({ width: 390, height: 844 });
	await coachPage.goto('/development');
	await coachPage.getByRole('link', { name: /Delt med meg/ }).click();
	await coachPage.getByRole('link', { name: 'Treningsplanen til Kari Nordmann' }).click();
	await expect(
		coachPage.getByRole('heading', { name: 'Treningsplanen til Kari Nordmann', level: 1 })
	).toBeVisible();
	const ownerId = new URL(coachPage.url()).pathname.split('/').pop();
	const goal = coachPage.getByTestId('shared-goal');
	await expect(goal).toContainText('Bedre møtekultur');
	await expect(goal).toContainText('Møtene våre er for lange.');
	await expect(coachPage.getByText('Bare Kari Nordmann kan endre planen.', { exact: false })).toBeVisible();
	await expect(coachPage.locator('main').getByRole('textbox')).toHaveCount(0);
	await expect(coachPage.locator('main').getByRole('checkbox')).toHaveCount(0);
	await coach.expectNoA11yViolations();

	// The participant's next change reaches the coach while both are open.
	await page.getByRole('button', { name: 'Legg til milepæl' }).click();
	await page.getByRole('textbox', { name: 'Milepæl' }).fill('Presentere for personalet');
	await page.getByLabel('Dato', { exact: true }).fill('2027-02-01');
	await page.getByRole('button', { name: 'Lagre', exact: true }).click();
	await expect(coachPage.getByText('Presentere for personalet')).toBeVisible({ timeout: 15_000 });

	// The coach reads it offline too, after a reload.
	await coach.setOffline(true);
	await coachPage.reload();
	await expect(goal).toContainText('Bedre møtekultur');
	await expect(coachPage.getByText('Presentere for personalet')).toBeVisible();
	await coach.setOffline(false);
	await coachPage.reload();
	await expect(goal).toContainText('Bedre møtekultur');

	// Unsharing: the coach is told at once, and the copy leaves the coach's device.
	await share.getByRole('button', { name: 'Slutt å dele med Per Hansen' }).click();
	await expect(share.getByTestId('share-state')).toHaveText('Ikke delt med Per Hansen.');
	await expect(coachPage.getByTestId('shared-removed')).toHaveText(
		'Kari Nordmann deler ikke lenger dette med deg. Kopien på denne enheten er slettet.'
	);
	await expect(coachPage.getByTestId('shared-goal')).toHaveCount(0);
	await coach.setOffline(true);
	await coachPage.goto('/shared');
	await expect(coachPage.getByText('Ingen har delt noe med deg ennå.')).toBeVisible();
	// (The coach's own plan has its copy too; Kari's is gone.)
	const stored = await coachPage.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
	expect(stored).toContain(`lederlogg-workspace`);
	expect(stored).not.toContain(`lederlogg-room:user:${ownerId}:plan`);
});
