/**
 * `npm run bench:programme`: the demo programme (npm run demo) — the size of its Yjs state, and
 * how long a participant's device takes to open it from IndexedDB (offline, after one visit):
 * from navigation start to the programme home showing the next event. Prints; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { DEMO_PASSWORD, seedDemo } from '../scripts/demo/seed.ts';
import { openDatabase } from '../sync-server/db.ts';
import { SqliteStorage } from '../sync-server/storage/sqlite.ts';
import { launchChromium } from './chromium.ts';
import { BenchServer } from './server.ts';
import { ms, summarize } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const RUNS = 10;

if (!existsSync(join(BUILD, 'index.html'))) {
	console.error('run npm run build first');
	process.exit(1);
}

const server = new BenchServer(ROOT, BUILD);
const { programmeId } = await seedDemo(server.dataDir);

// The stored state, as a fresh device receives it.
const db = openDatabase(server.dataDir);
const stored = await new SqliteStorage(db, { closeDb: false }).load(`programme:${programmeId}`);
const doc = new Y.Doc();
if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
for (const update of stored.updates) Y.applyUpdate(doc, update);
const state = Y.encodeStateAsUpdate(doc);
doc.destroy();
db.close();

const browser = await launchChromium();
try {
	await server.start();
	const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow', locale: 'nb-NO' });
	const page = await context.newPage();
	await page.goto('/signin');
	await page.getByLabel('E-post').fill('deltaker@demo.lederlogg.no');
	await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.getByRole('heading', { name: 'Notater' }).waitFor();
	await page.evaluate(() => navigator.serviceWorker.ready);
	const path = `/programmes/${programmeId}`;
	await page.goto(path);
	await page.getByTestId('next-event').waitFor();
	await context.setOffline(true);
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		await page.goto(path);
		await page.getByTestId('next-event').waitFor();
		samples.push(await page.evaluate(() => performance.now()));
	}
	const s = summarize(samples);
	console.log(`demo programme (${new Date().toISOString().slice(0, 16)} UTC):`);
	console.log(
		`  Yjs state: ${(state.byteLength / 1024).toFixed(1)} KiB (${(gzipSync(state).byteLength / 1024).toFixed(1)} KiB gzipped)`
	);
	console.log(
		`  open offline from IndexedDB, navigation → next event shown (${RUNS} loads): median ${ms(s.median)} · min ${ms(s.min)} · max ${ms(s.max)}`
	);
	await context.close();
} finally {
	await browser.close();
	await server.dispose();
}
