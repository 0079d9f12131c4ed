/**
 * `npm run bench`: prints how fast a note edit travels between devices through the real sync server.
 * It measures and prints; it asserts nothing about timings. Needs build/ (`npm run build`).
 *
 * 1. Starts `node --import tsx sync-server/main.ts` on a free port with a temporary DATA_DIR, serving
 *    build/, and creates one participant account.
 * 2. Browser: two Chromium contexts (two devices) sign in through /signin; A creates a note; both open
 *    it; A "types" (value + input event) and B records when its textarea shows the text, alternately
 *    by a tight polling loop and by a hook on the textarea's value setter (bench/page-probes.js). A's
 *    sync status is watched too: does it leave "saved", and when is it back?
 * 3. Protocol: two y-websocket clients in Node on the same room: edit → B's doc, edit → server ack.
 * 4. The server's RSS, then everything is stopped and removed (also on error).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fsyncLatency } from './disk.ts';
import { runBrowserBench, type BrowserResult } from './browser.ts';
import { runProtocolBench, type ProtocolResult } from './protocol.ts';
import { BenchServer, type Account } from './server.ts';
import { Cleanup, fineMs, ms, summarize, withTimeout, type Summary } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const DEADLINE_MS = 120_000;

const BROWSER_EDITS = 20;
const BROWSER_WARMUP = 2;
const BROWSER_PAUSE_MS = 100;
const PROTOCOL_EDITS = 200;
const PROTOCOL_WARMUP = 10;
const PROTOCOL_PERIOD_MS = 25;

const log = (message: string) => console.error(`bench: ${message}`);

async function main(cleanup: Cleanup): Promise<void> {
	if (!existsSync(join(BUILD, 'index.html'))) {
		console.error('build/ is missing: run npm run build first');
		process.exitCode = 1;
		return;
	}
	if (newestMtime(join(ROOT, 'src')) > statSync(join(BUILD, 'index.html')).mtimeMs) {
		log('warning: src/ has changes newer than build/; run npm run build for figures of the current app');
	}
	const startedAt = new Date();

	const server = new BenchServer(ROOT, BUILD);
	cleanup.add('stop the server and remove its DATA_DIR', () => server.dispose());
	const disk = fsyncLatency(server.dataDir);
	await server.start();
	const rssAtStart = server.rssMiB();
	const account: Account = {
		email: 'bench@example.no',
		password: 'benchmark-passord',
		name: 'Benk Benchmark'
	};
	const via = await server.createAccount(account);
	log(`server at ${server.url} (pid ${server.pid}), account created via ${via}`);
	const grant = await server.login(account);

	const browser = await runBrowserBench({
		origin: server.url,
		account,
		edits: BROWSER_EDITS,
		warmupEdits: BROWSER_WARMUP,
		pauseMs: BROWSER_PAUSE_MS,
		cleanup,
		log
	});
	const protocol = await runProtocolBench({
		origin: server.url,
		grant,
		edits: PROTOCOL_EDITS,
		warmupEdits: PROTOCOL_WARMUP,
		periodMs: PROTOCOL_PERIOD_MS,
		cleanup,
		log
	});
	const rssAfter = server.rssMiB();
	report(startedAt, browser, protocol, disk, { atStart: rssAtStart, after: rssAfter });
}

function report(
	startedAt: Date,
	browser: BrowserResult,
	protocol: ProtocolResult,
	disk: ReturnType<typeof fsyncLatency>,
	rss: { atStart: number | null; after: number | null }
): void {
	const polled = summarize(browser.polled);
	const hooked = summarize(browser.hooked);
	const poll = summarize(browser.pollIntervals);
	const remote = summarize(protocol.remote);
	const ack = summarize(protocol.ack);
	const skew = browser.clockSkew;
	const when = startedAt.toISOString().slice(0, 16).replace('T', ' ');
	const edits = polled.count + hooked.count;
	const lines = [
		`Lederlogg sync bench (${when} UTC, node ${process.version}, chromium ${browser.chromiumVersion})`,
		`browser: note edit → visible on 2nd device (${polled.count} edits): ${spread(polled)}`,
		`  ↳ B polls its textarea in a MessageChannel loop (a check every ${fineMs(poll.median)}, longest gap ` +
			`${ms(browser.maxPollGapMs)}): detection adds up to one interval, and the loop keeps a core busy`,
		`browser: same, B hooks its textarea's value setter, no polling (${hooked.count} edits): ${spread(hooked)}`,
		`  ↳ the two alternate edit by edit; page clocks B − A: ${skew.ms.toFixed(2)} ± ` +
			`${skew.uncertaintyMs.toFixed(2)} ms (not corrected)`,
		`browser: editing device's status stayed "saved" through ${browser.savedNeverLeft} of ${edits} edits` +
			savedDetour(browser.savedLatencies),
		`protocol: edit → remote doc (${remote.count} edits): median ${ms(remote.median)} · p99 ${ms(remote.p99)}` +
			` · max ${ms(remote.max)}`,
		`protocol: edit → server ack (durable): median ${ms(ack.median)} · p99 ${ms(ack.p99)} · max ${ms(ack.max)}`,
		`  ↳ one edit + ack request every ${PROTOCOL_PERIOD_MS} ms, each awaited; ${PROTOCOL_WARMUP} warm-up ` +
			`edits not counted; each waits for a SQLite commit (synchronous=FULL), and an fsync in DATA_DIR ` +
			`(${disk.filesystem}) took median ${fineMs(disk.fsync.median)} · max ${fineMs(disk.fsync.max)} before the run`,
		`server RSS after run: ${mib(rss.after)} (${mib(rss.atStart)} after start)`
	];
	console.log(lines.join('\n'));
}

const spread = (s: Summary) =>
	`median ${ms(s.median)} · p90 ${ms(s.p90)} · min ${ms(s.min)} · max ${ms(s.max)}`;

/** The edits after which the status left "saved" (and how long until it was back), if any. */
function savedDetour(latencies: number[]): string {
	if (latencies.length === 0) return '';
	if (latencies.length <= 5) return `; left it and was back after ${latencies.map((t) => ms(t)).join(', ')}`;
	return `; left it in ${latencies.length}, back after ${spread(summarize(latencies))}`;
}

const mib = (value: number | null) => (value === null ? 'unknown' : `${value.toFixed(1)} MiB`);

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
	await withTimeout(main(cleanup), DEADLINE_MS, 'the whole benchmark');
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
