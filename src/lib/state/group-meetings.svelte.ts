/**
 * One colloquium group's meeting log as its page uses it: the meetings (next, upcoming, past),
 * each one's agenda, attendance and agreements, live, and the verbs. Everything is written to the
 * device at once through the group's room (journal and write-ahead log included, so it is kept
 * offline and sent when there is a connection). Every member of the group may change every part
 * of the log: the room is the group's, and the log is the group's shared record.
 */
import * as v from 'valibot';
import { api } from '$lib/api/client';
import { groupRoom, type Group, type GroupMember } from '$domain/group';
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
} from '$domain/group-meeting';
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
} from '$sync/group-meetings';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { downloadFile } from './download-file';
import { myGroups } from './groups.svelte';
import { handleError } from './handle-error';
import { newRecordId } from './records.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

/** How often "now" moves on, so a meeting that has ended leaves "next" while the page is open. */
const CLOCK_MS = 60_000;

export class GroupMeetings {
	readonly room: string;
	#log = $state.raw<MeetingLog>(emptyMeetingLog());
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#fetched = $state.raw<Group | null>(null);
	#now = $state(Date.now());
	#split = $derived(splitMeetings(this.#log.meetings, this.#now));
	#stops: (() => void)[] = [];

	constructor(readonly groupId: string) {
		this.room = groupRoom(groupId);
	}

