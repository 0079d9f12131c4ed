/**
 * `npm run bench:group-latency`: edit-to-remote-paint in a colloquium group's document with 15
 * members connected at once. Measures and prints; asserts nothing. Needs build/ (`npm run build`).
 *
 * 1. Starts the real server (temporary DATA_DIR, serving build/). Everything is made through the
 *    API: the first coordinator (first-run setup), a programme, 14 participants (invites accepted
 *    with a password, each with its own account and token), and a group of all 15
 *    (`POST /api/programmes/:id/groups`).
 * 2. Two members are real browsers (Debian's Chromium, one context each): the WRITER signs in,
 *    opens the group and makes a page with "Ny side"; the OBSERVER signs in and opens that page.
 *    The other 13 are y-websocket clients in Node (bench/group-members.ts), one socket each, with a
 *    presence state and a cursor; each writes its own paragraph of the page.
 * 3. Baseline: only the writer and the observer are connected. The writer types 5 + 60 characters
 *    with real key events, one every 150 ms, at the end of its paragraph. For each, the time from
 *    its keydown (the event's time in the writer's page) to the end of the first frame in the
 *    observer's page that shows it (MutationObserver on the editor, then requestAnimationFrame and
 *    a message posted from it). The first 5 are warm-up, not counted.
 * 4. 15 members: the 13 Node members connect again, and each types one character and moves its
 *    cursor about once a second (so the server relays every change to 14 others and both browsers
 *    draw 13–14 cursors); after a few seconds of this, the writer types 5 + 60 more characters.
 *    Here also the time until the first Node member's document has each character (the writer's
 *    page, the server and the socket, no rendering), to tell the server's part from the observer's.
 * 5. The server's RSS, its CPU time and the load average around each part; then everything is
 *    stopped and removed (also on an error, a timeout or Ctrl-C).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './chromium.ts';
import { fsyncLatency } from './disk.ts';
import { GroupMembers, type ActivityCounts, type MemberLogin } from './group-members.ts';
import { BenchServer } from './server.ts';
import { Cleanup, fineMs, ms, sleep, summarize, withTimeout, type Summary } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const DEADLINE_MS = 300_000;
const WAIT_MS = 30_000;

const MEMBERS = 15;
const KEYS = 60;
const WARMUP = 5;
const KEY_PERIOD_MS = 150;
const MEMBER_PERIOD_MS = 1_000;
/** How long the 13 Node members are busy before the writer starts typing. */
const SETTLE_MS = 4_000;

/** The writer's paragraph starts with this; the observer finds it by it. */
const TAG = 'Skriver:';
/** ASCII only: Playwright sends æ, ø and å as text input without key events to time. */
const MARKERS = [
	' Vi provde utlan av lesebrett i fire uker og fikk nye lanere inn hver uke, mest unge voksne.',
	' Neste gang tar vi opp apent bibliotek om kvelden og hvordan vi gjor det trygt for alle ansatte.'
].map((text) => text.slice(0, WARMUP + KEYS));

const PASSWORD = 'benchmark-passord';
const NAMES = [
	'Vilde Skriver',
	'Ola Leser',
	'Anne Bakke',
	'Bjorn Dahl',
	'Camilla Eide',
	'Dag Fjeld',
	'Eva Haug',
	'Frode Lie',
	'Guri Moe',
	'Hans Ness',
	'Ida Rud',
	'Jon Strand',
	'Kaja Tveit',
	'Lars Vik',
	'Mona Aas'
];

interface Person {
	name: string;
	email: string;
	token: string;
	userId: string;
}

interface Typed {
	/** Keydown → the observer's frame showing it was painted (ms), per counted key. */
	painted: number[];
	/** Keydown → the writer's page sent its next frame on the group's socket, per counted key. */
	sent: number[];
	/** Keydown → the observer's DOM had it (MutationObserver callback), per counted key. */
	shown: number[];
	/** Keydown → the first Node member's document had it (ms, writer's clock), when they are connected. */
	node: number[] | null;
	/** Keys the observer never showed within the wait. */
	missing: number;
	keys: number;
	cursors: number;
	paragraphs: number;
	mutations: number;
}

