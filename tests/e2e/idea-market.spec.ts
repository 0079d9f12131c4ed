import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../scripts/demo/seed.ts';
import { expect, test } from './demo';

/** The API from the test (accounts, membership, what the server says about a group). */
async function api(url: string, method: string, body: unknown, token?: string): Promise<Response> {
	const request = () =>
		fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	return request().catch(request); // a keep-alive socket the server closed just then
}

async function login(url: string, email: string, password: string): Promise<{ token: string; id: string }> {
	const response = await api(`${url}/api/auth/login`, 'POST', { email, password });
	const { token, user } = (await response.json()) as { token: string; user: { id: string } };
	return { token, id: user.id };
}

const POST_A = 'Vi mangler møterom til lesesirklene om kvelden.';
const POST_B = 'Få frivillige melder seg til leksehjelpen.';
const THEME = 'Rom og frivillige';

const post = (page: Page, text: string) => page.getByTestId('idea-post').filter({ hasText: text });
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function openMarket(page: Page, programmeId: string): Promise<void> {
	await page.goto(`/programmes/${programmeId}/events/oppstart`);
	await page.getByRole('link', { name: 'Idétorg' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Idétorg/ })).toBeVisible();
	await expect(page.getByTestId('idea-board')).toBeVisible();
}

async function write(page: Page, text: string): Promise<void> {
	await page.getByLabel('Problem eller utfordring').fill(text);
	await page.getByRole('button', { name: 'Legg ut' }).click();
	await expect(post(page, text)).toBeVisible();
}

/** Nothing of the facilitator's tools is on a participant's page. */
async function expectNoFacilitatorTools(scope: Page | Locator): Promise<void> {
	await expect(scope.getByLabel('Flytt til tema')).toHaveCount(0);
	await expect(scope.getByTestId('drag-handle')).toHaveCount(0);
	await expect(scope.getByLabel('Nytt tema')).toHaveCount(0);
	await expect(
		scope.getByRole('button', { name: /Gi temaet .* nytt navn|Fjern temaet|Lag gruppe/ })
	).toHaveCount(0);
}

