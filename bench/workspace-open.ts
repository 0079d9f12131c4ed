/**
 * `npm run bench:workspace`: how long a participant's device takes to open a workspace holding two
 * years of work (500 notes, 150 reading sessions, a full training plan, change tasks and
 * self-assessments; bench/workspace-history.ts) from IndexedDB, offline, in Chromium. Needs build/
 * (`npm run build`). Prints; asserts nothing about timings.
 *
 * 1. Seeds a temporary DATA_DIR: the participant, a two-year programme they are a member of, and
 *    their workspace room — everything but the last changes, which the device keeps uncompacted.
 * 2. Starts the real server; a Chromium profile on disk signs in (the app syncs the workspace and
 *    the programme down, and builds its note index), opens the pages once, and goes offline. On
 *    disk, as on a device: a `browser.newContext()` is off the record and keeps IndexedDB in memory.
 * 3. Adds the last changes to the device's y-indexeddb store one entry per change, as y-indexeddb
 *    keeps them until it compacts at 500 (so the device holds a snapshot and 250 small updates).
 * 4. Cold page loads (a new page each time, the same profile): navigation → the notes list shows
 *    all its rows, → /plan shows the goals, → /reading shows the programme's progress; and the CPU
 *    time of the page's main thread for the whole load (on a shared machine the wall-clock figures
 *    grow with its load; this hardly does).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from '@playwright/test';
import * as v from 'valibot';
import { ProgrammeSchema } from '$domain/programme';
import { CHROMIUM_ARGS } from './chromium.ts';
import { fsyncLatency } from './disk.ts';
import { BenchServer } from './server.ts';
import { Cleanup, ms, sleep, summarize, withTimeout, type Summary } from './stats.ts';
import type { History } from './workspace-history.ts';
import { twoYearProgramme } from './workspace-programme.ts';
import { PARTICIPANT, seed } from './workspace-seed.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const RUNS = 10;
/** Changes the device holds uncompacted: half of y-indexeddb's PREFERRED_TRIM_SIZE, the average. */
const UNCOMPACTED = 250;
/** The replay's last steps, recorded change by change (more than UNCOMPACTED changes). */
const RECENT_STEPS = 60;
/** How long a page may stay busy after its content showed before its CPU figure is left out. */
const SETTLE_MS = 5_000;
const DEADLINE_MS = 600_000;
const WAIT_MS = 60_000;

interface Target {
	name: string;
	path: string;
	selector: string;
	count: number;
}
interface Load {
	shown: number;
	ready: number;
	/** Null when the main thread was still busy SETTLE_MS after the content showed. */
	mainThreadCpu: number | null;
}
interface Reached {
	count: number;
	at: number;
	frame: number;
}
/** What bench/open-probes.js puts on `window` (only used inside page.evaluate callbacks). */
interface ProbeWindow {
	lederloggOpen: {
		reached(selector: string, count: number): Reached | null;
		append(name: string, updates: string[]): Promise<void>;
		sizes(workspaceDb: string, deviceDb: string): Promise<Sizes>;
	};
}
interface Sizes {
	updates: number;
	updateBytes: number;
	indexRows: number;
	indexJsonChars: number;
	usage: number | null;
	usageDetails: Record<string, number> | null;
}

const log = (message: string) => console.error(`bench: ${message}`);