interface Part {
	label: string;
	typed: Typed;
	rssMiB: number | null;
	serverCpuPercent: number | null;
	load: number[];
	activity: ActivityCounts | null;
	seconds: number;
}

interface Skew {
	/** The observer's page clock minus the writer's. */
	ms: number;
	uncertaintyMs: number;
	/** The writer's page clock minus Node's. */
	writerMinusNode: { ms: number; uncertaintyMs: number };
}

/** What bench/group-probes.js puts on `window` (only used inside page.evaluate callbacks). */
interface ProbeWindow {
	lederloggGroupBench: {
		now(): number;
		recordKeys(): void;
		keyTimes(): { times: number[]; sends: number[] };
		watch(tag: string, base: string, marker: string): void;
		painted(): number;
		stopWatch(): {
			seen: (number | null)[];
			painted: (number | null)[];
			mutations: number;
			cursors: number;
			paragraphs: number;
		};
	};
}

const log = (message: string) => console.error(`bench: ${message}`);

async function main(cleanup: Cleanup): Promise<void> {
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ is missing: run npm run build first');
	if (newestMtime(join(ROOT, 'src')) > statSync(join(BUILD, 'index.html')).mtimeMs) {
		log('warning: src/ has changes newer than build/; run npm run build for figures of the current app');
	}
	const startedAt = new Date();
	const loadAtStart = loadavg();

	const server = new BenchServer(ROOT, BUILD);
	cleanup.add('stop the server and remove its DATA_DIR', () => server.dispose());
	const disk = fsyncLatency(server.dataDir);
	await server.start();
	const rssAtStart = server.rssMiB();
	log(
		`server at ${server.url} (pid ${server.pid}); making ${MEMBERS} accounts and the group through the API`
	);
	const { people, groupId } = await setUp(server.url);
	const rssAfterSetUp = server.rssMiB();

	const browser = await launchChromium({ ownSignals: true });
	cleanup.add('close Chromium', () => (browser.isConnected() ? browser.close() : undefined));
	const [writerPerson, observerPerson, ...others] = people;
	const writer = await openPage(browser, server.url, 'writer');
	const observer = await openPage(browser, server.url, 'observer');
	await signIn(writer, writerPerson);
	await signIn(observer, observerPerson);

	log('the writer makes a page with "Ny side"; the observer opens it');
	await writer.goto(`/groups/${groupId}`);
	await writer.getByLabel('Tittel på ny side').fill('Kollokvienotat');
	await writer.getByRole('button', { name: 'Ny side' }).click();
	await writer.waitForURL(/\/groups\/[^/]+\/pages\/[^/?#]+/);
	const pageId = new URL(writer.url()).pathname.split('/').pop()!;
	const editor = (page: Page) => page.locator('.rich-text-content');
	await editor(writer).click();
	await writer.keyboard.type(TAG);
	await observer.goto(`/groups/${groupId}/pages/${pageId}`);
	await editor(observer).filter({ hasText: TAG }).waitFor();

	log(`${others.length} Node members connect and each starts a paragraph`);
	const logins: MemberLogin[] = others.map((p) => ({ token: p.token, userId: p.userId, name: p.name }));
	const members = new GroupMembers(logins, {
		origin: server.url,
		room: `group:${groupId}`,
		pageId,
		writerTag: TAG,
		cleanup
	});
	await members.connect();
	await observer.waitForFunction(
		(n) => document.querySelectorAll('.rich-text-content p').length >= n,
		1 + others.length
	);
	await presentOn(observer, MEMBERS - 1);
	members.disconnect();
	await presentOn(observer, 1);
	const skew = await estimateSkew(writer, observer);
	// The writer's caret stays where it was: at the end of its own paragraph.

	const parts: Part[] = [];
	let base = TAG;
	for (const [index, marker] of MARKERS.entries()) {
		const busy = index === 1;
		if (busy) {
			log(
				`${others.length} Node members connect again and type and move their cursors every ~${MEMBER_PERIOD_MS} ms`
			);
			await members.connect();
			members.start(MEMBER_PERIOD_MS);
			await presentOn(observer, MEMBERS - 1);
			await sleep(SETTLE_MS);
		}
		const label = busy
			? `${MEMBERS} members (writer + observer + ${others.length} in Node)`
			: 'baseline: writer + observer only';
		log(`typing ${marker.length} keys (${label})`);
		if (busy) members.resetCounts();
		const cpuBefore = cpuSeconds(server.pid);
		const began = performance.now();
		const nodeProbe = busy
			? { watch: () => members.watchWriter(base, marker), writerMinusNode: skew.writerMinusNode.ms }
			: null;
		const typed = await typeAndWatch(writer, observer, base, marker, nodeProbe);
		const seconds = (performance.now() - began) / 1000;
		const cpuAfter = cpuSeconds(server.pid);
		const activity = busy ? members.stop() : null;
		parts.push({
			label,
			typed,
			rssMiB: server.rssMiB(),
			serverCpuPercent:
				cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) / seconds) * 100 : null,
			load: loadavg(),
			activity,
			seconds
		});
		base += marker;
	}
	members.disconnect();

	report({
		startedAt,
		chromium: browser.version(),
		skew,
		parts,
		rss: { atStart: rssAtStart, afterSetUp: rssAfterSetUp },
		loadAtStart,
		disk
	});
}

