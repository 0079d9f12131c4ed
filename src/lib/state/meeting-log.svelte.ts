/**
 * A meeting log as its pages use it, whoever it belongs to: a colloquium group's
 * (group-meetings.svelte.ts) or a mentor pair's (pair-meetings.svelte.ts) — a room and its people.
 * The meetings (next, upcoming, past), each one's agenda, attendance and agreements, live, and the
 * verbs. Everything is written to the device at once through the room (journal and write-ahead log
 * included, so it is kept offline and sent when there is a connection). Everyone who opens the
 * room may change every part of the log: the log is their shared record.
 *
 * A subclass says who the people are, what the calendar file is called, and may read and observe
 * more of the document (`readMore`, `observe`).
 */
import * as v from 'valibot';
import {
	agendaOf,
	agendaOrderAtEnd,
	agreementsOf,
	attendanceOf,
	attendanceSummary,
	AgendaTextSchema,
	emptyMeetingLog,
	isoInstant,
	MEETING_TIME_ZONE,
	meetingFromDraft,
	moveAgendaItem,
	NewAgreementSchema,
	splitMeetings,
	type Agreement,
	type Meeting,
	type MeetingAgendaItem,
	type MeetingDraft,
	type MeetingLog,
	type NewAgreement
} from '$domain/meeting-log';
import type { GuideKey } from '$domain/mentor-guides';
import {
	observeMeetingLog,
	putAgendaItem,
	putAgendaItems,
	putAgreement,
	putMeeting,
	readMeetingLog,
	removeAgendaItem,
	removeAgreement,
	removeMeeting,
	setAttendance
} from '$sync/meeting-log';
import { LOCAL_ORIGIN, type PersistedDoc } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { downloadFile } from './download-file';
import { newRecordId } from './records.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

/** A room's Y.Doc, as the sync layer hands it over (never read here: only passed back to sync/). */
export type RoomDoc = PersistedDoc['doc'];

/** How often "now" moves on, so a meeting that has ended leaves "next" while the page is open. */
const CLOCK_MS = 60_000;

/** Someone the log names: a member of the group, one of the pair. */
export interface MeetingPerson {
	userId: string;
	name: string;
}

/** What the calendar file says. */
export interface MeetingCalendar {
	/** Whose log, in the events' UIDs (see domain/meeting-ics.ts). */
	scope: string;
	/** The calendar's name; also the start of a single meeting's file name. */
	name: string;
	/** Each event's title. */
	title: string;
	/** The file name of several meetings. */
	allFileName: string;
}

export abstract class MeetingLogView {
	#log = $state.raw<MeetingLog>(emptyMeetingLog());
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#now = $state(Date.now());
	#split = $derived(splitMeetings(this.#log.meetings, this.#now));
	#stops: (() => void)[] = [];

	constructor(readonly room: string) {}

	/** Who the log is about (named in agreements, ticked in attendance). */
	abstract get people(): MeetingPerson[];
	/** Whether the log keeps who attended (a group's does; a pair marks a meeting held instead). */
	abstract get tracksAttendance(): boolean;
	protected abstract calendar(): MeetingCalendar;

	/** The log has been read from this device. */
	get loaded() {
		return this.#loaded;
	}
	/** 'removed': the server refused this account the room (not, or no longer, one of its people). */
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	/** The server's copy has been received during this visit. */
	get everSynced(): boolean {
		return this.#opened?.shared.everSynced ?? false;
	}
	get canWrite(): boolean {
		return app.user !== null && !app.isGuest && this.access === 'open' && this.#loaded && this.writable;
	}
	/**
	 * Whether the device keeps its copy when the server refuses the room (a pair that has ended:
	 * the two still read what they wrote); otherwise a refused room shows nothing.
	 */
	protected get keptWhenRefused(): boolean {
		return false;
	}
	/** More reasons the log is read-only (a pair that has ended). */
	protected get writable(): boolean {
		return true;
	}
	get me(): string | null {
		return app.user?.id ?? null;
	}
	get now() {
		return this.#now;
	}
	/** Every meeting, as read. */
	get meetings(): Meeting[] {
		return this.#log.meetings;
	}
	/** Meetings not yet ended, soonest first (the first is the next meeting). */
	get upcoming(): Meeting[] {
		return this.#split.upcoming;
	}
	/** Meetings that have ended, latest first. */
	get past(): Meeting[] {
		return this.#split.past;
	}
	get next(): Meeting | null {
		return this.#split.upcoming[0] ?? null;
	}

