import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { replaceFragment } from '../../src/lib/sync/rich-text-json.ts';
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

const paragraph = (text: string) => ({
	type: 'paragraph' as const,
	content: [{ type: 'text' as const, text }]
});
const list = (...texts: string[]) => ({
	type: 'bullet_list' as const,
	content: texts.map((text) => ({ type: 'list_item' as const, content: [paragraph(text)] }))
});

/** The coordinator writes the scheme's guides into its programme document, as the guides page would. */
async function writeGuides(serverUrl: string, schemeId: string, token: string) {
	const connect = () => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(
			`${serverUrl.replace(/^http/, 'ws')}/sync`,
			`programme:${schemeId}`,
			doc,
			{
				params: { token },
				WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			}
		);
		const synced = new Promise<void>((resolve) => provider.once('sync', (ok: boolean) => ok && resolve()));
		return { doc, provider, synced };
	};
	const writer = connect();
	await writer.synced;
	replaceFragment(
		writer.doc.getXmlFragment('guide:topics'),
		{
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Oppstart' }] },
				list('Forventninger til mentorordningen', 'Taushetsplikt og fortrolighet')
			]
		},
		'coordinator'
	);
	replaceFragment(
		writer.doc.getXmlFragment('guide:questions'),
		{ type: 'doc', content: [list('Hva gir deg energi i jobben?', 'Hvilken leder vil du være om ett år?')] },
		'coordinator'
	);
	// Stored on the server: a fresh client gets it.
	await expect
		.poll(async () => {
			const reader = connect();
			await reader.synced;
			const text = reader.doc.getXmlFragment('guide:questions').toString();
			reader.provider.destroy();
			return text;
		})
		.toContain('Hva gir deg energi i jobben?');
	writer.provider.destroy();
}