async function main(cleanup: Cleanup): Promise<void> {
	if (!existsSync(join(BUILD, 'index.html'))) {
		console.error('build/ is missing: run npm run build first');
		process.exitCode = 1;
		return;
	}
	const startedAt = new Date();
	const loadAtStart = loadavg();
	const now = Date.now();
	const server = new BenchServer(ROOT, BUILD);
	cleanup.add('stop the server and remove its DATA_DIR', () => server.dispose());

	log('replaying two years of work into a workspace');
	const programme = v.parse(ProgrammeSchema, twoYearProgramme(now));
	const replayStart = performance.now();
	const history = await seed(server.dataDir, programme, now, {
		recentSteps: RECENT_STEPS,
		uncompacted: UNCOMPACTED
	});
	const uncompacted = history.recent.slice(-UNCOMPACTED);
	if (uncompacted.length < UNCOMPACTED) throw new Error(`only ${uncompacted.length} recent changes`);
	log(
		`${history.counts.notes} notes, ${history.clients} sittings, replayed in ` +
			`${((performance.now() - replayStart) / 1000).toFixed(0)} s; starting the server`
	);
	await server.start();

	const profile = mkdtempSync(join(tmpdir(), 'lederlogg-bench-profile-'));
	cleanup.add('remove the Chromium profile', () => rmSync(profile, { recursive: true, force: true }));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		timeout: 30_000,
		baseURL: server.url,
		locale: 'nb-NO',
		serviceWorkers: 'allow',
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false
	});
	cleanup.add('close chromium', () => context.close());
	await context.addInitScript({ path: join(import.meta.dirname, 'open-probes.js') });

	const targets: Target[] = [
		{
			name: 'notes list, all rows',
			path: '/',
			selector: '[data-testid=note-item]',
			count: history.counts.notes
		},
		{ name: '/plan, the goals', path: '/plan', selector: '[data-testid=goal]', count: history.counts.goals },
		{
			name: '/reading, the progress',
			path: '/reading',
			selector: '[data-testid=reading-total]',
			count: 1
		},
		// The search index is built from everything on the device when /search first opens.
		{ name: '/search, first results', path: '/search?q=endringsledelse', selector: '.hits > li', count: 50 }
	];

	log('signing in online: the app syncs the workspace and the programme down');
	const chromiumVersion = await signInAndSync(context, targets);
	await context.setOffline(true);
	const page = await context.newPage();
	await page.goto('/settings');
	await page.evaluate(
		([name, updates]) => (window as unknown as ProbeWindow).lederloggOpen.append(name, updates),
		['lederlogg-workspace', uncompacted.map((u) => Buffer.from(u).toString('base64'))] as const
	);
	await page.close();
	log(`offline; ${UNCOMPACTED} uncompacted changes added; one warm-up load per page`);
	for (const target of targets) await open(context, target);

	const loads = new Map<Target, Load[]>(targets.map((t) => [t, []]));
	for (let i = 0; i < RUNS; i++)
		for (const target of targets) loads.get(target)!.push(await open(context, target));
	const queries = await searchQueries(context);
	const sizes = await measureSizes(context);
	const loadAtEnd = loadavg();
	await context.close();

	const summaries = targets.map((target) => {
		const of = (pick: (load: Load) => number) => summarize(loads.get(target)!.map(pick));
		const settled = loads.get(target)!.flatMap((l) => l.mainThreadCpu ?? []);
		return {
			target,
			shown: of((l) => l.shown),
			ready: of((l) => l.ready),
			mainThreadCpu: settled.length ? summarize(settled) : null,
			neverIdle: RUNS - settled.length
		};
	});
	report({
		startedAt,
		chromiumVersion,
		history,
		syllabusTexts: programme.syllabus.filter((item) => item.kind === 'set').length,
		summaries,
		queries,
		sizes,
		indexedDbOnDisk: directorySize(join(profile, 'Default', 'IndexedDB')),
		filesystem: fsyncLatency(profile, 3).filesystem,
		load: [loadAtStart, loadAtEnd]
	});
}

const SEARCH_QUERIES = [
	'ledelse',
	'bibliotekene',
	'samfunnsoppdraget',
	'budsjettprosessen',
	'medvirkning',
	'personalmøtet',
	'endring strategi',
	'økonomi kommune',
	'meråpent',
	'veiledning eksamen'
];

/**
 * On an open /search page (offline, its index built): each query set in the field as typing
 * does, and the time until the frame showing its results has been painted (rAF, then a message).
 */