/** The accounts, the programme and the group, all through the API as a coordinator would. */
async function setUp(origin: string): Promise<{ people: Person[]; groupId: string }> {
	const api = async <T>(
		method: string,
		path: string,
		body: unknown,
		token: string | null,
		expect: number
	) => {
		const response = await fetch(`${origin}/api${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(10_000)
		});
		if (response.status !== expect) {
			throw new Error(`${method} /api${path} answered ${response.status}: ${await response.text()}`);
		}
		return (await response.json()) as T;
	};
	type Grant = { token: string; user: { id: string } };
	const email = (i: number) => `medlem${String(i).padStart(2, '0')}@benk.example.no`;

	const first = await api<Grant>(
		'POST',
		'/setup',
		{ email: email(0), password: PASSWORD, name: NAMES[0] },
		null,
		201
	);
	const coordinator = first.token;
	const people: Person[] = [{ name: NAMES[0], email: email(0), token: first.token, userId: first.user.id }];
	const { id: programmeId } = await api<{ id: string }>(
		'POST',
		'/programmes',
		{ name: 'Lederprogrammet benk' },
		coordinator,
		201
	);
	for (let i = 1; i < MEMBERS; i++) {
		const invite = await api<{ code: string }>(
			'POST',
			`/programmes/${programmeId}/invites`,
			{ email: email(i), name: NAMES[i], role: 'participant' },
			coordinator,
			201
		);
		const grant = await api<Grant>(
			'POST',
			`/invites/${invite.code}/accept`,
			{ name: NAMES[i], password: PASSWORD },
			null,
			200
		);
		people.push({ name: NAMES[i], email: email(i), token: grant.token, userId: grant.user.id });
	}
	const { id: groupId } = await api<{ id: string }>(
		'POST',
		`/programmes/${programmeId}/groups`,
		{ name: 'Kollokvium benk', memberIds: people.map((p) => p.userId) },
		coordinator,
		201
	);
	return { people, groupId };
}

async function openPage(browser: Browser, origin: string, name: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: origin, locale: 'nb-NO' });
	await context.addInitScript({ path: join(import.meta.dirname, 'group-probes.js') });
	const page = await context.newPage();
	page.setDefaultTimeout(WAIT_MS);
	page.on('pageerror', (error) => log(`[${name}] page error: ${error.message}`));
	return page;
}

async function signIn(page: Page, person: Person): Promise<void> {
	await page.goto('/signin');
	await page.getByLabel('E-post').fill(person.email);
	await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.getByRole('heading', { name: 'Notater' }).waitFor();
}

/** Waits until the page's presence list shows `count` others on the page. */
async function presentOn(page: Page, count: number): Promise<void> {
	await page.waitForFunction(
		(n) => document.querySelectorAll('[data-testid=present-person]').length === n,
		count,
		{
			timeout: WAIT_MS
		}
	);
}

/**
 * The writer types `marker` key by key (one keydown every KEY_PERIOD_MS, on a fixed schedule); the
 * observer records when each character is shown and painted.
 */
async function typeAndWatch(
	writer: Page,
	observer: Page,
	base: string,
	marker: string,
	nodeProbe: { watch: () => () => (number | null)[]; writerMinusNode: number } | null
): Promise<Typed> {
	const stopNode = nodeProbe?.watch();
	await observer.evaluate(
		([tag, b, m]) => (window as unknown as ProbeWindow).lederloggGroupBench.watch(tag, b, m),
		[TAG, base, marker] as const
	);
	await writer.evaluate(() => (window as unknown as ProbeWindow).lederloggGroupBench.recordKeys());
	const start = performance.now() + 50;
	for (const [i, char] of [...marker].entries()) {
		const wait = start + i * KEY_PERIOD_MS - performance.now();
		if (wait > 0) await sleep(wait);
		await writer.keyboard.press(char === ' ' ? 'Space' : char);
	}
	const all = await withTimeout(
		(async () => {
			while (
				(await observer.evaluate(() => (window as unknown as ProbeWindow).lederloggGroupBench.painted())) <
				marker.length
			)
				await sleep(100);
			return true;
		})(),
		15_000,
		'the observer to show every typed character'
	).catch(() => false);
	if (!all) log('warning: the observer did not show every typed character within 15 s');
	const { times: keys, sends } = await writer.evaluate(() =>
		(window as unknown as ProbeWindow).lederloggGroupBench.keyTimes()
	);
	const watched = await observer.evaluate(() =>
		(window as unknown as ProbeWindow).lederloggGroupBench.stopWatch()
	);
	const arrived = stopNode?.() ?? null;
	if (keys.length !== marker.length) {
		throw new Error(`the writer's page saw ${keys.length} keydowns for ${marker.length} keys`);
	}
	const painted: number[] = [];
	const shown: number[] = [];
	const sent: number[] = [];
	const node: number[] = [];
	let missing = 0;
	for (let i = WARMUP; i < marker.length; i++) {
		// The first frame sent after this keydown and before the next one (its update, normally).
		const sentAt = sends.find((at) => at >= keys[i] && (i + 1 === keys.length || at < keys[i + 1]));
		if (sentAt !== undefined) sent.push(sentAt - keys[i]);
		const nodeAt = arrived?.[i];
		if (nodeProbe && nodeAt != null) node.push(nodeAt + nodeProbe.writerMinusNode - keys[i]);
		const [paintedAt, seenAt] = [watched.painted[i], watched.seen[i]];
		if (paintedAt === null || seenAt === null) {
			missing++;
			continue;
		}
		painted.push(paintedAt - keys[i]);
		shown.push(seenAt - keys[i]);
	}
	return {
		painted,
		shown,
		sent,
		node: nodeProbe ? node : null,
		missing,
		keys: marker.length - WARMUP,
		cursors: watched.cursors,
		paragraphs: watched.paragraphs,
		mutations: watched.mutations
	};
}

/**
 * The two pages run in different renderer processes; their clocks (timeOrigin + now) may not agree
 * exactly. Each is compared with Node's around a round trip (best of 15, ± half the round trip).
 */
async function estimateSkew(a: Page, b: Page): Promise<Skew> {
	const offset = async (page: Page) => {
		let best = { ms: 0, uncertaintyMs: Infinity };
		for (let i = 0; i < 15; i++) {
			const before = performance.timeOrigin + performance.now();
			const pageTime = await page.evaluate(() =>
				(window as unknown as ProbeWindow).lederloggGroupBench.now()
			);
			const after = performance.timeOrigin + performance.now();
			const half = (after - before) / 2;
			if (half < best.uncertaintyMs) best = { ms: pageTime - (before + half), uncertaintyMs: half };
		}
		return best;
	};
	const [offsetA, offsetB] = [await offset(a), await offset(b)];
	return {
		ms: offsetB.ms - offsetA.ms,
		uncertaintyMs: offsetA.uncertaintyMs + offsetB.uncertaintyMs,
		writerMinusNode: offsetA
	};
}

/** The process's user + system CPU time in seconds, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14 and 15 of stat (utime, stime) in clock ticks; Linux reports them at 100 per second.
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

function report(result: {
	startedAt: Date;
	chromium: string;
	skew: Skew;
	parts: Part[];
	rss: { atStart: number | null; afterSetUp: number | null };
	loadAtStart: number[];
	disk: ReturnType<typeof fsyncLatency>;
}): void {
	const when = result.startedAt.toISOString().slice(0, 16).replace('T', ' ');
	const lines = [
		`Lederlogg group latency bench (${when} UTC, node ${process.version}, chromium ${result.chromium}, ` +
			`${availableParallelism()} CPUs)`,
		`edit → painted on another member's screen: the writer's keydown → the end of the observer's first ` +
			`frame showing the character; one key every ${KEY_PERIOD_MS} ms, ${WARMUP} warm-up keys not counted`
	];
	for (const part of result.parts) {
		const { typed } = part;
		lines.push(`${part.label}:`);
		lines.push(
			`  keydown → painted (${typed.painted.length} of ${typed.keys} keys): ${spread(summarize(typed.painted))}`
		);
		lines.push(`  keydown → in the observer's DOM: ${spread(summarize(typed.shown))}`);
		if (typed.sent.length) {
			lines.push(
				`  keydown → the writer's page sent a frame on the group's socket (${typed.sent.length} keys): ` +
					spread(summarize(typed.sent))
			);
		}
		if (typed.node?.length) {
			lines.push(
				`  keydown → in a Node member's document (writer, server, socket; no rendering): ${spread(summarize(typed.node))}`
			);
		}
		if (typed.missing) lines.push(`  ${typed.missing} keys never shown on the observer within 15 s`);
		lines.push(
			`  observer at the end: ${typed.paragraphs} paragraphs, ${typed.cursors} others' cursors drawn, ` +
				`${typed.mutations} DOM mutation callbacks while typing`
		);
		if (part.activity) {
			const a = part.activity;
			const perMemberSecond = (n: number) => (n / a.members / part.seconds).toFixed(1);
			lines.push(
				`  Node members: ${a.edits} edits in ${part.seconds.toFixed(1)} s; each received ` +
					`${perMemberSecond(a.docUpdates)} document updates/s and ${perMemberSecond(a.awarenessUpdates)} ` +
					`awareness updates/s from the server` +
					(a.closes.length ? `; sockets closed: ${a.closes.join(', ')}` : '')
			);
		}
		lines.push(
			`  server: RSS ${mib(part.rssMiB)} after, CPU ${percent(part.serverCpuPercent)} while typing; ` +
				`load average ${load(part.load)}`
		);
	}
	lines.push(
		`server RSS: ${mib(result.rss.atStart)} after start, ${mib(result.rss.afterSetUp)} after making the ` +
			`accounts and the group; load average at start ${load(result.loadAtStart)}`,
		`clocks (not corrected): observer page − writer page ${offset(result.skew)}; writer page − Node ` +
			offset(result.skew.writerMinusNode),
		`the server relays an edit after storing it (SQLite, synchronous=FULL): an fsync in DATA_DIR ` +
			`(${result.disk.filesystem}) took median ${fineMs(result.disk.fsync.median)} · max ` +
			`${fineMs(result.disk.fsync.max)} before the run`
	);
	console.log(lines.join('\n'));
}

const spread = (s: Summary) =>
	`median ${ms(s.median)} · p90 ${ms(s.p90)} · max ${ms(s.max)} · min ${ms(s.min)}`;
const offset = (o: { ms: number; uncertaintyMs: number }) =>
	`${o.ms.toFixed(2)} ± ${o.uncertaintyMs.toFixed(2)} ms`;
const mib = (value: number | null) => (value === null ? 'unknown' : `${value.toFixed(1)} MiB`);
const percent = (value: number | null) => (value === null ? 'unknown' : `${value.toFixed(0)} %`);
const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ') + ' (1 / 5 / 15 min)';

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
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
	await withTimeout(main(cleanup), DEADLINE_MS, 'the group latency benchmark');
} catch (error) {
	if (!stopping) console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await cleanup.run();
}
// Everything is closed; if some handle still keeps Node alive, do not hang.
setTimeout(() => {
	log('a handle kept Node alive after clean-up; exiting');
	process.exit(process.exitCode ?? 0);
}, 5_000).unref();
