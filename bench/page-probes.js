/*
 * In-page probes for bench/note-sync.ts, installed in every page with context.addInitScript.
 * Plain JavaScript on purpose: functions that tsx compiles for page.evaluate can reference helpers
 * (__name) that do not exist in the page, so everything with inner functions lives here.
 * Every time is performance.timeOrigin + performance.now() (ms since the epoch, sub-ms resolution).
 */
(() => {
	const now = () => performance.timeOrigin + performance.now();
	let watching = null;
	let saving = null;

	window.lederloggBench = {
		now,

		/**
		 * Simulates one keystroke on `field`: appends `marker`, dispatches `input`; returns the time taken
		 * right before. Also starts watching the sync status for "saved" after this edit.
		 */
		edit(field, marker) {
			const status = document.querySelector('[data-testid=sync-status]');
			saving?.observer?.disconnect();
			saving = { observer: null, editedAt: 0, left: false, savedAt: null, kinds: [] };
			const current = saving;
			if (status) {
				current.left = status.getAttribute('data-kind') !== 'saved';
				current.observer = new MutationObserver(() => {
					const kind = status.getAttribute('data-kind');
					const at = now();
					current.kinds.push(kind);
					if (kind !== 'saved') current.left = true;
					else if (current.left && current.savedAt === null) {
						current.savedAt = at;
						current.observer.disconnect();
					}
				});
				current.observer.observe(status, { attributes: true, attributeFilter: ['data-kind'] });
			} else {
				current.left = true;
				current.kinds.push('(no [data-testid=sync-status] element)');
			}
			const at = now();
			current.editedAt = at;
			field.value = field.value + marker;
			field.dispatchEvent(new Event('input', { bubbles: true }));
			return at;
		},

		/**
		 * Resolves once the status is known for the last edit: it became "saved" again after leaving it,
		 * or it stayed "saved" for settleMs after the edit (the app writes its change journal after
		 * 100 ms, so a change acknowledged sooner never shows as pending). Null fields on timeoutMs.
		 */
		saved(settleMs, timeoutMs) {
			const current = saving;
			if (!current) return Promise.resolve(null);
			return new Promise((resolve) => {
				const check = () => {
					const elapsed = now() - current.editedAt;
					const settled = !current.left && elapsed >= settleMs;
					if (current.savedAt !== null || settled || elapsed > timeoutMs) {
						current.observer?.disconnect();
						resolve({ savedAt: current.savedAt, left: current.left, kinds: current.kinds });
					} else setTimeout(check, 5);
				};
				check();
			});
		},

		/**
		 * Starts a tight polling loop (one MessageChannel task per check, no timer clamping) that records
		 * when `field.value` first contains `marker`. Gives up after timeoutMs.
		 */
		poll(field, marker, timeoutMs) {
			const channel = new MessageChannel();
			const start = now();
			let last = start;
			let polls = 0;
			let maxGap = 0;
			watching = new Promise((resolve) => {
				channel.port1.onmessage = () => {
					const at = now();
					polls++;
					maxGap = Math.max(maxGap, at - last);
					last = at;
					const seen = field.value.includes(marker);
					if (seen || at - start > timeoutMs) {
						channel.port1.close();
						resolve(seen ? { seenAt: at, pollMs: (at - start) / polls, maxGapMs: maxGap } : null);
					} else channel.port2.postMessage(0);
				};
				channel.port2.postMessage(0);
			});
		},

		/**
		 * Records when `field.value` is assigned a value containing `marker`, by shadowing the value
		 * property on this one element (the app's binding assigns it when a remote change arrives).
		 * No polling and no CPU while waiting. Gives up after timeoutMs.
		 */
		hook(field, marker, timeoutMs) {
			const inherited = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
			watching = new Promise((resolve) => {
				const restore = () => delete field.value;
				const timer = setTimeout(() => {
					restore();
					resolve(null);
				}, timeoutMs);
				Object.defineProperty(field, 'value', {
					configurable: true,
					get() {
						return inherited.get.call(this);
					},
					set(value) {
						inherited.set.call(this, value);
						if (!String(value).includes(marker)) return;
						const at = now();
						clearTimeout(timer);
						restore();
						resolve({ seenAt: at, pollMs: null, maxGapMs: null });
					}
				});
			});
		},

		/** The result of the last poll or hook: { seenAt, pollMs, maxGapMs } or null on timeout. */
		seen() {
			return watching ?? Promise.resolve(null);
		}
	};
})();
