/**
 * `npm run bench:size`: prints what the first screen costs to load — the JavaScript and CSS a
 * browser fetches for `/` on a first visit, raw and gzipped — and how long the build takes is
 * printed by `npm run build` itself. Needs build/ (`npm run build`). Measures, asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.ts';
import { BenchServer } from './server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');

if (!existsSync(join(BUILD, 'index.html'))) {
	console.error('run npm run build first');
	process.exit(1);
}

const server = new BenchServer(ROOT, BUILD);
const browser = await launchChromium();
try {
	await server.start();
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const files = new Set<string>();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/\.(js|css)$/.test(url.pathname)) files.add(url.pathname);
	});
	await page.goto(server.url + '/');
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.waitForLoadState('networkidle');
	let js = 0;
	let jsGz = 0;
	let css = 0;
	let cssGz = 0;
	for (const path of files) {
		const bytes = readFileSync(join(BUILD, path));
		const gz = gzipSync(bytes, { level: 9 }).byteLength;
		if (process.env.BENCH_VERBOSE) console.log(`  ${path}: ${(gz / 1024).toFixed(1)} KiB gz`);
		if (path.endsWith('.js')) {
			js += bytes.byteLength;
			jsGz += gz;
		} else {
			css += bytes.byteLength;
			cssGz += gz;
		}
	}
	const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
	const count = [...files].filter((f) => f.endsWith('.js')).length;
	console.log(`first screen (/ → welcome page, no service worker yet):`);
	console.log(`  JavaScript: ${count} files, ${kib(js)} raw, ${kib(jsGz)} gzipped`);
	console.log(`  CSS: ${kib(css)} raw, ${kib(cssGz)} gzipped`);
	await context.close();
} finally {
	await browser.close();
	await server.dispose();
}