test('idea market: two participants post (one offline) and say "me too"; the facilitator clusters the posts into a theme and makes a group of the people behind it', async ({
	demo
}) => {
	test.setTimeout(300_000);
	const { url } = demo.server;
	const coordinatorToken = (await login(url, 'koordinator@demo.lederlogg.no', DEMO_PASSWORD)).token;

	// A second participant of the programme.
	const ingrid = { email: 'ingrid@example.no', password: 'lesesal-på-ferja', name: 'Ingrid Lien' };
	demo.server.addAccount(ingrid.email, ingrid.password, ingrid.name);
	const added = await api(
		`${url}/api/programmes/${demo.programmeId}/members`,
		'POST',
		{ email: ingrid.email, role: 'participant' },
		coordinatorToken
	);
	expect(added.status).toBe(201);

	// Participant A (Kari) posts a challenge from her library.
	const a = await demo.device('deltaker', { install: true });
	await openMarket(a.page, demo.programmeId);
	// An empty post is refused on the field, which gets the focus.
	await a.page.getByRole('button', { name: 'Legg ut' }).click();
	const field = a.page.getByLabel('Problem eller utfordring');
	await expect(a.page.getByText('Skriv noe først.')).toBeVisible();
	await expect(field).toBeFocused();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await write(a.page, POST_A);
	await expect(post(a.page, POST_A)).toContainText('Fra Kari Nordmann');
	// Her own post has no "Meg også" for her.
	await expect(post(a.page, POST_A).getByRole('button', { name: 'Meg også' })).toHaveCount(0);
	await a.expectSavedOnServer();

	// Participant B (Ingrid) gets A's post, then goes offline, posts and says "me too" to A's.
	const b = await demo.newDevice();
	await b.install('/welcome');
	await b.signIn(ingrid);
	await openMarket(b.page, demo.programmeId);
	await expect(post(b.page, POST_A)).toBeVisible({ timeout: 20_000 });
	await b.setOffline(true);
	await write(b.page, POST_B);
	const meToo = post(b.page, POST_A).getByRole('button', { name: 'Meg også' });
	await expect(meToo).toHaveAttribute('aria-pressed', 'false');
	await meToo.click();
	await expect(meToo).toHaveAttribute('aria-pressed', 'true');
	await expect(post(b.page, POST_A).getByTestId('me-too-count')).toHaveText('1 kjenner seg igjen');
	await expect(b.page.getByTestId('ideas-announcement')).toHaveText('«Meg også» er lagt til.');
	// A comment too, offline.
	const comments = post(b.page, POST_A).getByRole('button', { name: 'Kommentarer (0)' });
	await comments.click();
	await expect(comments).toHaveAttribute('aria-expanded', 'true');
	await post(b.page, POST_A).getByLabel('Kommentar', { exact: true }).fill('Vi låner skolens bibliotek.');
	await post(b.page, POST_A).getByRole('button', { name: 'Kommenter' }).click();
	await expect(post(b.page, POST_A).getByTestId('idea-comment')).toContainText('Vi låner skolens bibliotek.');
	// Nothing has reached A while B is offline.
	await expect(a.page.getByTestId('idea-post')).toHaveCount(1);
	await b.setOffline(false);
	await b.expectSavedOnServer();

	// A sees B's post, the "me too" and the comment on her own.
	await expect(post(a.page, POST_B)).toBeVisible({ timeout: 20_000 });
	await expect(post(a.page, POST_A).getByTestId('me-too-count')).toHaveText('1 kjenner seg igjen');
	await expect(post(a.page, POST_A)).toContainText('Meg også: Ingrid Lien');
	await expect(post(a.page, POST_A).getByRole('button', { name: 'Kommentarer (1)' })).toBeVisible();

	// The facilitator (the coordinator) sees both and clusters them.
	const facilitator = await demo.device('koordinator');
	const page = facilitator.page;
	await openMarket(page, demo.programmeId);
	await expect(post(page, POST_A)).toBeVisible({ timeout: 20_000 });
	await expect(post(page, POST_B)).toBeVisible();
	await expect(column(page, 'Uten tema').getByTestId('idea-post')).toHaveCount(2);
	await page.getByLabel('Nytt tema').fill(THEME);
	await page.getByRole('button', { name: 'Opprett tema' }).click();
	await expect(column(page, THEME)).toBeVisible();
	await expect(column(page, THEME)).toContainText('Ingen innlegg i dette temaet ennå.');

	// A's post with the keyboard: choose the theme, then "Flytt"; focus follows the post.
	const move = post(page, POST_A).getByLabel('Flytt til tema');
	await move.focus();
	await move.selectOption({ label: THEME });
	await page.keyboard.press('Tab');
	await expect(post(page, POST_A).getByRole('button', { name: 'Flytt' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(column(page, THEME).getByTestId('idea-post')).toHaveText([new RegExp(POST_A)]);
	await expect(page.getByTestId('ideas-announcement')).toHaveText(`«${POST_A}» er flyttet til ${THEME}.`);
	await expect(column(page, THEME).getByLabel('Flytt til tema')).toBeFocused();

	// B's post by dragging it onto the theme.
	await post(page, POST_B).getByTestId('drag-handle').dragTo(column(page, THEME));
	await expect(column(page, THEME).getByTestId('idea-post')).toHaveCount(2);
	await expect(column(page, 'Uten tema')).toContainText('Alle innlegg har fått et tema.');
	await facilitator.expectNoA11yViolations();

	// The participants see the theme as clustered, with no tools to change it.
	await expect(column(a.page, THEME).getByTestId('idea-post')).toHaveCount(2, { timeout: 20_000 });
	await expectNoFacilitatorTools(a.page);
	await expect(column(b.page, THEME).getByTestId('idea-post')).toHaveCount(2, { timeout: 20_000 });
	await expectNoFacilitatorTools(b.page);
	await a.expectNoA11yViolations();

	// "Lag gruppe" offline: a clear message, no group, nothing lost.
	await facilitator.expectSavedOnServer();
	await facilitator.setOffline(true);
	await column(page, THEME).getByRole('button', { name: 'Lag gruppe' }).click();
	const confirm = column(page, THEME).getByTestId('make-group');
	await expect(confirm.getByRole('heading', { name: `Lage kollokviegruppen «${THEME}»?` })).toBeFocused();
	await expect(confirm.getByRole('listitem')).toHaveText(['Ingrid Lien', 'Kari Nordmann']);
	await confirm.getByRole('button', { name: 'Lag gruppen' }).click();
	await expect(confirm.getByRole('alert')).toHaveText(/Du er uten nett, så gruppen ble ikke laget/);
	await expect(column(page, THEME).getByTestId('idea-post')).toHaveCount(2);

	// Online: the group is made with the two people behind the theme.
	await facilitator.setOffline(false);
	await confirm.getByRole('button', { name: 'Lag gruppen' }).click();
	// The coordinator is not in the group: the link goes to the programme's groups.
	const made = column(page, THEME).getByTestId('theme-group');
	const link = made.getByRole('link', {
		name: `Kollokviegruppen «${THEME}» er laget. Se den blant programmets grupper`
	});
	await expect(link).toBeFocused({ timeout: 20_000 });
	await expect(page.getByTestId('ideas-announcement')).toHaveText(
		`Kollokviegruppen «${THEME}» er laget med 2 medlemmer.`
	);
	await expect(column(page, THEME).getByRole('button', { name: 'Lag gruppe' })).toHaveCount(0);
	const groupId = (await made.getAttribute('data-group-id'))!;

	const asCoordinator = await api(`${url}/api/groups/${groupId}`, 'GET', undefined, coordinatorToken);
	expect(asCoordinator.status).toBe(200);
	const { group } = (await asCoordinator.json()) as {
		group: { name: string; programmeId: string; members: { name: string }[] };
	};
	expect(group.name).toBe(THEME);
	expect(group.programmeId).toBe(demo.programmeId);
	expect(group.members.map((m) => m.name)).toEqual(['Ingrid Lien', 'Kari Nordmann']);
	const kari = await login(url, 'deltaker@demo.lederlogg.no', DEMO_PASSWORD);
	const mine = (await (await api(`${url}/api/groups`, 'GET', undefined, kari.token)).json()) as {
		groups: { id: string }[];
	};
	expect(mine.groups.map((g) => g.id)).toContain(groupId);

	// The theme shows its group to everyone; its members get the link to it.
	await facilitator.expectNoA11yViolations();
	await b.expectNoA11yViolations();
	const open = column(a.page, THEME).getByRole('link', { name: `Åpne kollokviegruppen «${THEME}»` });
	await expect(open).toBeVisible({ timeout: 20_000 });
	await open.click();
	await expect(a.page.getByRole('heading', { level: 1, name: THEME })).toBeVisible();
	await expect(a.page.getByText('Ingrid Lien, Kari Nordmann')).toBeVisible();
	await link.click();
	await expect(page.getByTestId('programme-group').filter({ hasText: THEME })).toContainText(
		'Ingrid Lien, Kari Nordmann'
	);
});