test('a mentor pair plans its meetings offline, builds an agenda from the guides, writes notes and follow-ups; the mentor sees it all, the reflection stays private, the coordinator sees only dates', async ({
	demo
}) => {
	test.setTimeout(300_000);
	const url = demo.server.url;

	// The coordinator sets up a scheme with Kari (adept) and Sigrid (mentor), pairs them, and writes the guides.
	const login = async (email: string) =>
		(
			(await (await call(`${url}/api/auth/login`, 'POST', { email, password: DEMO_PASSWORD })).json()) as {
				token: string;
			}
		).token;
	const token = await login('koordinator@demo.lederlogg.no');
	const created = await call(
		`${url}/api/programmes`,
		'POST',
		{ name: 'Mentorordningen 2026', kind: 'mentor-scheme' },
		token
	);
	expect(created.status).toBe(201);
	const { id: schemeId } = (await created.json()) as { id: string };
	for (const [email, role] of [
		['deltaker@demo.lederlogg.no', 'participant'],
		['mentor@demo.lederlogg.no', 'mentor']
	]) {
		expect(
			(await call(`${url}/api/programmes/${schemeId}/members`, 'POST', { email, role }, token)).status
		).toBe(201);
	}
	const { members } = (await (
		await call(`${url}/api/programmes/${schemeId}/members`, 'GET', undefined, token)
	).json()) as {
		members: { userId: string; email: string }[];
	};
	const idOf = (email: string) => members.find((m) => m.email === email)!.userId;
	const paired = await call(
		`${url}/api/programmes/${schemeId}/pairs`,
		'POST',
		{ mentorId: idOf('mentor@demo.lederlogg.no'), menteeId: idOf('deltaker@demo.lederlogg.no') },
		token
	);
	expect(paired.status).toBe(201);
	const { id: pairId } = (await paired.json()) as { id: string };
	await writeGuides(url, schemeId, token);
	const path = `/pairs/${pairId}/meetings`;

	// Kari opens the pair's meetings while online, so the pair and the scheme's guides are on her device.
	const kari = await demo.device('deltaker', { install: true });
	const page = kari.page;
	await page.goto(`/pairs/${pairId}`);
	await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Møter' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Sigrid Berg');
	await expect(page.getByRole('heading', { name: 'Planlegg møter', level: 2 })).toBeVisible();
	await expect(page.getByTestId('held-count')).toHaveText('0 av 0 møter gjennomført');
	await kari.expectNoA11yViolations();

	// Offline, she plans four meetings every other week, the first three weeks ago.
	await kari.setOffline(true);
	const form = page.getByTestId('meeting-form');
	await form.getByLabel('Antall møter').fill('25');
	await form.getByRole('button', { name: 'Legg møtene i planen' }).click();
	await expect(form.getByText('Skriv et helt antall møter fra 1 til 24.')).toBeVisible();
	await expect(form.getByLabel('Dato for første møte')).toBeFocused();
	const first = osloDate(-21);
	await form.getByLabel('Dato for første møte').fill(first);
	await form.getByLabel('Klokkeslett').fill('18:00');
	await form.getByLabel('Varighet (minutter)').fill('60');
	await form.getByLabel('Sted').fill('Kafé Hjerterom');
	await form.getByLabel('Hver … uke').fill('2');
	await form.getByLabel('Antall møter').fill('4');
	await form.getByRole('button', { name: 'Legg møtene i planen' }).click();
	await expect(page.getByTestId('held-count')).toHaveText('0 av 4 møter gjennomført');
	const past = page.getByTestId('past-meetings').getByTestId('pair-meeting');
	await expect(past).toHaveCount(2);

	// The first meeting (the last of the past ones): agenda from the guides, a typed item, notes, a follow-up, held.
	await past.last().getByRole('heading').getByRole('link').click();
	await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('18:00');
	await page.getByText('Velg fra samtaleemner og spørsmål').click();
	const picker = page.getByTestId('agenda-picker');
	await expect(picker.getByRole('group', { name: 'Samtaleemner' })).toContainText('Oppstart');
	await picker.getByRole('checkbox', { name: 'Taushetsplikt og fortrolighet' }).check();
	// Keyboard: Tab to the next suggestion, Space ticks it.
	await picker.getByRole('checkbox', { name: 'Hva gir deg energi i jobben?' }).focus();
	await page.keyboard.press('Space');
	await picker.getByRole('button', { name: 'Legg valgte på sakslisten' }).click();
	await expect(picker.getByText('2 saker er lagt til.')).toBeVisible();
	await expect(picker.getByRole('checkbox', { name: /Taushetsplikt og fortrolighet/ })).toBeDisabled();
	await page.getByLabel('Ny sak').fill('Første måneder som leder');
	await page.getByRole('button', { name: 'Legg til saken' }).click();
	const agenda = page.getByTestId('meeting-agenda').getByRole('listitem');
	await expect(agenda).toHaveText([
		/Taushetsplikt og fortrolighet \(fra Samtaleemner\)/,
		/Hva gir deg energi i jobben\? \(fra Eksempel på spørsmål\)/,
		/Første måneder som leder/
	]);

	const notes = page.getByTestId('shared-notes').locator('.rich-text-content');
	await notes.click();
	await page.keyboard.type('Vi snakket om det første året som leder.');

	await page.getByLabel('Hva skal følges opp?').fill('Kari leser om endringsledelse');
	await page.getByLabel('Hvem følger opp').selectOption({ label: 'Kari Nordmann' });
	await page.getByLabel('Frist (valgfri)').fill(osloDate(7));
	await page.getByRole('button', { name: 'Legg til oppfølgingspunktet' }).click();
	await expect(page.getByTestId('meeting-agreements')).toContainText('Følges opp av Kari Nordmann');
	await page.getByRole('checkbox', { name: /^Gjennomført: møtet/ }).check();
	await expect(kari.syncStatus()).not.toHaveAttribute('data-kind', 'saved');
	const meetingUrl = new URL(page.url()).pathname;
	await kari.expectNoA11yViolations();

	// Her private reflection, in her own notes.
	const reflection = page.getByTestId('reflection');
	await expect(reflection).toContainText('Bare du ser denne.');
	await reflection.getByRole('button', { name: 'Skriv privat refleksjon' }).click();
	await expect(page.getByTestId('private-reflection')).toContainText('Bare du ser denne.');
	await page.locator('.rich-text-content').click();
	await page.keyboard.type('HEMMELIG: jeg gruer meg til konflikten med staben.');
	await page.getByRole('link', { name: 'Til møtet' }).click();
	await expect(page).toHaveURL(new RegExp(`${meetingUrl}$`));
	await expect(
		page.getByTestId('reflection').getByRole('link', { name: 'Åpne min refleksjon' })
	).toBeVisible();
	await expect(page.getByTestId('shared-notes')).not.toContainText('HEMMELIG');

	// Back online: everything reaches the server.
	await kari.setOffline(false);
	await kari.expectSavedOnServer();

	// Sigrid, the mentor, sees the plan, the agenda, the notes, the follow-up and the held mark; not the reflection.
	const sigrid = await demo.device('mentor', { install: true });
	const other = sigrid.page;
	await other.goto(path);
	await expect(other.getByTestId('held-count')).toHaveText('1 av 4 møter gjennomført', { timeout: 20_000 });
	await other.goto(meetingUrl);
	await expect(other.getByTestId('meeting-agenda').getByRole('listitem')).toHaveText([
		/Taushetsplikt og fortrolighet/,
		/Hva gir deg energi i jobben\?/,
		/Første måneder som leder/
	]);
	await expect(other.getByTestId('shared-notes').locator('.rich-text-content')).toContainText(
		'Vi snakket om det første året som leder.'
	);
	await expect(other.getByTestId('meeting-agreements')).toContainText('Kari leser om endringsledelse');
	await expect(other.getByTestId('held-mark')).toContainText('Gjennomført');
	await expect(other.getByRole('checkbox', { name: /^Gjennomført: møtet/ })).toBeChecked();
	await expect(
		other.getByTestId('reflection').getByRole('button', { name: 'Skriv privat refleksjon' })
	).toBeVisible();
	await expect(other.locator('body')).not.toContainText('HEMMELIG');
	await expect(other.locator('body')).not.toContainText('gruer meg');
	// She ticks the follow-up done; Kari sees it.
	await other.getByRole('checkbox', { name: /^Gjort/ }).check();
	await sigrid.expectSavedOnServer();
	await expect(page.getByRole('checkbox', { name: /^Gjort/ })).toBeChecked({ timeout: 15_000 });
	await sigrid.expectNoA11yViolations();

	// The whole plan as one calendar file: four events, stable UIDs, times in UTC.
	await other.goto(path);
	const ics = await downloadIcs(other, () =>
		other.getByRole('button', { name: 'Hele møteplanen til kalenderen (.ics)' }).click()
	);
	const uids = [...ics.text.matchAll(/UID:([^\r\n]+)/g)].map((m) => m[1]);
	expect(uids).toHaveLength(4);
	for (const uid of uids) expect(uid).toMatch(new RegExp(`^[A-Za-z0-9_-]+\\.pair-${pairId}@lederlogg$`));
	expect(ics.text).toContain(`DTSTART:${icsUtc(zonedToUtc(`${first}T18:00`, 'Europe/Oslo'))}`);
	expect(ics.text).not.toContain('HEMMELIG');

	// The coordinator's overview: the dates and the held mark, nothing the two wrote.
	const expected = [
		{ date: first, held: true },
		{ date: osloDate(-7), held: false },
		{ date: osloDate(7), held: false },
		{ date: osloDate(21), held: false }
	];
	let overview = '';
	await expect
		.poll(
			async () => {
				overview = await (
					await call(`${url}/api/programmes/${schemeId}/pairs`, 'GET', undefined, token)
				).text();
				const { pairs } = JSON.parse(overview) as { pairs: { id: string; meetings: unknown[] }[] };
				return pairs.find((p) => p.id === pairId)?.meetings;
			},
			{ timeout: 20_000 }
		)
		.toEqual(expected);
	for (const content of [
		'Taushetsplikt',
		'energi',
		'første året',
		'endringsledelse',
		'HEMMELIG',
		'Kafé Hjerterom'
	])
		expect(overview).not.toContain(content);
});
