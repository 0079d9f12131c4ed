/**
 * `npm run bench:editor`: keystroke-to-paint in a 20,000-character draft, and what the editor adds
 * to the download. Measures and prints; asserts nothing. Needs build/ (`npm run build`).
 *
 * 1. Starts the real server (temporary DATA_DIR, serving build/), creates an account, signs in
 *    in Debian's Chromium and creates a draft through the app.
 * 2. Size: the JavaScript fetched when going from the drafts list to a draft (client-side
 *    navigation: exactly what opening the editor loads), gzipped at level 9.
 * 3. Pastes about 20,000 characters in 40 paragraphs (as from Word), puts the cursor in the middle,
 *    and types 60 characters at a typing pace (one per 80 ms) with real key events. Each sample is
 *    the time from the key event to the first frame after it was handled (rAF, then a message
 *    posted from it: the paint of that frame has happened), so it includes the editor, the Yjs
 *    binding, the journal and the counter whenever they run in that frame.
 * 4. Long tasks (> 50 ms) on the main thread while typing, and the counter's last value.
 */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.ts';
import { BenchServer, type Account } from './server.ts';
import { Cleanup, ms, sleep, summarize, withTimeout } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const KEYS = 60;
const WARMUP = 5;
const PAUSE_MS = 80;
const PARAGRAPHS = 40;
const TARGET_CHARS = 20_000;

const log = (message: string) => console.error(`bench: ${message}`);

const WORDS =
	'biblioteket lånere ledelse endring samarbeid kommunen personalet tjenester utvikling møteplass lesing kultur digital kompetanse strategi brukerne'.split(
		' '
	);

function paragraphText(i: number, length: number): string {
	let text = '';
	let n = i * 7;
	while (text.length < length) text += (text ? ' ' : '') + WORDS[n++ % WORDS.length];
	return text.slice(0, length - 1) + '.';
}

async function main(cleanup: Cleanup): Promise<void> {
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ is missing: run npm run build first');
	const server = new BenchServer(ROOT, BUILD);
	cleanup.add('stop the server', () => server.dispose());
	await server.start();
	const account: Account = { email: 'skriver@example.no', password: 'benchmark-passord', name: 'Skriv Benk' };
	await server.createAccount(account);

	const browser = await launchChromium({ ownSignals: true });
	cleanup.add('close Chromium', () => browser.close());
	const context = await browser.newContext({ baseURL: server.url, locale: 'nb-NO' });
	const page = await context.newPage();
	page.setDefaultTimeout(30_000);
	page.on('pageerror', (error) => log(`page error: ${error.message}`));

	await page.goto('/signin');
	await page.getByLabel('E-post').fill(account.email);
	await page.getByLabel('Passord', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.getByRole('heading', { name: 'Notater' }).waitFor();

	// What opening a draft loads, from the list (a client-side navigation, as a user goes).
	await page.getByRole('link', { name: 'Skriving' }).click();
	await page.getByRole('button', { name: 'Nytt utkast' }).click();
	await page.getByLabel('Tittel').fill('Skriftlig arbeid');
	await page.waitForLoadState('networkidle');
	const files = new Set<string>();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('.js')) files.add(url.pathname);
	});
	await page.getByRole('button', { name: 'Opprett utkast' }).click();
	const editor = page.getByRole('textbox', { name: 'Tekst' });
	await editor.waitFor();
	await page.waitForLoadState('networkidle');
	let gz = 0;
	let raw = 0;
	for (const path of files) {
		const bytes = readFileSync(join(BUILD, path));
		raw += bytes.byteLength;
		gz += gzipSync(bytes, { level: 9 }).byteLength;
	}

	// About 20,000 characters in 40 paragraphs, pasted as HTML.
	const length = Math.round(TARGET_CHARS / PARAGRAPHS);
	const html = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>${paragraphText(i, length)}</p>`).join('');
	await editor.click();
	await editor.evaluate((element, pasted) => {
		const data = new DataTransfer();
		data.setData('text/html', pasted);
		data.setData('text/plain', pasted.replace(/<[^>]+>/g, '\n'));
		element.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, html);
	await page.waitForFunction(() => {
		const text = document.querySelector('[data-testid=count-characters]')?.textContent ?? '';
		return Number(text.replace(/\D/g, '')) >= 19_000;
	});
	const pastedCount = (await page.getByTestId('count-characters').textContent())?.trim();

	// The cursor in the middle of paragraph 20.
	await editor
		.locator('p')
		.nth(PARAGRAPHS / 2)
		.click();
	await page.evaluate(() => {
		const w = window as unknown as { __samples: number[]; __long: number[] };
		w.__samples = [];
		w.__long = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.__long.push(entry.duration);
		}).observe({ type: 'longtask' });
		document.addEventListener(
			'keydown',
			(event) => {
				const start = event.timeStamp;
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => w.__samples.push(performance.now() - start);
					channel.port2.postMessage(null);
				});
			},
			true
		);
	});
	// ASCII only: Playwright sends æ, ø and å as text input without key events to time.
	const typed = 'Ledelse i sma bibliotek handler om prioritering av det viktigste. ';
	for (let i = 0; i < KEYS + WARMUP; i++) {
		await page.keyboard.press(typed[i % typed.length] === ' ' ? 'Space' : typed[i % typed.length]);
		await sleep(PAUSE_MS);
	}
	await sleep(500);
	const { samples, long } = await page.evaluate(() => {
		const w = window as unknown as { __samples: number[]; __long: number[] };
		return { samples: w.__samples, long: w.__long };
	});
	const finalCount = (await page.getByTestId('count-characters').textContent())?.trim();
	const measured = samples.slice(WARMUP);
	const summary = summarize(measured);

	console.log(`editor bench (Chromium ${browser.version()}, ${new Date().toISOString()})`);
	console.log(
		`  editor code loaded on opening a draft: ${files.size} JS files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped`
	);
	console.log(
		`  draft: ${pastedCount} characters pasted in ${PARAGRAPHS} paragraphs; after typing: ${finalCount}`
	);
	console.log(
		`  keystroke → next frame painted (${summary.count} keys, one per ${PAUSE_MS} ms): median ${ms(summary.median)}, p90 ${ms(summary.p90)}, max ${ms(summary.max)}, min ${ms(summary.min)}`
	);
	console.log(
		`  long tasks (> 50 ms) while typing: ${long.length}${long.length ? ` (longest ${ms(Math.max(...long))})` : ''}`
	);
}

const cleanup = new Cleanup();
process.on('SIGINT', () => void cleanup.run().then(() => process.exit(130)));
try {
	await withTimeout(main(cleanup), 180_000, 'the editor benchmark');
} catch (error) {
	console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await cleanup.run();
}
setTimeout(() => process.exit(process.exitCode ?? 0), 5_000).unref();