	/** The log has been read from this device. */
	get loaded() {
		return this.#loaded;
	}
	/** 'removed': the server refused this account the group (not, or no longer, a member). */
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	/** The server's copy has been received during this visit. */
	get everSynced(): boolean {
		return this.#opened?.shared.everSynced ?? false;
	}
	get canWrite(): boolean {
		return app.user !== null && !app.isGuest && this.access === 'open' && this.#loaded;
	}
	/** The group as my list (or the server) knows it; null until known. */
	get group(): Group | null {
		return myGroups.find(this.groupId) ?? this.#fetched;
	}
	get members(): GroupMember[] {
		return this.group?.members ?? [];
	}
	get me(): string | null {
		return app.user?.id ?? null;
	}
	get now() {
		return this.#now;
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

	agendaOf(meetingId: string): MeetingAgendaItem[] {
		return agendaOf(this.#log.agenda, meetingId);
	}
	agreementsOf(meetingId: string): Agreement[] {
		return agreementsOf(this.#log.agreements, meetingId);
	}
	/** user id → marked present (a member never marked is absent from the map). */
	attendanceOf(meetingId: string): Map<string, boolean> {
		return attendanceOf(this.#log.attendance, meetingId);
	}
	summary(meetingId: string): { present: number; total: number } {
		return attendanceSummary(
			this.#log.attendance,
			meetingId,
			this.members.map((m) => m.userId)
		);
	}

	async open(): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		const clock = setInterval(() => (this.#now = Date.now()), CLOCK_MS);
		this.#stops.push(() => clearInterval(clock));
		void this.#findGroup().catch((e) => handleError(e, 'loading the group'));
		await opened.opened;
		if (this.#opened !== opened || opened.shared.access === 'removed') return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			if (opened.shared.access !== 'removed') this.#log = readMeetingLog(doc);
		};
		read();
		this.#loaded = true;
		this.#stops.push(observeMeetingLog(doc, read));
	}

	destroy(): void {
		for (const stop of this.#stops.splice(0)) stop();
		if (this.#opened) releaseRoom(this.room);
		this.#opened = null;
	}

	/** Who is in the group: my list on the device first, else the server. */
	async #findGroup(): Promise<void> {
		if (!myGroups.loaded) await myGroups.load();
		if (myGroups.find(this.groupId)) return;
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await api.group(this.groupId, token);
		if (result.ok && this.#opened) this.#fetched = result.value.group;
	}

	// --- Meetings ---

	/** Plans a meeting. Throws a ValiError for an invalid draft (the form checks it first). */
	schedule(draft: MeetingDraft, now = Date.now()): Meeting {
		const { doc, user } = this.#write();
		return putMeeting(
			doc,
			{
				id: newRecordId(),
				...meetingFromDraft(draft),
				timeZone: MEETING_TIME_ZONE,
				createdAt: isoInstant(now),
				createdBy: user.id
			},
			LOCAL_ORIGIN
		);
	}

	/** Changes a meeting's time, length or place. */
	edit(meetingId: string, draft: MeetingDraft): Meeting {
		const { doc } = this.#write();
		const current = this.#meeting(meetingId);
		return putMeeting(doc, { ...current, ...meetingFromDraft(draft) }, LOCAL_ORIGIN);
	}

	/** Removes a meeting; answers it, so an undo can put it back with everything it had. */
	removeMeeting(meetingId: string): Meeting {
		const { doc } = this.#write();
		const current = this.#meeting(meetingId);
		removeMeeting(doc, meetingId, LOCAL_ORIGIN);
		return current;
	}

	restoreMeeting(meeting: Meeting): Meeting {
		return putMeeting(this.#write().doc, meeting, LOCAL_ORIGIN);
	}

	// --- Agenda ---

	/** Adds an item at the end of a meeting's agenda. Throws a ValiError for an empty or too long text. */
	addAgendaItem(meetingId: string, text: string): MeetingAgendaItem {
		const { doc, user } = this.#write();
		this.#meeting(meetingId);
		return putAgendaItem(
			doc,
			{
				id: newRecordId(),
				meetingId,
				text: v.parse(AgendaTextSchema, text),
				order: agendaOrderAtEnd(this.#log.agenda, meetingId),
				addedBy: user.id
			},
			LOCAL_ORIGIN
		);
	}

	moveAgendaItem(id: string, direction: -1 | 1): void {
		const moved = moveAgendaItem(this.#log.agenda, id, direction);
		if (moved.length) putAgendaItems(this.#write().doc, moved, LOCAL_ORIGIN);
	}

	removeAgendaItem(id: string): MeetingAgendaItem | null {
		const { doc } = this.#write();
		const item = this.#log.agenda.find((i) => i.id === id) ?? null;
		removeAgendaItem(doc, id, LOCAL_ORIGIN);
		return item;
	}

	restoreAgendaItem(item: MeetingAgendaItem): MeetingAgendaItem {
		return putAgendaItem(this.#write().doc, item, LOCAL_ORIGIN);
	}

	// --- Attendance ---

	/** Marks a member (me or anyone in the group) present or not. */
	setAttendance(meetingId: string, userId: string, present: boolean): void {
		const { doc } = this.#write();
		this.#meeting(meetingId);
		setAttendance(doc, meetingId, userId, present, LOCAL_ORIGIN);
	}

	// --- Agreements ---

	/** Records what we agreed. Throws a ValiError for an invalid one (the form checks it first). */
	addAgreement(meetingId: string, input: NewAgreement, now = Date.now()): Agreement {
		const { doc, user } = this.#write();
		this.#meeting(meetingId);
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
		const { doc } = this.#write();
		const agreement = this.#log.agreements.find((a) => a.id === id) ?? null;
		removeAgreement(doc, id, LOCAL_ORIGIN);
		return agreement;
	}

	restoreAgreement(agreement: Agreement): Agreement {
		return putAgreement(this.#write().doc, agreement, LOCAL_ORIGIN);
	}

	// --- Calendar ---

	/** Saves one meeting, or every upcoming one, as an .ics file the calendar app opens. */
	async downloadCalendar(meetingId?: string): Promise<void> {
		const meetings = meetingId ? [this.#meeting(meetingId)] : this.upcoming;
		if (!meetings.length) return;
		// The calendar library loads only when someone exports.
		const [{ meetingsIcs }, { icsFileName }] = await Promise.all([
			import('$domain/group-meeting-ics'),
			import('$domain/calendar')
		]);
		const groupName = this.group?.name || t('meetings.ics.group');
		const text = meetingsIcs({
			groupId: this.groupId,
			groupName,
			title: t('meetings.ics.title', { group: groupName }),
			meetings,
			agenda: this.#log.agenda
		});
		const name = meetingId
			? `${groupName} ${meetings[0].startsAt.slice(0, 10)}`
			: t('meetings.ics.allName', { group: groupName });
		downloadFile(text, 'text/calendar;charset=utf-8', icsFileName(name));
	}

	#meeting(meetingId: string): Meeting {
		const meeting = this.#log.meetings.find((m) => m.id === meetingId);
		if (!meeting) throw new Error('No such meeting');
		return meeting;
	}

	#write() {
		const doc = this.#opened?.shared.doc.doc;
		const user = app.user;
		if (!doc || !user || !this.canWrite) throw new Error('The meeting log cannot be written here');
		return { doc, user };
	}
}
