/*
 * In-page probes for bench/workspace-open.ts, installed in every page with context.addInitScript.
 * Plain JavaScript for the reason given in page-probes.js. Times are performance.now(): ms since
 * the page's navigation started.
 */
(() => {
	/** What the bench waits for: the app shell (header navigation only shows once the workspace is open), and each page's content. */
	const WATCHED = [
		'header nav',
		'[data-testid=note-item]',
		'[data-testid=goal]',
		'[data-testid=reading-total]',
		'.hits > li'
	];
	/** Per selector, each change of its count: { count, at (DOM changed), frame (the next animation frame) }. */
	const seen = Object.fromEntries(WATCHED.map((selector) => [selector, []]));

	const check = () => {
		const at = performance.now();
		for (const selector of WATCHED) {
			const count = document.querySelectorAll(selector).length;
			const changes = seen[selector];
			if (count === (changes.length ? changes[changes.length - 1].count : 0)) continue;
			const change = { count, at, frame: null };
			changes.push(change);
			requestAnimationFrame(() => (change.frame = performance.now()));
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });

	const open = (name) =>
		new Promise((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	const done = (tx) =>
		new Promise((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	const all = (db, store) =>
		new Promise((resolve, reject) => {
			const request = db.transaction([store], 'readonly').objectStore(store).getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});

	window.lederloggOpen = {
		seen,

		/** The first change at which `selector` reached `count` and a frame followed, or null. */
		reached(selector, count) {
			return seen[selector].find((change) => change.count >= count && change.frame !== null) ?? null;
		},

		/** Appends updates (base64) to a y-indexeddb database, as y-indexeddb stores each change. */
		async append(name, updates) {
			const db = await open(name);
			const tx = db.transaction(['updates'], 'readwrite');
			const store = tx.objectStore('updates');
			for (const base64 of updates) store.add(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
			await done(tx);
			db.close();
		},

		/** What the device stores: the workspace's y-indexeddb entries, the note index, the origin's usage. */
		async sizes(workspaceDb, deviceDb) {
			const workspace = await open(workspaceDb);
			const updates = await all(workspace, 'updates');
			workspace.close();
			const device = await open(deviceDb);
			const rows = await all(device, 'notes');
			device.close();
			const estimate = await navigator.storage.estimate();
			return {
				updates: updates.length,
				updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
				indexRows: rows.length,
				indexJsonChars: rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0),
				usage: estimate.usage ?? null,
				usageDetails: estimate.usageDetails ?? null
			};
		}
	};
})();
