/**
 * The meeting log in a shared document: a colloquium group's (room `group:<id>`, see group-doc.ts)
 * or a mentor pair's (room `pair:<id>`, which adds what a pair needs: pair-meetings.ts).
 *
 * Shape (stable: every member's devices read it; a pair's document has no attendance):
 *   meetings:      Y.Map<meetingId, plain Meeting>                     replaced whole when edited
 *   meetingAgenda: Y.Map<itemId, plain MeetingAgendaItem>              one per agenda item
 *   attendance:    Y.Map<`<meetingId>:<userId>`, plain Attendance>     one per person and meeting
 *   agreements:    Y.Map<agreementId, plain Agreement>                 one per agreement
 * One record per thing two members may change at once, so concurrent edits of different things
 * (two people ticking attendance, two agreements added offline) all survive the merge. Removing a
 * meeting removes only its record: its agenda, attendance and agreements stay in the document
 * (not shown), so putting the meeting back restores all of it.
 * Records are parsed with the domain schema on the way in and out; an invalid one is skipped.
 */
import * as v from 'valibot';
import type * as Y from 'yjs';
import {
	AgreementSchema,
	AttendanceSchema,
	attendanceId,
	MeetingAgendaItemSchema,
	MeetingSchema,
	type Agreement,
	type Attendance,
	type Meeting,
	type MeetingAgendaItem,
	type MeetingLog
} from '$domain/meeting-log';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';

const MEETINGS = 'meetings';
const AGENDA = 'meetingAgenda';
const ATTENDANCE = 'attendance';
const AGREEMENTS = 'agreements';

/** The whole log; records of a meeting that is not (or no longer) there are left out. */
export function readMeetingLog(doc: Y.Doc): MeetingLog {
	const meetings = readMapItems(doc, MEETINGS, MeetingSchema).items;
	const ids = new Set(meetings.map((m) => m.id));
	const ofMeeting = <T extends { meetingId: string }>(items: T[]) =>
		items.filter((i) => ids.has(i.meetingId));
	return {
		meetings,
		agenda: ofMeeting(readMapItems(doc, AGENDA, MeetingAgendaItemSchema).items),
		attendance: ofMeeting(readMapItems(doc, ATTENDANCE, AttendanceSchema).items),
		agreements: ofMeeting(readMapItems(doc, AGREEMENTS, AgreementSchema).items)
	};
}

export function putMeeting(doc: Y.Doc, meeting: Meeting, origin: unknown): Meeting {
	return putMapItem(doc, MEETINGS, MeetingSchema, meeting, origin);
}

/** Several meetings in one change (a series planned at once): all are checked first, so it is all or none. */
export function putMeetings(doc: Y.Doc, meetings: readonly Meeting[], origin: unknown): Meeting[] {
	const parsed = meetings.map((m) => v.parse(MeetingSchema, m));
	doc.transact(() => {
		for (const m of parsed) putMapItem(doc, MEETINGS, MeetingSchema, m, origin);
	}, origin);
	return parsed;
}

export function removeMeeting(doc: Y.Doc, meetingId: string, origin: unknown): void {
	removeMapItem(doc, MEETINGS, meetingId, origin);
}

export function putAgendaItem(doc: Y.Doc, item: MeetingAgendaItem, origin: unknown): MeetingAgendaItem {
	return putMapItem(doc, AGENDA, MeetingAgendaItemSchema, item, origin);
}

/** Several agenda items in one change (two trading places). */
export function putAgendaItems(doc: Y.Doc, items: readonly MeetingAgendaItem[], origin: unknown): void {
	doc.transact(() => {
		for (const item of items) putMapItem(doc, AGENDA, MeetingAgendaItemSchema, item, origin);
	}, origin);
}

export function removeAgendaItem(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, AGENDA, id, origin);
}

/** Marks one person present or not at one meeting (their own record: no one else's is touched). */
export function setAttendance(
	doc: Y.Doc,
	meetingId: string,
	userId: string,
	present: boolean,
	origin: unknown
): Attendance {
	return putMapItem(
		doc,
		ATTENDANCE,
		AttendanceSchema,
		{ id: attendanceId(meetingId, userId), meetingId, userId, present },
		origin
	);
}

export function putAgreement(doc: Y.Doc, agreement: Agreement, origin: unknown): Agreement {
	return putMapItem(doc, AGREEMENTS, AgreementSchema, agreement, origin);
}

export function removeAgreement(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, AGREEMENTS, id, origin);
}

/** Calls back after any change to the log (here, in another tab, or from the server). */
export function observeMeetingLog(doc: Y.Doc, callback: () => void): () => void {
	return observeMaps(doc, [MEETINGS, AGENDA, ATTENDANCE, AGREEMENTS], callback);
}