	meeting(meetingId: string): Meeting | null {
		return this.#log.meetings.find((m) => m.id === meetingId) ?? null;
	}
	agendaOf(meetingId: string): MeetingAgendaItem[] {
		return agendaOf(this.#log.agenda, meetingId);
	}
	agreementsOf(meetingId: string): Agreement[] {
		return agreementsOf(this.#log.agreements, meetingId);
	}
	/** user id → marked present (someone never marked is absent from the map). */
	attendanceOf(meetingId: string): Map<string, boolean> {
		return attendanceOf(this.#log.attendance, meetingId);
	}
	summary(meetingId: string): { present: number; total: number } {
		return attendanceSummary(
			this.#log.attendance,
			meetingId,
			this.people.map((m) => m.userId)
		);
	}

	async open(): Promise<void> {
		const opened = this.acquire();
		this.#opened = opened;
		const clock = setInterval(() => (this.#now = Date.now()), CLOCK_MS);
		this.#stops.push(() => clearInterval(clock));
		await opened.opened;
		const refused = () => opened.shared.access === 'removed' && !this.keptWhenRefused;
		if (this.#opened !== opened || refused()) return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			if (refused()) return;
			this.#log = readMeetingLog(doc);
			this.readMore(doc);
		};
		read();
		this.#loaded = true;
		this.#stops.push(this.observe(doc, read));
		this.afterOpen(opened);
	}

	destroy(): void {
		for (const stop of this.#stops.splice(0)) stop();
		const opened = this.#opened;
		this.#opened = null;
		if (opened) this.release(opened);
	}

	/** The room's document from the pool (a subclass may hold it differently). */
	protected acquire(): PooledRoom {
		return acquireRoom(this.room);
	}
	protected release(_opened: PooledRoom): void {
		releaseRoom(this.room);
	}
	/** Reads what a subclass keeps beside the log (after each change). */
	protected readMore(_doc: RoomDoc): void {}
	/** Calls back after each change to the log (and what a subclass keeps beside it). */
	protected observe(doc: RoomDoc, callback: () => void): () => void {
		return observeMeetingLog(doc, callback);
	}
	/** Once the log is read: what else a subclass starts (stopped by `onDestroy`). */
	protected afterOpen(_opened: PooledRoom): void {}
	/** Runs `stop` when the view is destroyed. */
	protected onDestroy(stop: () => void): void {
		this.#stops.push(stop);
	}
	/** The open room, once loaded (null before, and after the view is destroyed). */
	protected get opened(): PooledRoom | null {
		return this.#opened;
	}
	protected get log(): MeetingLog {
		return this.#log;
	}

	// --- Meetings ---

	/** Plans a meeting. Throws a ValiError for an invalid draft (the form checks it first). */
	schedule(draft: MeetingDraft, now = Date.now()): Meeting {
		const { doc, user } = this.write();
		return putMeeting(doc, this.newMeeting(meetingFromDraft(draft), user.id, now), LOCAL_ORIGIN);
	}

	protected newMeeting(
		what: Pick<Meeting, 'startsAt' | 'durationMinutes' | 'place'>,
		userId: string,
		now: number
	): Meeting {
		return {
			id: newRecordId(),
			...what,
			timeZone: MEETING_TIME_ZONE,
			createdAt: isoInstant(now),
			createdBy: userId
		};
	}

	/** Changes a meeting's time, length or place. */
	edit(meetingId: string, draft: MeetingDraft): Meeting {
		const { doc } = this.write();
		const current = this.requireMeeting(meetingId);
		return putMeeting(doc, { ...current, ...meetingFromDraft(draft) }, LOCAL_ORIGIN);
	}

	/** Removes a meeting; answers it, so an undo can put it back with everything it had. */
	removeMeeting(meetingId: string): Meeting {
		const { doc } = this.write();
		const current = this.requireMeeting(meetingId);
		removeMeeting(doc, meetingId, LOCAL_ORIGIN);
		return current;
	}

	restoreMeeting(meeting: Meeting): Meeting {
		return putMeeting(this.write().doc, meeting, LOCAL_ORIGIN);
	}

	// --- Agenda ---

	/**
	 * Adds an item at the end of a meeting's agenda (`guide`: the guide it was picked from).
	 * Throws a ValiError for an empty or too long text.
	 */
	addAgendaItem(meetingId: string, text: string, guide?: GuideKey): MeetingAgendaItem {
		const { doc, user } = this.write();
		this.requireMeeting(meetingId);
		return putAgendaItem(
			doc,
			{
				id: newRecordId(),
				meetingId,
				text: v.parse(AgendaTextSchema, text),
				order: agendaOrderAtEnd(this.#log.agenda, meetingId),
				addedBy: user.id,
				...(guide ? { guide } : {})
			},
			LOCAL_ORIGIN
		);
	}

	/** Adds several items at the end of a meeting's agenda, in this order, in one change. */
	addAgendaItems(
		meetingId: string,
		items: readonly { text: string; guide?: GuideKey }[]
	): MeetingAgendaItem[] {
		const { doc, user } = this.write();
		this.requireMeeting(meetingId);
		const start = agendaOrderAtEnd(this.#log.agenda, meetingId);
		const added = items.map((item, i) => ({
			id: newRecordId(),
			meetingId,
			text: v.parse(AgendaTextSchema, item.text),
			order: start + i,
			addedBy: user.id,
			...(item.guide ? { guide: item.guide } : {})
		}));
		putAgendaItems(doc, added, LOCAL_ORIGIN);
		return added;
	}

	moveAgendaItem(id: string, direction: -1 | 1): void {
		const moved = moveAgendaItem(this.#log.agenda, id, direction);
		if (moved.length) putAgendaItems(this.write().doc, moved, LOCAL_ORIGIN);
	}

	removeAgendaItem(id: string): MeetingAgendaItem | null {
		const { doc } = this.write();
		const item = this.#log.agenda.find((i) => i.id === id) ?? null;
		removeAgendaItem(doc, id, LOCAL_ORIGIN);
		return item;
	}

	restoreAgendaItem(item: MeetingAgendaItem): MeetingAgendaItem {
		return putAgendaItem(this.write().doc, item, LOCAL_ORIGIN);
	}

	// --- Attendance ---

	/** Marks someone (me or anyone of the log's people) present or not. */
	setAttendance(meetingId: string, userId: string, present: boolean): void {
		const { doc } = this.write();
		this.requireMeeting(meetingId);
		setAttendance(doc, meetingId, userId, present, LOCAL_ORIGIN);
	}

	// --- Agreements ---

	/** Records what was agreed. Throws a ValiError for an invalid one (the form checks it first). */
	addAgreement(meetingId: string, input: NewAgreement, now = Date.now()): Agreement {
		const { doc, user } = this.write();
		this.requireMeeting(meetingId);
		return putAgreement(
			doc,
			{
				id: newRecordId(),
				meetingId,
				...v.parse(NewAgreementSchema, input),
				addedBy: user.id,
				createdAt: isoInstant(now)
			},
			LOCAL_ORIGIN
		);
	}

	removeAgreement(id: string): Agreement | null {
		const { doc } = this.write();
		const agreement = this.#log.agreements.find((a) => a.id === id) ?? null;
		removeAgreement(doc, id, LOCAL_ORIGIN);
		return agreement;
	}

	restoreAgreement(agreement: Agreement): Agreement {
		return putAgreement(this.write().doc, agreement, LOCAL_ORIGIN);
	}

	// --- Calendar ---

	/** Saves one meeting, or every upcoming one, as an .ics file the calendar app opens. */
	downloadCalendar(meetingId?: string): Promise<void> {
		return this.downloadMeetings(meetingId ? [this.requireMeeting(meetingId)] : this.upcoming, !meetingId);
	}

	/** Saves these meetings as one .ics file (`all`: named as several). */
	protected async downloadMeetings(meetings: readonly Meeting[], all: boolean): Promise<void> {
		if (!meetings.length) return;
		// The calendar library loads only when someone exports.
		const [{ meetingsIcs }, { icsFileName }] = await Promise.all([
			import('$domain/meeting-ics'),
			import('$domain/calendar')
		]);
		const calendar = this.calendar();
		const text = meetingsIcs({
			scope: calendar.scope,
			calendarName: calendar.name,
			title: calendar.title,
			meetings,
			agenda: this.#log.agenda
		});
		const name = all ? calendar.allFileName : `${calendar.name} ${meetings[0].startsAt.slice(0, 10)}`;
		downloadFile(text, 'text/calendar;charset=utf-8', icsFileName(name));
	}

	protected requireMeeting(meetingId: string): Meeting {
		const meeting = this.meeting(meetingId);
		if (!meeting) throw new Error('No such meeting');
		return meeting;
	}

	protected write() {
		const doc = this.#opened?.shared.doc.doc;
		const user = app.user;
		if (!doc || !user || !this.canWrite) throw new Error('The meeting log cannot be written here');
		return { doc, user };
	}
}
