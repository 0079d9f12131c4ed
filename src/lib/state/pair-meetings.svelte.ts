/**
 * A mentor pair's meetings, as `/pairs/[id]/meetings` uses them: the shared meeting log
 * (meeting-log.svelte.ts) in the pair's room `pair:<id>`, whose people are the mentor and the
 * mentee, plus what a pair adds — a series planned at once, one .ics for the whole plan, the
 * held mark, follow-ups ticked done, an agenda picked from the scheme's guides, each meeting's
 * shared notes co-edited with presence. Everything is written to the device first and reaches the
 * other one when there is a connection. An ended pair's log is read-only.
 *
 * The private reflection is not here: it is a note in my own workspace (pair-reflection.svelte.ts).
 */
import { pairRoom, type Pair } from '$domain/pair';
import { isoInstant, sortMeetings, type Meeting } from '$domain/meeting-log';
import {
	doneMap,
	groupSuggestions,
	heldMap,
	meetingsFromSeries,
	type SeriesDraft,
	type SuggestionGroup
} from '$domain/pair-meeting';
import { presenceUser, type Present } from '$domain/presence';
import { putMeetings } from '$sync/meeting-log';
import {
	meetingNotes,
	observeGuideSuggestions,
	observePairMeetings,
	readGuideSuggestions,
	readPairMarks,
	setDone,
	setHeld
} from '$sync/pair-meetings';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { hidePresence, observePresence, readPresence, showPresence } from '$sync/presence';
import { t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { MeetingLogView, type MeetingCalendar, type MeetingPerson, type RoomDoc } from './meeting-log.svelte';
import { acquireProgramme, releaseProgramme } from './programme-rooms';
import type { MountRichText } from './rich-text';
import type { PooledRoom } from './room-pool';

export class PairMeetings extends MeetingLogView {
	#held = $state.raw(heldMap([]));
	#done = $state.raw(doneMap([]));
	#present = $state.raw<Present[]>([]);
	#guides = $state.raw<SuggestionGroup[]>([]);
	#guidesLoaded = $state(false);
	#page: string | null = null;

	/** `pair`: the pair as my list knows it (null until known; the page works from the device without it). */
	constructor(
		readonly pairId: string,
		private readonly findPair: () => Pair | null
	) {
		super(pairRoom(pairId));
	}

	get pair(): Pair | null {
		return this.findPair();
	}
	get people(): MeetingPerson[] {
		const pair = this.pair;
		return pair ? [pair.mentee, pair.mentor] : [];
	}
	get tracksAttendance(): boolean {
		return false;
	}
	/**
	 * The coordinator ended the pair (the server refuses its room then): what is on the device
	 * stays readable, nothing more is written.
	 */
	get ended(): boolean {
		return this.pair?.endedAt != null || this.access === 'removed';
	}
	protected override get keptWhenRefused(): boolean {
		return true;
	}
	protected override get writable(): boolean {
		return !this.ended;
	}
	/** The other one, here now (on which meeting: `pages`). */
	get present(): Present[] {
		return this.#present;
	}
	/** The suggestions of the topics and questions guides, grouped by guide and heading. */
	get suggestionGroups(): SuggestionGroup[] {
		return this.#guides;
	}
	/** The scheme's guides have been read from the device. */
	get guidesLoaded(): boolean {
		return this.#guidesLoaded;
	}

	isHeld(meetingId: string): boolean {
		return this.#held.get(meetingId) === true;
	}
	/** agreement id → done, for a meeting's follow-ups. */
	get done(): Map<string, boolean> {
		return this.#done;
	}
	/** Meetings held, of all planned. */
	get heldCount(): number {
		return this.meetings.filter((m) => this.isHeld(m.id)).length;
	}
	presentOn(meetingId: string): Present[] {
		return this.#present.filter((p) => p.pages.includes(meetingId));
	}

	protected override readMore(doc: RoomDoc): void {
		const marks = readPairMarks(doc);
		this.#held = heldMap(marks.held);
		this.#done = doneMap(marks.done);
	}

	protected override observe(doc: RoomDoc, callback: () => void): () => void {
		return observePairMeetings(doc, callback);
	}

	protected override afterOpen(opened: PooledRoom): void {
		const { awareness } = opened.shared.doc;
		const readPeople = () => (this.#present = readPresence(awareness, app.user?.id ?? null));
		readPeople();
		this.onDestroy(observePresence(awareness, readPeople));
		this.onDestroy(() => {
			if (opened.shared.access !== 'removed') hidePresence(awareness);
		});
		this.#showMe();
	}

	protected calendar(): MeetingCalendar {
		const other = this.#otherName();
		const name = other
			? t('pairMeetings.ics.calendar', { name: other })
			: t('pairMeetings.ics.calendarNoName');
		return {
			scope: `pair-${this.pairId}`,
			name,
			title: name,
			allFileName: t('pairMeetings.ics.allName', { name: other || t('pairMeetings.ics.mentor') })
		};
	}

	#otherName(): string {
		const pair = this.pair;
		const me = this.me;
		if (!pair || !me) return '';
		return (pair.mentor.userId === me ? pair.mentee : pair.mentor).name;
	}

	/** Tells the other one which meeting I look at (null: the list). */
	enter(meetingId: string | null): void {
		this.#page = meetingId;
		this.#showMe();
	}

	#showMe(): void {
		const opened = this.opened;
		const user = app.user;
		if (!opened || !user || !this.loaded || opened.shared.access === 'removed') return;
		showPresence(opened.shared.doc.awareness, presenceUser(user.id, user.name), this.#page);
	}

	// --- Planning ---

	/** Plans a series (or one meeting: a count of 1) in one change. Throws a ValiError for an invalid draft. */
	planSeries(draft: SeriesDraft, now = Date.now()): Meeting[] {
		const { doc, user } = this.write();
		const meetings = meetingsFromSeries(draft).map((m) => this.newMeeting(m, user.id, now));
		return putMeetings(doc, meetings, LOCAL_ORIGIN);
	}

	/** The whole plan, every meeting (held or not), as one .ics. */
	downloadPlan(): Promise<void> {
		return this.downloadMeetings(sortMeetings(this.meetings), true);
	}

	// --- Held, done ---

	setHeld(meetingId: string, held: boolean, now = Date.now()): void {
		const { doc, user } = this.write();
		this.requireMeeting(meetingId);
		setHeld(doc, meetingId, held, user.id, isoInstant(now), LOCAL_ORIGIN);
	}

	setDone(agreementId: string, done: boolean, now = Date.now()): void {
		const { doc, user } = this.write();
		if (!this.log.agreements.some((a) => a.id === agreementId)) throw new Error('No such follow-up');
		setDone(doc, agreementId, done, user.id, isoInstant(now), LOCAL_ORIGIN);
	}

	// --- Shared notes ---

	/** The editor of a meeting's shared notes, with the other one's cursor. */
	mountNotes =
		(meetingId: string): MountRichText =>
		async (element, options) => {
			const { mountEditor } = await import('$sync/rich-text');
			const opened = this.opened;
			if (!opened) throw new Error('The pair is not open.');
			await opened.opened;
			const { doc, awareness } = opened.shared.doc;
			return mountEditor(element, meetingNotes(doc, meetingId), { ...options, awareness });
		};

	// --- The scheme's guides ---

	/**
	 * Reads the suggestions of the scheme's topics and questions guides from its programme
	 * document (on the device: the programme keeper holds it), and follows changes; returns the
	 * function that stops.
	 */
	watchGuides(programmeId: string): () => void {
		const rooms = acquireProgramme(programmeId);
		let stopped = false;
		let stopObserving = () => {};
		void rooms.opened.then(() => {
			if (stopped) return;
			const doc = rooms.main.doc.doc;
			const read = () => {
				this.#guides = groupSuggestions(readGuideSuggestions(doc));
				this.#guidesLoaded = true;
			};
			read();
			stopObserving = observeGuideSuggestions(doc, read);
		});
		return () => {
			stopped = true;
			stopObserving();
			releaseProgramme(programmeId);
		};
	}
}