async function searchQueries(context: BrowserContext): Promise<{ summary: Summary; total: number }> {
	const page = await context.newPage();
	try {
		await page.goto('/search?q=ledelse', { timeout: WAIT_MS });
		await page.locator('.hits > li').first().waitFor({ timeout: WAIT_MS });
		const samples: number[] = [];
		for (let round = 0; round < 3; round++)
			for (const query of SEARCH_QUERIES) {
				samples.push(
					await page.evaluate(
						(q) =>
							new Promise<number>((done) => {
								const field = document.querySelector('input[type=search]') as HTMLInputElement;
								const start = performance.now();
								field.value = q;
								field.dispatchEvent(new Event('input', { bubbles: true }));
								requestAnimationFrame(() => {
									const channel = new MessageChannel();
									channel.port1.onmessage = () => done(performance.now() - start);
									channel.port2.postMessage(null);
								});
							}),
						query
					)
				);
			}
		return { summary: summarize(samples.slice(SEARCH_QUERIES.length)), total: SEARCH_QUERIES.length * 2 };
	} finally {
		await page.close();
	}
}

/** Signs in online and waits until every page shows its content; returns Chromium's version. */
async function signInAndSync(context: BrowserContext, targets: Target[]): Promise<string> {
	const page = await context.newPage();
	const version = (await (await context.newCDPSession(page)).send('Browser.getVersion')).product;
	page.setDefaultTimeout(WAIT_MS);
	page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
	await page.goto('/signin');
	await page.getByLabel('E-post').fill(PARTICIPANT.email);
	await page.getByLabel('Passord', { exact: true }).fill(PARTICIPANT.password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.getByRole('heading', { name: 'Notater' }).waitFor();
	await page.evaluate(() => navigator.serviceWorker.ready);
	for (const target of targets) {
		if (target.path !== '/') await page.goto(target.path);
		await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length >= count, [
			target.selector,
			target.count
		] as const);
	}
	await page.locator('[data-testid=sync-status][data-kind=saved]').waitFor();
	await page.close();
	return version.replace(/^[^/]*\//, '');
}

/**
 * One cold page load of `target`: ms from navigation start to its content (and to the app shell),
 * and the CPU time of the page's main thread for the whole load (Chromium's ThreadTime metric),
 * which the machine's other work hardly changes.
 */
async function open(context: BrowserContext, target: Target): Promise<Load> {
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const threadTime = async () =>
			(await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
		const threadBefore = await threadTime();
		await page.goto(target.path, { timeout: WAIT_MS });
		const reached = (selector: string, count: number) =>
			page
				.waitForFunction(
					([s, n]) => (window as unknown as ProbeWindow).lederloggOpen.reached(s, n),
					[selector, count] as const,
					{ timeout: WAIT_MS }
				)
				.then((handle) => handle.jsonValue() as Promise<Reached>);
		const shown = await reached(target.selector, target.count);
		const ready = await reached('header nav', 1);
		// The main thread's CPU for the whole load: until it stays idle for a moment.
		let thread = await threadTime();
		let idle = false;
		for (let waited = 0; waited < SETTLE_MS && !idle; waited += 250) {
			await sleep(250);
			const next = await threadTime();
			idle = next - thread < 0.005;
			thread = next;
		}
		if (shown.count !== target.count)
			throw new Error(`${target.path} shows ${shown.count} of ${target.selector}, expected ${target.count}`);
		return {
			shown: shown.frame,
			ready: ready.frame,
			mainThreadCpu: idle ? (thread - threadBefore) * 1000 : null
		};
	} finally {
		await page.close();
	}
}

async function measureSizes(context: BrowserContext): Promise<Sizes> {
	const page = await context.newPage();
	await page.goto('/settings');
	const sizes = await page.evaluate(
		([workspace, device]) => (window as unknown as ProbeWindow).lederloggOpen.sizes(workspace, device),
		['lederlogg-workspace', 'lederlogg'] as const
	);
	await page.close();
	return sizes;
}

function directorySize(dir: string): number | null {
	if (!existsSync(dir)) return null;
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		total += entry.isDirectory() ? (directorySize(path) ?? 0) : statSync(path).size;
	}
	return total;
}

