/**
 * The built SPA from STATIC_DIR. Deep links fall back to index.html. Hashed assets under
 * /_app/immutable are cached for a year; the shell (index.html, sw.js, manifest, workbox) is revalidated.
 * Without a build, pages answer 503 with a hint, and the handler picks the build up once it appears.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
const SHORT = 'public, max-age=3600';
const SHELL = /^\/(sw\.js|index\.html|manifest\.webmanifest|workbox-[^/]*\.js)$/;

export function cacheControl(pathname: string): string {
	if (pathname.startsWith('/_app/immutable/')) return IMMUTABLE;
	if (SHELL.test(pathname)) return NO_CACHE;
	// No extension: a navigation answered with the index.html fallback. Also any other HTML page.
	if (!/\.[^/]+$/.test(pathname) || pathname.endsWith('.html')) return NO_CACHE;
	return SHORT;
}

export function createStaticHandler(dir: string): Handler {
	let serve: Handler | null = null;
	return (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
			res.end('Method not allowed');
			return;
		}
		if (!serve && existsSync(join(dir, 'index.html'))) {
			serve = sirv(dir, {
				single: true,
				// Look files up on each request instead of indexing STATIC_DIR once at start: a deploy
				// that replaces build/ under a running server must serve the new sw.js and chunks,
				// never stale lengths or a 404 for a new hashed chunk.
				dev: true,
				etag: true,
				setHeaders: (response, pathname) => response.setHeader('Cache-Control', cacheControl(pathname))
			});
		}
		if (!serve) {
			res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_CACHE });
			res.end('The app is not built: run npm run build');
			return;
		}
		serve(req, res);
	};
}
