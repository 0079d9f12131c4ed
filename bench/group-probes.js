/*
 * In-page probes for bench/group-latency.ts, installed in both browser pages with
 * context.addInitScript. Plain JavaScript on purpose (see page-probes.js: functions that tsx
 * compiles for page.evaluate can reference helpers that do not exist in the page).
 * Every time is performance.timeOrigin + performance.now(): ms since the epoch on the machine's
 * clock, so the writer's and the observer's times can be compared.
 */
(() => {
	const now = () => performance.timeOrigin + performance.now();
	const CURSOR = '.ProseMirror-yjs-cursor';

	/** A paragraph's text as the model has it: without others' cursor labels, nbsp as space. */
	function paragraphText(p) {
		const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
		let text = '';
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.parentElement?.closest(CURSOR)) text += node.data;
		}
		return text.replace(/\u00a0/g, ' ');
	}

	let keys = null;
	let watch = null;

	// Every frame the page sends on a group room's socket, while keys are being recorded.
	const send = WebSocket.prototype.send;
	WebSocket.prototype.send = function (data) {
		if (keys && /\/sync\/group(:|%3A)/i.test(this.url)) keys.sends.push(now());
		return send.call(this, data);
	};

	window.lederloggGroupBench = {
		now,

		/**
		 * Writer: from now on records when each printable key's keydown happened (its event time), and
		 * when the page sent a frame to the group's room.
		 */
		recordKeys() {
			keys = { times: [], sends: [] };
			const current = keys;
			document.addEventListener(
				'keydown',
				(event) => {
					if (keys !== current || event.key.length !== 1) return;
					current.times.push(performance.timeOrigin + event.timeStamp);
				},
				true
			);
		},

		/** Writer: the keydown and send times recorded since recordKeys (and stops recording). */
		keyTimes() {
			const recorded = keys ?? { times: [], sends: [] };
			keys = null;
			return recorded;
		},

		/**
		 * Observer: watches the editor for the paragraph starting with `tag` to read `base` followed by
		 * more and more of `marker`. For each marker character: when the DOM first showed it (in the
		 * MutationObserver callback) and when the frame showing it had been painted (a message posted
		 * from the next requestAnimationFrame callback runs right after that frame).
		 */
		watch(tag, base, marker) {
			watch?.observer.disconnect();
			const root = document.querySelector('.rich-text-content');
			if (!root) throw new Error('no editor on the observer page');
			const current = {
				observer: null,
				shown: 0,
				seen: new Array(marker.length).fill(null),
				painted: new Array(marker.length).fill(null),
				mutations: 0
			};
			watch = current;
			const writerText = () => {
				for (const p of root.querySelectorAll('p')) {
					const text = paragraphText(p);
					if (text.startsWith(tag)) return text;
				}
				return '';
			};
			const check = () => {
				const text = writerText();
				const before = current.shown;
				while (current.shown < marker.length && text.startsWith(base + marker.slice(0, current.shown + 1)))
					current.shown++;
				if (current.shown === before) return;
				const at = now();
				const fresh = [];
				for (let i = before; i < current.shown; i++) {
					current.seen[i] = at;
					fresh.push(i);
				}
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => {
						const paintedAt = now();
						for (const i of fresh) current.painted[i] = paintedAt;
						channel.port1.close();
					};
					channel.port2.postMessage(null);
				});
			};
			current.observer = new MutationObserver(() => {
				current.mutations++;
				check();
			});
			current.observer.observe(root, { subtree: true, childList: true, characterData: true });
			if (!writerText().startsWith(base)) {
				throw new Error(`the writer's paragraph does not start with ${JSON.stringify(base)}`);
			}
			check();
		},

		/** Observer: how many marker characters have been painted. */
		painted() {
			return watch ? watch.painted.filter((at) => at !== null).length : 0;
		},

		/** Observer: stops watching; the times (null: never shown), and what else was on the page. */
		stopWatch() {
			const current = watch;
			watch = null;
			current?.observer.disconnect();
			return {
				seen: current?.seen ?? [],
				painted: current?.painted ?? [],
				mutations: current?.mutations ?? 0,
				cursors: document.querySelectorAll(CURSOR).length,
				paragraphs: document.querySelectorAll('.rich-text-content p').length
			};
		}
	};
})();
