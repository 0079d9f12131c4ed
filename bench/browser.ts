/**
 * The browser figure: two devices (separate Chromium contexts) signed in to one account; an edit of a
 * note's body on device A, and the time until device B's textarea shows it.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { join } from 'node:path';
import type { Account } from './server.ts';
import { sleep, withTimeout, type Cleanup } from './stats.ts';

interface SeenResult {
	seenAt: number;
	/** Poll only: mean interval between two checks, and the longest gap between two checks. */
	pollMs: number | null;
	maxGapMs: number | null;
}

interface SavedResult {
	savedAt: number | null;
	left: boolean;
	kinds: string[];
}

/** How device B notices the edit: a tight polling loop, or a hook on the textarea's value setter. */
type Detection = 'poll' | 'hook';

/** What bench/page-probes.js puts on `window` (only used inside page.evaluate callbacks). */
interface ProbeWindow {
	lederloggBench: {
		now(): number;
		edit(field: Element, marker: string): number;
		saved(settleMs: number, timeoutMs: number): Promise<SavedResult | null>;
		poll(field: Element, marker: string, timeoutMs: number): void;
		hook(field: Element, marker: string, timeoutMs: number): void;
		seen(): Promise<SeenResult | null>;
	};
}

export interface BrowserOptions {
	origin: string;
	account: Account;
	/** Measured edits per detection method (the methods alternate edit by edit). */
	edits: number;
	warmupEdits: number;
	pauseMs: number;
	cleanup: Cleanup;
	log: (message: string) => void;
}

export interface BrowserResult {
	chromiumVersion: string;
	/** Edit on A → B's textarea contains it (ms), found by B's polling loop. */
	polled: number[];
	/** Edit on A → B's textarea is assigned it (ms), found by the value-setter hook. */
	hooked: number[];
	/** Edit on A → A's sync status is "saved" again (ms); only edits where it left "saved" first. */
	savedLatencies: number[];
	/** Edits after which A's status never left "saved" (so no figure for them). */
	savedNeverLeft: number;
	/** Mean interval between two checks of B's polling loop, per polled edit (ms). */
	pollIntervals: number[];
	/** Largest gap between two checks of B's polling loop over all polled edits (ms). */
	maxPollGapMs: number;
	/** Estimated offset of B's page clock minus A's (ms), and its uncertainty. */
	clockSkew: { ms: number; uncertaintyMs: number };
}

interface Device {
	page: Page;
	body: Locator;
}

const WAIT_MS = 15_000;
/**
 * After an edit, A's status counts as "stayed saved" if it has not left "saved" within this time: the
 * app writes its change journal (what the status counts as pending) 100 ms after a change.
 */
const SAVED_SETTLE_MS = 250;

const within = <T>(promise: Promise<T>, what: string) => withTimeout(promise, WAIT_MS, what);