function report(r: {
	startedAt: Date;
	chromiumVersion: string;
	history: History;
	syllabusTexts: number;
	queries: { summary: Summary; total: number };
	summaries: {
		target: Target;
		shown: Summary;
		ready: Summary;
		mainThreadCpu: Summary | null;
		neverIdle: number;
	}[];
	sizes: Sizes;
	indexedDbOnDisk: number | null;
	filesystem: string;
	load: number[][];
}): void {
	const c = r.history.counts;
	const kib = (n: number | null | undefined) => (n == null ? 'unknown' : `${(n / 1024).toFixed(0)} KiB`);
	const spread = (s: Summary) => `median ${ms(s.median)} · min ${ms(s.min)} · max ${ms(s.max)}`;
	const cores = cpus();
	const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
	const idb = r.sizes.usageDetails?.indexedDB;
	const lines = [
		`Lederlogg workspace open bench (${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, node ` +
			`${process.version}, chromium ${r.chromiumVersion})`,
		`machine: ${cores.length} × ${cores[0]?.model ?? 'unknown cpu'}; load average 1/5/15 min ${load(r.load[0])} at ` +
			`start, ${load(r.load[1])} at end; profile on ${r.filesystem}`,
		`workspace: ${c.notes} notes (${c.attachedNotes} attached to programme sessions, ${(c.noteCharacters / 1000).toFixed(0)}k ` +
			`characters; +${c.deletedNotes} deleted), ${c.readingSessions} reading sessions on ` +
			`${c.readingTexts} own + ${r.syllabusTexts} syllabus texts, ${c.readingNotes} reading notes, plan of ${c.goals} goals / ` +
			`${c.goalActions} actions / ${c.milestones} milestones / ${c.coachNotes} follow-ups, ${c.changeTasks} change ` +
			`tasks / ${c.changeCheckIns} check-ins, ${c.assessments} self-assessments; typed over ${r.history.clients} sittings (client ids)`,
		`  Yjs state: ${kib(r.history.state.byteLength)} (${kib(gzipSync(r.history.state).byteLength)} gzipped), ` +
			`${r.history.structs.toLocaleString('en')} structs`,
		`  on the device: y-indexeddb ${r.sizes.updates} entries, ${kib(r.sizes.updateBytes)} (a snapshot, ` +
			`${UNCOMPACTED} uncompacted changes, a tiny one per page load); note index ${r.sizes.indexRows} rows, ~${kib(r.sizes.indexJsonChars)} as JSON; ` +
			`IndexedDB ${kib(idb)} by storage.estimate(), ${kib(r.indexedDbOnDisk)} on disk`,
		`open offline from IndexedDB, cold page loads in one profile (${RUNS} each, navigation start → next frame):`,
		...r.summaries.flatMap(({ target, shown, ready, mainThreadCpu: cpu, neverIdle }) => [
			`  ${target.name.padEnd(22)} ${spread(shown)}`,
			`  ${''.padEnd(22)} ↳ app shell ready: median ${ms(ready.median)}; CPU of the page's main thread ` +
				`for the whole load (until idle): ` +
				(cpu
					? `median ${cpu.median.toFixed(0)} ms (${cpu.min.toFixed(0)}–${cpu.max.toFixed(0)})`
					: 'none went idle') +
				(neverIdle ? `; ${neverIdle} of ${RUNS} loads still busy ${SETTLE_MS / 1000} s after showing` : '')
		]),
		`search in Chromium once /search is open (index built): a query typed → its ${r.queries.total} result lists painted: ` +
			`${spread(r.queries.summary)}`
	];
	console.log(lines.join('\n'));
}

const cleanup = new Cleanup();
let stopping = false;
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143]
] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: cleaning up`);
		void cleanup.run().then(() => process.exit(code));
	});
}
try {
	await withTimeout(main(cleanup), DEADLINE_MS, 'the whole benchmark');
} catch (error) {
	if (!stopping) console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await cleanup.run();
}
setTimeout(() => {
	log('a handle kept Node alive after clean-up; exiting');
	process.exit(process.exitCode ?? 0);
}, 5_000).unref();
