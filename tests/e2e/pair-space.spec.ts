import type { Page } from '@playwright/test';
import { expect, test, type Demo, call, login } from './demo';

// Its own scheme, beside the demo's 'Mentorordningen 2026–2027'.
const SCHEME = 'Mentorordningen for skolebibliotek 2026–2027';

/**
 * Over the documented API: the coordinator makes a scheme, takes Kari in as participant and
 * Sigrid as mentor, and pairs them. Answers the pair's id.
 */
async function createPair(demo: Demo): Promise<string> {
	const coordinator = await login(demo, 'koordinator');
	const api = (path: string, method: string, body?: unknown) =>
		call(`${demo.server.url}/api${path}`, method, body, coordinator.token);
	const scheme = await api('/programmes', 'POST', { name: SCHEME, kind: 'mentor-scheme' });
	expect(scheme.status).toBe(201);
	const { id: schemeId } = (await scheme.json()) as { id: string };
	for (const [email, role] of [
		['deltaker@demo.lederlogg.no', 'participant'],
		['mentor@demo.lederlogg.no', 'mentor']
	])
		expect((await api(`/programmes/${schemeId}/members`, 'POST', { email, role })).status).toBe(201);
	const [kari, sigrid] = await Promise.all([login(demo, 'deltaker'), login(demo, 'mentor')]);
	const pair = await api(`/programmes/${schemeId}/pairs`, 'POST', { mentorId: sigrid.id, menteeId: kari.id });
	expect(pair.status).toBe(201);
	return ((await pair.json()) as { id: string }).id;
}

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

