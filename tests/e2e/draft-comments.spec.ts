import type { Page } from '@playwright/test';
import { expect, test } from './demo';

/**
 * Where the first and the last letter of `words` are in the text (the first text node holding all
 * of them), in the viewport's pixels, once they are scrolled into view.
 */
async function wordsEnds(page: Page, words: string) {
	return page.evaluate((words) => {
		const root = document.querySelector('.rich-text-content')!;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(words);
			if (at < 0) continue;
			node.parentElement!.scrollIntoView({ block: 'center' });
			const letter = (i: number) => {
				const range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const { left, right, top, bottom } = range.getBoundingClientRect();
				return { left, right, y: (top + bottom) / 2 };
			};
			return { first: letter(at), last: letter(at + words.length - 1) };
		}
		throw new Error(`"${words}" is not in the text`);
	}, words);
}

/** Selects `words` in the text as a pointer would (press, drag, release). */
async function dragOver(page: Page, words: string) {
	const { first, last } = await wordsEnds(page, words);
	await page.mouse.move(first.left + 1, first.y);
	await page.mouse.down();
	await page.mouse.move((first.left + last.right) / 2, (first.y + last.y) / 2, { steps: 4 });
	await page.mouse.move(last.right - 1, last.y, { steps: 4 });
	await page.mouse.up();
}

/** Puts the browser's selection on `words` (or the caret right before them) in the text. */
async function select(page: Page, words: string, caretBefore = false) {
	await page.evaluate(
		({ words, caretBefore }) => {
			const root = document.querySelector('.rich-text-content')!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = node.textContent!.indexOf(words);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, caretBefore ? at : at + words.length);
				const selection = window.getSelection()!;
				selection.removeAllRanges();
				selection.addRange(range);
				return;
			}
			throw new Error(`"${words}" is not in the text`);
		},
		{ words, caretBefore }
	);
}

