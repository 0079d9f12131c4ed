import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { zonedToUtc } from '../../src/lib/domain/zoned-time.ts';
import { expect, test, call } from './demo';

/** The calendar date in Oslo `days` from now ("2026-05-12"). */
const osloDate = (days: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(Date.now() + days * 86_400_000);

/** "20260512T160000Z" */
const icsUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

async function downloadIcs(page: Page, click: () => Promise<void>) {
	const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('a colloquium group keeps a meeting log: one member plans a meeting with an agenda, another ticks attendance and adds an agreement offline, both see all of it', async ({
	demo
}) => {
	test.setTimeout(240_000);
	const url = demo.server.url;

	// The coordinator makes a group of two participants over the API.
	const login = await call(`${url}/api/auth/login`, 'POST', {
		email: 'koordinator@demo.lederlogg.no',
		password: DEMO_PASSWORD
	});
	const { token } = (await login.json()) as { token: string };
	const { members } = (await (
		await call(`${url}/api/programmes/${demo.programmeId}/members`, 'GET', undefined, token)
	).json()) as { members: { userId: string; email: string }[] };
	const idOf = (email: string) => members.find((m) => m.email === email)!.userId;
	const created = await call(
		`${url}/api/programmes/${demo.programmeId}/groups`,
		'POST',
		{
			name: 'Lesesirkelen i Nordland',
			memberIds: [idOf('deltaker@demo.lederlogg.no'), idOf('mentor@demo.lederlogg.no')]
		},
		token
	);
	expect(created.status).toBe(201);
	const { id: groupId } = (await created.json()) as { id: string };
	const path = `/groups/${groupId}/meetings`;

	// Member A (Kari) opens the log: nothing planned yet.
	const kari = await demo.device('deltaker', { install: true });
	const page = kari.page;
	await page.getByRole('link', { name: 'Grupper', exact: true }).click();
	await page.getByRole('link', { name: 'Lesesirkelen i Nordland' }).click();
	await page.getByRole('navigation', { name: 'Gruppen' }).getByRole('link', { name: 'Møter' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
	await expect(page.getByRole('heading', { name: 'Lesesirkelen i Nordland', level: 1 })).toBeVisible();
	const next = page.getByTestId('next-meeting');
	await expect(next.getByRole('heading', { name: 'Neste møte', level: 2 })).toBeVisible();
	await expect(next).toContainText('Ingen møter er planlagt.');

	// The form says what is wrong with each field, and moves to the first.
	const plan = page.getByTestId('meeting-form');
	await plan.getByLabel('Varighet (minutter)').fill('5');
	await plan.getByLabel('Sted').fill('x'.repeat(201));
	await plan.getByRole('button', { name: 'Lagre møtet' }).click();
	await expect(plan.getByText('Velg en dato.')).toBeVisible();
	await expect(plan.getByText('Skriv klokkeslettet som TT:MM, for eksempel 18:00.')).toBeVisible();
	await expect(plan.getByText('Skriv et helt antall minutter fra 15 til 600.')).toBeVisible();
	await expect(plan.getByText('Stedet kan være høyst 200 tegn.')).toBeVisible();
	await expect(plan.getByLabel('Dato')).toBeFocused();
	await expect(plan.getByLabel('Dato')).toHaveAttribute('aria-invalid', 'true');

	// A meeting in a week, on video.
	const date = osloDate(7);
	await plan.getByLabel('Dato').fill(date);
	await plan.getByLabel('Klokkeslett').fill('18:00');
	await plan.getByLabel('Varighet (minutter)').fill('90');
	await plan.getByLabel('Sted').fill('https://meet.example.no/lesesirkel');
	await plan.getByRole('button', { name: 'Lagre møtet' }).click();
	await expect(plan.getByLabel('Dato')).toHaveValue('');
	await expect(next.getByRole('heading', { level: 3 })).toContainText('18:00');
	await expect(next.getByRole('link', { name: 'https://meet.example.no/lesesirkel' })).toBeVisible();

	// And one held last week, recorded afterwards: it goes under the past meetings.
	await plan.getByLabel('Dato').fill(osloDate(-7));
	await plan.getByLabel('Klokkeslett').fill('18:00');
	await plan.getByLabel('Sted').fill('Bodø bibliotek');
	await plan.getByRole('button', { name: 'Lagre møtet' }).click();
	const past = page.getByTestId('past-meetings');
	await expect(past.getByTestId('meeting')).toHaveCount(1);
	await expect(past.getByTestId('attendance-count')).toHaveText('0 av 2 til stede');
	// Its details are folded away.
	const pastBoxes = past.getByRole('checkbox', { includeHidden: true });
	await expect(pastBoxes).toHaveCount(2);
	await expect(pastBoxes.first()).toBeHidden();

	// The agenda of the next meeting: three items, the last moved up.
	for (const text of ['Runde rundt bordet', 'Kapittel 4 i pensum', 'Neste samling']) {
		await next.getByLabel('Ny sak').fill(text);
		await next.getByRole('button', { name: 'Legg til saken' }).click();
	}
	await next.getByRole('button', { name: 'Flytt «Neste samling» opp' }).click();
	await expect(next.getByRole('button', { name: 'Flytt «Neste samling» opp' })).toBeFocused();
	const agenda = next.getByTestId('meeting-agenda').getByRole('listitem');
	await expect(agenda).toHaveText([/Runde rundt bordet/, /Neste samling/, /Kapittel 4 i pensum/]);
	await kari.expectSavedOnServer();
	await kari.expectNoA11yViolations();

	// Member B (Sigrid) sees the meeting and its agenda.
	const sigrid = await demo.device('mentor', { install: true });
	const other = sigrid.page;
	await other.goto(path);
	const otherNext = other.getByTestId('next-meeting');
	await expect(otherNext.getByTestId('meeting-agenda').getByRole('listitem')).toHaveText(
		[/Runde rundt bordet/, /Neste samling/, /Kapittel 4 i pensum/],
		{ timeout: 15_000 }
	);
	await expect(otherNext.getByRole('checkbox', { name: 'Sigrid Berg (deg)' })).not.toBeChecked();

	// Offline, she ticks herself and writes down an agreement, while Kari ticks herself online.
	await sigrid.setOffline(true);
	await otherNext.getByRole('checkbox', { name: 'Sigrid Berg (deg)' }).check();
	await expect(otherNext.getByTestId('attendance-summary')).toHaveText('1 av 2 til stede');
	await otherNext.getByLabel('Hva ble dere enige om?').fill('Alle leser kapittel 5 til neste gang');
	await otherNext.getByLabel('Hvem følger opp').selectOption({ label: 'Kari Nordmann' });
	await otherNext.getByLabel('Frist (valgfri)').fill(osloDate(6));
	await otherNext.getByRole('button', { name: 'Legg til avtalen' }).click();
	const otherAgreements = otherNext.getByTestId('meeting-agreements');
	await expect(otherAgreements).toContainText('Alle leser kapittel 5 til neste gang');
	await expect(otherAgreements).toContainText('Følges opp av Kari Nordmann');
	await expect(sigrid.syncStatus()).not.toHaveAttribute('data-kind', 'saved');

	await next.getByRole('checkbox', { name: 'Kari Nordmann (deg)' }).check();
	await expect(next.getByTestId('attendance-summary')).toHaveText('1 av 2 til stede');
	await kari.expectSavedOnServer();
	await expect(next.getByTestId('meeting-agreements')).toHaveCount(0);

	// Back online: both ticks and the agreement are everywhere.
	await sigrid.setOffline(false);
	await sigrid.expectSavedOnServer();
	for (const scope of [next, otherNext]) {
		await expect(scope.getByTestId('attendance-summary')).toHaveText('2 av 2 til stede', { timeout: 15_000 });
		await expect(scope.getByRole('checkbox', { checked: true })).toHaveCount(2);
		await expect(scope.getByTestId('meeting-agreements')).toContainText(
			'Alle leser kapittel 5 til neste gang'
		);
	}
	await sigrid.expectNoA11yViolations();

	// The next meeting as a calendar file: a stable UID, UTC times, the agenda as the description.
	const ics = await downloadIcs(page, () =>
		next.getByRole('button', { name: /^Legg i kalenderen \(\.ics\)/ }).click()
	);
	expect(ics.name).toBe(`lesesirkelen-i-nordland-${date}.ics`);
	const start = zonedToUtc(`${date}T18:00`, 'Europe/Oslo');
	expect(ics.text).toMatch(new RegExp(`UID:[A-Za-z0-9_-]+\\.${groupId}@lederlogg`));
	expect(ics.text).toContain('SUMMARY:Lesesirkelen i Nordland: kollokviemøte');
	expect(ics.text).toContain(`DTSTART:${icsUtc(start)}`);
	expect(ics.text).toContain(`DTEND:${icsUtc(start + 90 * 60_000)}`);
	expect(ics.text.replace(/\r\n /g, '')).toContain(
		'DESCRIPTION:1. Runde rundt bordet\\n2. Neste samling\\n3. Kapittel 4 i pensum'
	);

	// The past meeting opens to show its details.
	await past.getByText('Vis saksliste, oppmøte og avtaler').click();
	await expect(past.getByRole('checkbox', { name: 'Kari Nordmann (deg)' })).toBeVisible();
	await kari.expectNoA11yViolations();
});
