import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type TestServer } from './helpers.ts';

describe('static app', () => {
	const dir = tempDir();
	const build = join(dir.path, 'build');
	let test: TestServer;

	beforeAll(async () => {
		mkdirSync(join(build, '_app/immutable/chunks'), { recursive: true });
		writeFileSync(join(build, 'index.html'), '<!doctype html><title>Lederlogg</title>');
		writeFileSync(join(build, 'sw.js'), 'self.addEventListener("fetch", () => {});');
		writeFileSync(join(build, 'manifest.webmanifest'), '{}');
		writeFileSync(join(build, 'workbox-1234.js'), '//');
		writeFileSync(join(build, 'favicon.png'), 'png');
		writeFileSync(join(build, '_app/immutable/chunks/x.js'), 'export {};');
		test = await startServer(dir.path, { STATIC_DIR: build });
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	const get = (path: string) => fetch(test.url + path);

	it('falls back to index.html for a deep link, without caching it', async () => {
		const response = await get('/programmes/42/notes');
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('<title>Lederlogg</title>');
		expect(response.headers.get('cache-control')).toBe('no-cache');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('caches hashed assets for a year', async () => {
		const response = await get('/_app/immutable/chunks/x.js');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	});

	it('revalidates the shell files', async () => {
		for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/workbox-1234.js']) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('cache-control'), path).toBe('no-cache');
		}
	});

	it('gives other files a short max-age, and 404 for missing files', async () => {
		expect((await get('/favicon.png')).headers.get('cache-control')).toBe('public, max-age=3600');
		expect((await get('/missing.js')).status).toBe(404);
	});

	it('keeps /api out of the fallback', async () => {
		const response = await get('/api/unknown');
		expect(response.status).toBe(404);
		expect(await response.json()).toHaveProperty('error');
	});
});

describe('without a build', () => {
	it('answers pages with 503 and a hint, and the API still works', async () => {
		const dir = tempDir();
		const test = await startServer(dir.path, { STATIC_DIR: join(dir.path, 'missing') });
		try {
			const page = await fetch(test.url + '/');
			expect(page.status).toBe(503);
			expect(await page.text()).toBe('The app is not built: run npm run build');
			expect((await fetch(test.url + '/api/health')).status).toBe(200);
		} finally {
			await test.stop();
			dir.remove();
		}
	});
});