test('a new pair is told to both; they write and sign the agreement on two devices (one offline), evaluate, and only the two open it', async ({
	demo
}) => {
	test.setTimeout(240_000);
	const pairId = await createPair(demo);
	const kari = await demo.device('deltaker');
	const sigrid = await demo.device('mentor');

	// Both are told on the home page, in a polite live region, with "Åpne" and "Skjul".
	const told = kari.page.getByTestId('pair-announcement');
	await expect(told).toContainText(`Du er koblet med Sigrid Berg som mentor i ${SCHEME}.`);
	await expect(kari.page.getByRole('status', { name: 'Nye mentorpar' })).toHaveAttribute(
		'aria-live',
		'polite'
	);
	await expect(sigrid.page.getByTestId('pair-announcement')).toContainText(
		`Du er koblet med Kari Nordmann som adept i ${SCHEME}.`
	);
	await expect(
		kari.page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mentor' })
	).toBeVisible();
	await kari.expectNoA11yViolations();
	// Kari hides it: it stays hidden on this device after a reload.
	await kari.page.getByRole('button', { name: 'Skjul meldingen om paret med Sigrid Berg' }).click();
	await expect(told).toHaveCount(0);
	await kari.page.reload();
	await expect(kari.page.getByRole('heading', { name: 'Notater' })).toBeVisible();
	await expect(
		kari.page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mentor' })
	).toBeVisible();
	await expect(told).toHaveCount(0);
	// Sigrid opens it from the message.
	await sigrid.page.getByRole('link', { name: 'Åpne paret med Kari Nordmann' }).click();
	await expect(sigrid.page.getByRole('heading', { level: 1, name: 'Adept: Kari Nordmann' })).toBeVisible();
	await expect(sigrid.page.getByTestId('pair-roles')).toHaveText(
		`Du er mentor, og Kari Nordmann er adepten din, i ${SCHEME}.`
	);

	// Kari finds it under "Mentor": active pairs first.
	await kari.page
		.getByRole('navigation', { name: 'Hovedmeny' })
		.getByRole('link', { name: 'Mentor' })
		.click();
	await expect(kari.page.getByRole('heading', { level: 2, name: 'Pågående' })).toBeVisible();
	await kari.expectNoA11yViolations();
	await kari.page.getByRole('link', { name: 'Mentor: Sigrid Berg' }).click();
	await expect(kari.page.getByRole('heading', { level: 1, name: 'Mentor: Sigrid Berg' })).toBeVisible();
	await expect(kari.page.getByRole('navigation', { name: 'Mentorparet' }).getByRole('link')).toHaveText([
		'Avtale',
		'Møter',
		'Evaluering'
	]);

	// An empty agreement starts from the suggestions; both edit it live.
	await kari.page.getByRole('button', { name: 'Bruk forslag' }).click();
	await expect(field(kari.page, 'Fortrolighet')).toHaveValue(/^Det vi snakker om, blir mellom oss\./);
	await expect(field(sigrid.page, 'Fortrolighet')).toHaveValue(/^Det vi snakker om, blir mellom oss\./);
	await expect(sigrid.page.getByRole('button', { name: 'Bruk forslag' })).toHaveCount(0);
	await field(sigrid.page, 'Mål').fill('Kari vil bli tryggere i personalsaker.');
	await expect(field(kari.page, 'Mål')).toHaveValue('Kari vil bli tryggere i personalsaker.');
	await field(kari.page, 'Mål').press('End');
	await field(kari.page, 'Mål').pressSequentially(' Og lede endring.');
	await expect(field(sigrid.page, 'Mål')).toHaveValue(
		'Kari vil bli tryggere i personalsaker. Og lede endring.'
	);

	// Kari signs; Sigrid then changes how often they meet: the signature says so on both devices.
	await kari.page.getByRole('button', { name: 'Signer avtalen' }).click();
	await expect(kari.page.getByTestId('signature-mentee')).toContainText('Signert av Kari Nordmann');
	await expect(sigrid.page.getByTestId('signature-mentee')).toContainText('Signert av Kari Nordmann');
	await expect(sigrid.page.getByTestId('signature-summary')).toHaveText('1 av 2 har signert');
	await field(sigrid.page, 'Hvor ofte og hvor lenge').fill('Annenhver uke, en time.');
	for (const device of [kari, sigrid]) {
		await expect(device.page.getByTestId('signature-mentee')).toContainText('endret etter signering');
		await expect(device.page.getByTestId('signature-summary')).toHaveText('0 av 2 har signert');
	}
	await kari.page.getByRole('button', { name: 'Signer på nytt' }).click();
	await expect(sigrid.page.getByTestId('signature-mentee')).not.toContainText('endret etter signering');
	await sigrid.expectSavedOnServer();

	// Sigrid signs on the ferry (offline): on her device at once, on Kari's once she is back.
	await sigrid.setOffline(true);
	await sigrid.page.getByRole('button', { name: 'Signer avtalen' }).click();
	await expect(sigrid.page.getByTestId('signature-summary')).toHaveText('Begge har signert');
	await kari.page.waitForTimeout(1500);
	await expect(kari.page.getByTestId('signature-summary')).toHaveText('1 av 2 har signert');
	await sigrid.setOffline(false);
	for (const device of [kari, sigrid]) {
		await expect(device.page.getByTestId('signature-summary')).toHaveText('Begge har signert', {
			timeout: 30_000
		});
		// Names and times (Oslo time, in words).
		await expect(device.page.getByTestId('signature-mentee')).toContainText(
			/✓ Signert av Kari Nordmann .*\d\d:\d\d/
		);
		await expect(device.page.getByTestId('signature-mentor')).toContainText(
			/✓ Signert av Sigrid Berg .*\d\d:\d\d/
		);
	}
	await sigrid.expectSavedOnServer();
	await kari.expectNoA11yViolations();

	// The evaluation: Kari writes and submits hers; Sigrid reads it, read-only, and writes her own.
	await kari.page
		.getByRole('navigation', { name: 'Mentorparet' })
		.getByRole('link', { name: 'Evaluering' })
		.click();
	await field(kari.page, 'Hva fungerte godt?').fill('Samtalene om personalansvar.');
	await kari.page.getByRole('radio', { name: '4' }).check();
	await kari.expectNoA11yViolations();
	await kari.page.getByRole('button', { name: 'Lever evalueringen' }).click();
	await expect(kari.page.getByTestId('evaluation-mine')).toContainText('Nytte: 4 av 5');
	await expect(kari.page.getByTestId('evaluation-other-missing')).toHaveText(
		'Sigrid Berg har ikke levert evalueringen ennå.'
	);
	await sigrid.page
		.getByRole('navigation', { name: 'Mentorparet' })
		.getByRole('link', { name: 'Evaluering' })
		.click();
	const karis = sigrid.page.getByTestId('evaluation-other');
	await expect(karis).toContainText('Samtalene om personalansvar.');
	await expect(karis).toContainText('Nytte: 4 av 5');
	await expect(karis.getByRole('textbox')).toHaveCount(0);
	await field(sigrid.page, 'Hva har du lært?').fill('Å lytte mer enn jeg snakker.');
	await sigrid.page.getByRole('radio', { name: '5 – svært nyttig' }).check();
	await sigrid.page.getByRole('button', { name: 'Lever evalueringen' }).click();
	await expect(kari.page.getByTestId('evaluation-other')).toContainText('Å lytte mer enn jeg snakker.');
	await expect(kari.page.getByTestId('evaluation-other')).toContainText('Nytte: 5 av 5');
	await sigrid.expectSavedOnServer();
	await sigrid.expectNoA11yViolations();

	// The coordinator cannot open the pair: the page says only the two do, and the room refuses.
	const coordinator = await demo.device('koordinator');
	await coordinator.page.goto(`/pairs/${pairId}`);
	await expect(coordinator.page.getByTestId('pair-refused')).toHaveText(
		'Bare mentoren og adepten i paret kan åpne det. Koordinatoren ser at paret møtes, men ikke hva de skriver.'
	);
	await expect(coordinator.page.getByRole('textbox')).toHaveCount(0);
	await coordinator.expectNoA11yViolations();
	const { token } = await login(demo, 'koordinator');
	const code = await coordinator.page.evaluate(
		({ room, token }) =>
			new Promise<number>((resolve) => {
				const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/sync/${room}?token=${token}`);
				ws.onclose = (event) => resolve(event.code);
			}),
		{ room: `pair:${pairId}`, token }
	);
	expect(code).toBe(4403);
	const copies = await coordinator.page.evaluate(async () =>
		(await indexedDB.databases()).map((db) => db.name).filter((name) => name?.includes('pair:'))
	);
	expect(copies).toEqual([]);

	// The coordinator ends the pair: Kari's open page turns read-only, and the agreement stays on her device.
	expect((await call(`${demo.server.url}/api/pairs/${pairId}`, 'DELETE', undefined, token)).status).toBe(204);
	await kari.page
		.getByRole('navigation', { name: 'Mentorparet' })
		.getByRole('link', { name: 'Avtale' })
		.click();
	await expect(kari.page.getByTestId('pair-ended')).toContainText(/Paret ble avsluttet \d+\. \w+ \d{4}\./, {
		timeout: 30_000
	});
	await expect(kari.page.getByRole('textbox')).toHaveCount(0);
	await expect(kari.page.getByTestId('agreement-goals')).toContainText('Og lede endring.');
	await expect(kari.page.getByRole('button', { name: /Signer/ })).toHaveCount(0);
	await kari.page.reload();
	await expect(kari.page.getByTestId('pair-ended')).toBeVisible();
	await expect(kari.page.getByTestId('agreement-confidentiality')).toContainText(
		'Det vi snakker om, blir mellom oss.'
	);
	await expect(kari.page.getByTestId('signature-summary')).toHaveText('Begge har signert');
	await kari.expectNoA11yViolations();
	await kari.page.goto('/pairs');
	await expect(kari.page.getByRole('heading', { level: 2, name: 'Avsluttet' })).toBeVisible();
	await expect(kari.page.getByTestId('my-pair')).toContainText(/Avsluttet \d+\. \w+ \d{4}/);
});