test('a participant shares a draft for feedback; the coach comments on passages that stay attached as the text changes; unsharing takes it away', async ({
	demo
}) => {
	test.setTimeout(240_000);
	const participant = await demo.device('deltaker', { install: true });
	const page = participant.page;

	await page.getByRole('link', { name: 'Skriving' }).click();
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill('Små bibliotek, store endringer');
	await page.getByRole('button', { name: 'Opprett utkast' }).click();
	const editor = page.getByRole('textbox', { name: 'Tekst' });
	await editor.click();
	await page.keyboard.type('Vi åpnet biblioteket på lørdager. Besøket økte med en tredjedel.');

	// Sharing for feedback: the coach of the programme, chosen by name.
	const share = page.getByTestId('draft-share');
	await expect(share.getByRole('heading', { name: 'Del for tilbakemelding' })).toBeVisible();
	const perRow = share.getByRole('listitem').filter({ hasText: 'Per Hansen' });
	await expect(share.getByRole('heading', { name: 'Veiledere' })).toBeVisible();
	await expect(perRow.getByTestId('share-state')).toHaveText('Ikke delt med Per Hansen.');
	await share.getByRole('button', { name: 'Del med Per Hansen' }).click();
	await expect(perRow.getByTestId('share-state')).toHaveText(
		'Delt med Per Hansen, som kan lese og kommentere.'
	);
	await participant.expectSavedOnServer();
	await participant.expectNoA11yViolations();

	// The coach finds it under Skriving → Delt med meg, and reads it without being able to write in it.
	const coach = await demo.device('veileder', { install: true });
	const coachPage = coach.page;
	await coachPage.goto('/shared');
	await expect(coachPage.getByRole('heading', { name: 'Utkast til tilbakemelding' })).toBeVisible();
	await expect(coachPage.getByRole('link', { name: 'Små bibliotek, store endringer' })).toBeVisible();
	await coachPage.getByRole('link', { name: 'Skriving' }).click();
	const sharedList = coachPage.getByTestId('shared-drafts');
	await expect(sharedList.getByRole('heading', { name: 'Delt med meg' })).toBeVisible();
	await expect(sharedList).toContainText('Fra Kari Nordmann');
	await sharedList.getByRole('link', { name: 'Små bibliotek, store endringer' }).click();
	await expect(
		coachPage.getByRole('heading', { name: 'Små bibliotek, store endringer', level: 1 })
	).toBeVisible();
	const [ownerId, draftId] = new URL(coachPage.url()).pathname.split('/').slice(-2);
	const text = coachPage.getByRole('textbox', { name: 'Tekst' });
	await expect(text).toContainText('Besøket økte med en tredjedel.');
	await expect(text).toHaveAttribute('aria-readonly', 'true');
	await expect(coachPage.getByTestId('draft-share')).toHaveCount(0);

	// A first comment, on the passage later in the text.
	const coachComments = coachPage.getByTestId('draft-comments');
	const add = coachComments.getByRole('button', { name: 'Kommenter markert tekst' });
	await expect(add).toBeDisabled();
	// Selected with the keyboard: the read-only text keeps a caret (no caret browsing needed).
	await text.focus();
	await coachPage.keyboard.press('Control+End');
	await coachPage.keyboard.press('ArrowLeft');
	for (let i = 0; i < 'en tredjedel'.length; i++) await coachPage.keyboard.press('Shift+ArrowLeft');
	await expect(add).toBeEnabled();
	await add.click();
	const commentField = coachComments.getByLabel('Kommentar', { exact: true });
	await expect(commentField).toBeFocused();
	await expect(coachComments.locator('form blockquote')).toHaveText('en tredjedel');
	await coachComments.getByRole('button', { name: 'Lagre kommentaren' }).click();
	await expect(coachComments.getByText('Skriv en kommentar.')).toBeVisible();
	await commentField.fill('Hvor mange besøk er det i tall?');
	await coachComments.getByRole('button', { name: 'Lagre kommentaren' }).click();

	// A second one on an earlier passage, selected with the pointer: the list follows the text.
	await dragOver(coachPage, 'biblioteket på lørdager');
	await expect(add).toBeEnabled();
	await add.click();
	await expect(coachComments.locator('form blockquote')).toHaveText('biblioteket på lørdager');
	await commentField.fill('Hvorfor lørdager? Utdyp gjerne.');
	await coachComments.getByRole('button', { name: 'Lagre kommentaren' }).click();
	const coachList = coachComments.getByTestId('open-comments').getByTestId('comment');
	await expect(coachList).toHaveCount(2);
	await expect(coachList.nth(0).getByTestId('comment-quote')).toHaveText('biblioteket på lørdager');
	await expect(coachList.nth(1).getByTestId('comment-quote')).toHaveText('en tredjedel');
	await expect(coachList.nth(0)).toBeFocused();
	await expect(coachList.nth(0)).toContainText('Per Hansen');
	await expect(coachPage.locator('.comment-anchor')).toHaveText(['biblioteket på lørdager', 'en tredjedel']);
	await coach.expectSavedOnServer();
	await coach.expectNoA11yViolations();

	// The author sees both live, each on its passage.
	const comments = page.getByTestId('draft-comments');
	const list = comments.getByTestId('open-comments').getByTestId('comment');
	await expect(list).toHaveCount(2, { timeout: 15_000 });
	await expect(list.nth(0).getByTestId('comment-text')).toHaveText('Hvorfor lørdager? Utdyp gjerne.');
	await expect(page.locator('.comment-anchor')).toHaveText(['biblioteket på lørdager', 'en tredjedel']);
	await expect(page.locator('.comment-anchor').first()).toHaveCSS('text-decoration-line', 'underline');

	// The author writes before the passage, at the start and right up to it: the comment moves with
	// its words and still marks exactly them, here and at the coach.
	await editor.click();
	await page.keyboard.press('Control+Home');
	await page.keyboard.type('I fjor ');
	await select(page, 'biblioteket på', true);
	await page.keyboard.type('det nye ');
	await expect(editor).toContainText('I fjor Vi åpnet det nye biblioteket på lørdager.');
	const marks = page.locator('.comment-anchor');
	await expect(marks).toHaveText(['biblioteket på lørdager', 'en tredjedel']);
	await expect(coachPage.locator('.comment-anchor')).toHaveText(['biblioteket på lørdager', 'en tredjedel'], {
		timeout: 15_000
	});
	await expect(text).toContainText('I fjor Vi åpnet det nye biblioteket');

	// Clicking a marked passage points out its comment.
	await marks.first().click();
	await expect(list.nth(0)).toHaveAttribute('aria-current', 'true');

	// The author deletes a commented passage: its comment says so and keeps the quote.
	await dragOver(page, 'en tredjedel');
	await page.keyboard.press('Backspace');
	await page.keyboard.type('mye');
	await expect(editor).toContainText('Besøket økte med mye.');
	await expect(list.nth(1).getByTestId('comment-gone')).toHaveText('Teksten kommentaren gjaldt er slettet:');
	await expect(list.nth(1)).toContainText('en tredjedel');
	await expect(marks).toHaveText(['biblioteket på lørdager']);

	// The author answers the comment; the coach gets the reply.
	await list.nth(1).getByRole('button', { name: 'Svar' }).click();
	const reply = page.getByLabel('Svar til Per Hansen');
	await expect(reply).toBeFocused();
	await reply.fill('Jeg tok tallet ut.');
	await page.getByRole('button', { name: 'Lagre svaret' }).click();
	await expect(list.nth(1)).toContainText('Jeg tok tallet ut.');
	await expect(coachList.filter({ hasText: 'en tredjedel' })).toContainText('Jeg tok tallet ut.', {
		timeout: 15_000
	});

	// The author resolves the first: hidden behind "Vis løste (1)", and at the coach too.
	await comments.getByRole('button', { name: 'Løs kommentaren fra Per Hansen' }).first().click();
	await expect(list).toHaveCount(1);
	await expect(marks).toHaveCount(0);
	const showResolved = comments.getByRole('button', { name: 'Vis løste (1)' });
	await expect(showResolved).toHaveAttribute('aria-expanded', 'false');
	await showResolved.click();
	await expect(comments.getByRole('button', { name: 'Åpne kommentaren fra Per Hansen igjen' })).toBeVisible();
	await expect(coachPage.locator('.comment-anchor')).toHaveCount(0, { timeout: 15_000 });
	await expect(coachComments.getByTestId('comments-count')).toHaveText('1 åpen kommentar');
	await expect(coachComments.getByRole('button', { name: /^Løs/ })).toHaveCount(0);
	await participant.expectSavedOnServer();
	await participant.expectNoA11yViolations();

	// The coach cannot write in the text.
	const before = (await text.textContent()) ?? '';
	await text.click();
	await coachPage.keyboard.type('XYZ');
	await coachPage.keyboard.press('Backspace');
	await coachPage.keyboard.press('Enter');
	await expect(text).not.toContainText('XYZ');
	await expect(text).toHaveText(before);

	// Offline, the coach still reads the draft and its comments, and comments: sent when back online.
	await coach.setOffline(true);
	await coachPage.reload();
	await expect(text).toContainText('I fjor Vi åpnet det nye biblioteket på lørdager.');
	await expect(coachList).toHaveCount(1);
	await select(coachPage, 'I fjor');
	await add.click();
	await commentField.fill('Fint at du tidfester det.');
	await coachComments.getByRole('button', { name: 'Lagre kommentaren' }).click();
	await expect(coachPage.locator('.comment-anchor')).toHaveText(['I fjor']);
	await coach.setOffline(false);
	await expect(page.locator('.comment-anchor')).toHaveText(['I fjor'], { timeout: 20_000 });

	// Unsharing: the coach is told at once, and both copies leave the coach's device.
	await share.getByRole('button', { name: 'Slutt å dele med Per Hansen' }).click();
	await expect(perRow.getByTestId('share-state')).toHaveText('Ikke delt med Per Hansen.');
	await expect(
		coachPage.getByText('Du har ikke lenger tilgang til dette utkastet. Kopien er slettet fra enheten.')
	).toBeVisible({ timeout: 15_000 });
	const stored = () => coachPage.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
	await expect.poll(stored).not.toContain(`lederlogg-room:user:${ownerId}:draft:${draftId}`);
	await expect.poll(stored).not.toContain(`lederlogg-room:user:${ownerId}:draft-comments:${draftId}`);
	await coachPage.getByRole('link', { name: 'Alle utkast' }).click();
	await expect(sharedList.getByText('Ingen har delt utkast med deg ennå.')).toBeVisible();
});