export async function runBrowserBench(options: BrowserOptions): Promise<BrowserResult> {
	const { origin, account, cleanup, log } = options;
	const browser = await launchChromium({ ownSignals: true });
	cleanup.add('close chromium', () => (browser.isConnected() ? browser.close() : undefined));

	log('signing in device A and device B');
	const [a, b] = await Promise.all([openDevice(browser, origin, 'A'), openDevice(browser, origin, 'B')]);
	await signIn(a.page, account);
	await signIn(b.page, account);

	log('creating a note on device A');
	await a.page.getByRole('button', { name: 'Nytt seminarnotat' }).click({ timeout: WAIT_MS });
	await a.page.waitForURL(/\/notes\/[^/?#]+/, { timeout: WAIT_MS });
	const noteId = new URL(a.page.url()).pathname.split('/').pop()!;
	const title = `Benchmark ${noteId.slice(0, 8)}`;
	await a.page.getByLabel('Tittel').fill(title, { timeout: WAIT_MS });
	await waitForSaved(a.page, 'device A to show "saved" after typing the title');

	await b.page.goto(`/notes/${noteId}`, { timeout: WAIT_MS });
	const titleB = b.page.getByLabel('Tittel');
	await withTimeout(
		(async () => {
			while ((await titleB.inputValue({ timeout: WAIT_MS })) !== title) await sleep(20);
		})(),
		WAIT_MS,
		'the note title to reach device B'
	);
	await waitForSaved(b.page, 'device B to show "saved"');

	const clockSkew = await estimateSkew(a.page, b.page);

	const total = options.warmupEdits + 2 * options.edits;
	log(
		`editing: ${options.warmupEdits} warm-up + 2 × ${options.edits} measured edits (poll, hook alternating)`
	);
	const result: BrowserResult = {
		chromiumVersion: browser.version(),
		polled: [],
		hooked: [],
		savedLatencies: [],
		savedNeverLeft: 0,
		pollIntervals: [],
		maxPollGapMs: 0,
		clockSkew
	};
	for (let i = 0; i < total; i++) {
		const detection: Detection = i % 2 === 0 ? 'poll' : 'hook';
		const marker = ` ⟨${i}⟩`;
		await within(
			b.body.evaluate(
				(field, [how, m, timeout]) =>
					(window as unknown as ProbeWindow).lederloggBench[how](field, m, timeout),
				[detection, marker, 5_000] as const
			),
			'starting the watch on device B'
		);
		const editedAt = await within(
			a.body.evaluate((field, m) => (window as unknown as ProbeWindow).lederloggBench.edit(field, m), marker),
			'the edit on device A'
		);
		const seen = await within(
			b.page.evaluate(() => (window as unknown as ProbeWindow).lederloggBench.seen()),
			'device B to show the edit'
		);
		if (!seen) throw new Error(`device B did not show edit ${i} within 5 s`);
		await sleep(options.pauseMs);
		const saved = await within(
			a.page.evaluate(
				([settle, timeout]) => (window as unknown as ProbeWindow).lederloggBench.saved(settle, timeout),
				[SAVED_SETTLE_MS, 5_000] as const
			),
			"device A's status after the edit"
		);
		if (i < options.warmupEdits) continue;
		if (detection === 'poll') {
			result.polled.push(seen.seenAt - editedAt);
			result.pollIntervals.push(seen.pollMs ?? 0);
			result.maxPollGapMs = Math.max(result.maxPollGapMs, seen.maxGapMs ?? 0);
		} else result.hooked.push(seen.seenAt - editedAt);
		if (saved?.savedAt != null) result.savedLatencies.push(saved.savedAt - editedAt);
		else if (saved && !saved.left) result.savedNeverLeft++;
		else throw new Error(`device A's status did not return to "saved" after edit ${i}: ${saved?.kinds}`);
	}
	// Closed now, so that the devices (still in the room) neither receive nor store the protocol edits.
	await browser.close();
	return result;
}

async function openDevice(browser: Browser, origin: string, name: string): Promise<Device> {
	const context = await browser.newContext({ baseURL: origin, locale: 'nb-NO', serviceWorkers: 'allow' });
	await context.addInitScript({ path: join(import.meta.dirname, 'page-probes.js') });
	const page = await context.newPage();
	page.setDefaultTimeout(WAIT_MS);
	page.on('pageerror', (error) => console.error(`[device ${name}] page error: ${error.message}`));
	return { page, body: page.getByLabel('Notat', { exact: true }) };
}

async function signIn(page: Page, account: Account): Promise<void> {
	await page.goto('/signin', { timeout: WAIT_MS });
	await page.getByLabel('E-post').fill(account.email);
	await page.getByLabel('Passord', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.getByRole('heading', { name: 'Notater' }).waitFor({ timeout: WAIT_MS });
}

async function waitForSaved(page: Page, what: string): Promise<void> {
	const status = page.getByTestId('sync-status');
	try {
		await page.locator('[data-testid=sync-status][data-kind=saved]').waitFor({ timeout: WAIT_MS });
	} catch {
		const kind = await status.getAttribute('data-kind', { timeout: 1_000 }).catch(() => null);
		const text = await status.textContent({ timeout: 1_000 }).catch(() => null);
		throw new Error(`timed out waiting for ${what}: data-kind=${kind}, text=${JSON.stringify(text)}`);
	}
}

/**
 * The two pages run in different renderer processes; their performance.timeOrigin may not agree
 * exactly. Each page's clock is compared with Node's around a round trip (best of 15, ± half the
 * round trip); the difference of the two offsets is B − A.
 */
async function estimateSkew(a: Page, b: Page): Promise<{ ms: number; uncertaintyMs: number }> {
	const [offsetA, offsetB] = [await offsetToNode(a), await offsetToNode(b)];
	return { ms: offsetB.ms - offsetA.ms, uncertaintyMs: offsetA.uncertaintyMs + offsetB.uncertaintyMs };
}

async function offsetToNode(page: Page): Promise<{ ms: number; uncertaintyMs: number }> {
	let best = { ms: 0, uncertaintyMs: Infinity };
	for (let i = 0; i < 15; i++) {
		const before = performance.timeOrigin + performance.now();
		const pageTime = await page.evaluate(() => (window as unknown as ProbeWindow).lederloggBench.now());
		const after = performance.timeOrigin + performance.now();
		const half = (after - before) / 2;
		if (half < best.uncertaintyMs) best = { ms: pageTime - (before + half), uncertaintyMs: half };
	}
	return best;
}
