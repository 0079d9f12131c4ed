import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { expect, openProgramme, test } from './demo';

/**
 * A call to the API from the test (other participants of the cohort answer without a browser).
 * Retried once if the server closed an idle keep-alive connection just as it was reused.
 */
async function call(url: string, method: string, body: unknown, token?: string): Promise<Response> {
	const request = () =>
		fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify(body)
		});
	return request().catch(request);
}

async function login(url: string, email: string, password: string): Promise<string> {
	const response = await call(`${url}/api/auth/login`, 'POST', { email, password });
	return ((await response.json()) as { token: string }).token;
}

test('a participant shares the self-assessment anonymously; the coordinator sees the cohort only from five answers', async ({
	demo
}) => {
	test.setTimeout(120_000);
	const participant = await demo.device('deltaker');
	const page = participant.page;
	await page.goto('/competence');
	const rate = (competence: string, rating: string) =>
		page.getByRole('group', { name: competence }).getByRole('radio', { name: rating, exact: true }).check();
	await page.getByLabel('Dato').fill('2026-02-01');
	await rate('Fasilitering', '2');
	await rate('Retorikk', '4');
	await page.getByRole('button', { name: 'Lagre vurderingen' }).click();

	const share = page.getByTestId('cohort-share');
	await expect(share).toContainText('Du har ikke delt noe.');
	await page.getByRole('button', { name: 'Del min siste vurdering anonymt' }).click();
	await expect(share).toContainText('Du delte vurderingen din');
	await participant.expectNoA11yViolations();

	// The coordinator sees that one has shared, and nothing else.
	const coordinator = await demo.device('koordinator');
	await openProgramme(coordinator.page);
	const cohort = coordinator.page.getByTestId('cohort-competence');
	await expect(cohort).toContainText('1 av minst 5 deltakere har delt.');
	await expect(cohort.locator('table')).toHaveCount(0);

	// Four more participants share (through the API); now the averages show, and no one's answer.
	const emails = [1, 2, 3, 4].map((i) => `kollega${i}@bibliotek.no`);
	for (const [i, email] of emails.entries())
		demo.server.addAccount(email, 'et-langt-passord', `Kollega ${i + 1}`);
	const coordinatorToken = await login(demo.server.url, 'koordinator@demo.lederlogg.no', DEMO_PASSWORD);
	for (const email of emails) {
		const members = `${demo.server.url}/api/programmes/${demo.programmeId}/members`;
		expect((await call(members, 'POST', { email, role: 'participant' }, coordinatorToken)).status).toBe(201);
		const token = await login(demo.server.url, email, 'et-langt-passord');
		const answer = `${demo.server.url}/api/programmes/${demo.programmeId}/surveys/competence/answer`;
		expect((await call(answer, 'PUT', { ratings: { facilitation: 4 } }, token)).status).toBe(204);
	}
	await coordinator.page.reload();
	await expect(cohort).toContainText('5 deltakere har delt sin siste egenvurdering.');
	const row = (name: string) => cohort.getByRole('row', { name: new RegExp(name) });
	await expect(row('Fasilitering')).toContainText('3,6'); // (2 + 4·4) / 5
	await expect(row('Fasilitering')).toContainText('5');
	await expect(row('Retorikk')).toContainText('1');
	// By the programme's list: a competence no one has rated is there too, without an average.
	await expect(row('Didaktikk').getByRole('cell')).toHaveText(['–', '0']);
	await coordinator.expectNoA11yViolations();

	// Taking it back hides the cohort again (four left).
	await page.getByRole('button', { name: 'Trekk tilbake' }).click();
	await expect(share).toContainText('Du har ikke delt noe.');
	await coordinator.page.reload();
	await expect(cohort).toContainText('4 av minst 5 deltakere har delt.');
});
