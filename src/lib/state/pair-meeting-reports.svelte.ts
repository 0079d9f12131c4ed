/**
 * Telling the scheme's coordinator that a pair meets: whenever the meeting plan of one of my active
 * pairs changes (here or on the other one's device), the report — each meeting's date in Norway
 * and whether it was held, nothing the two wrote — goes to `PUT /api/pairs/:id/meetings` when
 * there is a connection. The last report built is kept on the device with whether the server has
 * it, so a report made offline, or one that failed, is sent when the connection comes back.
 *
 * A copy of the pair's document that has neither reached the server during this visit nor been
 * changed here reports nothing: a new device's empty copy must not replace the pair's report.
 */
import type { ApiResult } from '$lib/api/client';
import { pairsApi } from '$lib/api/pairs';
import { meetingsReport, reportDue, heldMap, type StoredReports } from '$domain/pair-meeting';
import { pairRoom, type MeetingsReport, type Pair } from '$domain/pair';
import { loadSettings, saveSetting } from '$data/settings-repo';
import { readMeetingLog } from '$sync/meeting-log';
import { observePairMeetings, readPairMarks } from '$sync/pair-meetings';
import { app } from './app.svelte';
import { handleError } from './handle-error';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import { SharedStart } from './shared-start';

export type SendReport = (pairId: string, report: MeetingsReport, token: string) => Promise<ApiResult<void>>;

export class MeetingReporter {
	#stored: StoredReports | null = null;
	#queue: Promise<void> = Promise.resolve();
	#shared: SharedStart;
	#pairs: () => readonly Pair[] = () => [];

	constructor(private readonly send: SendReport) {
		this.#shared = new SharedStart(() => this.#start());
	}

	/**
	 * Follows the plan of each active pair in `pairs` (a live list) while held; returns the function
	 * that lets go.
	 */
	watch(pairs: () => readonly Pair[]): () => void {
		this.#pairs = pairs;
		return this.#shared.hold();
	}

	/** The plan of a pair is now `report`: remember it, and send it if the server does not have it. */
	changed(pairId: string, report: MeetingsReport): Promise<void> {
		return this.#enqueue(async () => {
			const stored = await this.#load();
			if (!reportDue(stored[pairId], report)) return;
			stored[pairId] = { report, sent: false };
			await this.#save();
			await this.#send(pairId);
		});
	}

	/** Sends every report the server does not have yet (when the connection comes back). */
	flush(): Promise<void> {
		return this.#enqueue(async () => {
			const stored = await this.#load();
			for (const [pairId, entry] of Object.entries(stored)) if (!entry.sent) await this.#send(pairId);
		});
	}

	async #send(pairId: string): Promise<void> {
		const entry = this.#stored?.[pairId];
		const token = app.token;
		if (!entry || entry.sent || !token || !navigator.onLine) return;
		const report = entry.report;
		const result = await this.send(pairId, report, token);
		// Only ids and counts are logged, never dates.
		if (!result.ok) return void console.info('Meetings report not sent yet', pairId, result.kind);
		const now = this.#stored?.[pairId];
		if (now && now.report === report) now.sent = true;
		await this.#save();
	}

	#enqueue(task: () => Promise<void>): Promise<void> {
		this.#queue = this.#queue.catch(() => {}).then(task);
		return this.#queue.catch((e) => handleError(e, 'reporting meetings'));
	}

	async #load(): Promise<StoredReports> {
		this.#stored ??= { ...((await loadSettings()).pairMeetingReports ?? {}) };
		return this.#stored;
	}

	async #save(): Promise<void> {
		if (this.#stored) await saveSetting('pairMeetingReports', { ...this.#stored });
	}

	#start(): () => void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
		const held = new Map<string, { room: PooledRoom; stop: () => void }>();
		const follow = (ids: readonly string[]) => {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
			const wanted = new Set(ids);
			for (const [id, entry] of held) {
				if (wanted.has(id)) continue;
				held.delete(id);
				entry.stop();
				releaseRoom(pairRoom(id));
			}
			for (const id of wanted) if (!held.has(id)) held.set(id, this.#follow(id));
		};
		const stopEffect = $effect.root(() => {
			$effect(() => {
				const signedIn = app.user !== null && app.mode === 'account' && !app.isGuest;
				follow(
					signedIn
						? this.#pairs()
								.filter((p) => p.endedAt === null)
								.map((p) => p.id)
						: []
				);
			});
		});
		const online = () => void this.flush();
		window.addEventListener('online', online);
		void this.flush();
		return () => {
			window.removeEventListener('online', online);
			stopEffect();
			follow([]);
		};
	}

	/** Holds one pair's room and reports its plan after each change (once the copy can be trusted). */
	#follow(pairId: string): { room: PooledRoom; stop: () => void } {
		const room = acquireRoom(pairRoom(pairId));
		let stopped = false;
		const stops: (() => void)[] = [];
		void room.opened.then(() => {
			if (stopped || room.shared.access === 'removed') return;
			const doc = room.shared.doc.doc;
			const report = () => {
				const shared = room.shared;
				const trusted = shared.everSynced || shared.unacknowledged > 0;
				if (!trusted || shared.access === 'removed') return;
				const log = readMeetingLog(doc);
				void this.changed(pairId, meetingsReport(log.meetings, heldMap(readPairMarks(doc).held)));
			};
			stops.push(observePairMeetings(doc, report));
			// Reaching the server (or a first change here) makes the copy one to report from.
			stops.push(
				$effect.root(() => {
					$effect(() => {
						if (room.shared.everSynced || room.shared.unacknowledged > 0) report();
					});
				})
			);
		});
		return {
			room,
			stop: () => {
				stopped = true;
				for (const stop of stops.splice(0)) stop();
			}
		};
	}
}

/** The one reporter of this page, started from the root layout while signed in. */
export const meetingReporter = new MeetingReporter(pairsApi.reportMeetings);
