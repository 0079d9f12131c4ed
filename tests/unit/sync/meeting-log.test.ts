import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Agreement, Meeting, MeetingAgendaItem } from '$domain/meeting-log';
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

const docs: Y.Doc[] = [];
const newDoc = () => {
	const doc = new Y.Doc();
	docs.push(doc);
	return doc;
};
afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

const meeting: Meeting = {
	id: 'm1',
	startsAt: '2026-05-12T18:00',
	timeZone: 'Europe/Oslo',
	durationMinutes: 90,
	place: 'Bodø bibliotek',
	createdAt: '2026-04-01T10:00:00.000Z',
	createdBy: 'kari'
};
const agendaItem = (id: string, order: number): MeetingAgendaItem => ({
	id,
	meetingId: 'm1',
	text: `Sak ${id}`,
	order,
	addedBy: 'kari'
});
const agreement = (id: string, addedBy: string, createdAt: string): Agreement => ({
	id,
	meetingId: 'm1',
	text: `Avtale ${id}`,
	who: '',
	due: '',
	addedBy,
	createdAt
});

/** Sends every change of each doc to the other, as the server would (both ways). */
function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the meeting log in the group document', () => {
	it('stores meetings, agenda, attendance and agreements, and calls back on each change', () => {
		const doc = newDoc();
		let changes = 0;
		const stop = observeMeetingLog(doc, () => changes++);
		putMeeting(doc, { ...meeting, place: '  Bodø bibliotek ' }, 'me');
		putAgendaItem(doc, agendaItem('a', 1), 'me');
		putAgendaItems(doc, [agendaItem('b', 2), agendaItem('c', 3)], 'me');
		setAttendance(doc, 'm1', 'kari', true, 'me');
		putAgreement(doc, agreement('x', 'kari', '2026-05-12T18:30:00.000Z'), 'me');
		expect(changes).toBe(5);
		const log = readMeetingLog(doc);
		expect(log.meetings).toEqual([meeting]);
		expect(log.agenda.map((i) => i.id).sort()).toEqual(['a', 'b', 'c']);
		expect(log.attendance).toEqual([{ id: 'm1:kari', meetingId: 'm1', userId: 'kari', present: true }]);
		expect(log.agreements.map((a) => a.id)).toEqual(['x']);

		removeAgendaItem(doc, 'b', 'me');
		removeAgreement(doc, 'x', 'me');
		setAttendance(doc, 'm1', 'kari', false, 'me');
		const after = readMeetingLog(doc);
		expect(after.agenda.map((i) => i.id).sort()).toEqual(['a', 'c']);
		expect(after.agreements).toEqual([]);
		expect(after.attendance[0].present).toBe(false);
		stop();
	});

	it('refuses an invalid record and skips one stored by a broken client', () => {
		const doc = newDoc();
		expect(() => putMeeting(doc, { ...meeting, durationMinutes: 5 }, 'me')).toThrow();
		expect(() => putAgendaItem(doc, { ...agendaItem('a', 1), text: ' ' }, 'me')).toThrow();
		putMeeting(doc, meeting, 'me');
		doc.getMap('meetings').set('bad', { id: 'bad', startsAt: 'soon' });
		doc.getMap('attendance').set('m1:per', { id: 'm1:ola', meetingId: 'm1', userId: 'per', present: true });
		const log = readMeetingLog(doc);
		expect(log.meetings.map((m) => m.id)).toEqual(['m1']);
		expect(log.attendance).toEqual([]);
	});

	it('hides a removed meeting’s records and brings them back with it', () => {
		const doc = newDoc();
		putMeeting(doc, meeting, 'me');
		putAgendaItem(doc, agendaItem('a', 1), 'me');
		setAttendance(doc, 'm1', 'per', true, 'me');
		putAgreement(doc, agreement('x', 'per', '2026-05-12T18:30:00.000Z'), 'me');
		removeMeeting(doc, 'm1', 'me');
		expect(readMeetingLog(doc)).toEqual({ meetings: [], agenda: [], attendance: [], agreements: [] });
		putMeeting(doc, meeting, 'me');
		const log = readMeetingLog(doc);
		expect([log.agenda.length, log.attendance.length, log.agreements.length]).toEqual([1, 1, 1]);
	});

	it('merges two members ticking attendance and adding agreements at once, losing nothing', () => {
		const kari = newDoc();
		const per = newDoc();
		putMeeting(kari, meeting, 'me');
		putAgendaItem(kari, agendaItem('a', 1), 'me');
		sync(kari, per);

		// Both offline: each ticks themselves and someone else, and writes an agreement.
		setAttendance(kari, 'm1', 'kari', true, 'me');
		setAttendance(kari, 'm1', 'sigrid', true, 'me');
		putAgreement(kari, agreement('k1', 'kari', '2026-05-12T18:30:00.000Z'), 'me');
		setAttendance(per, 'm1', 'per', true, 'me');
		setAttendance(per, 'm1', 'ola', false, 'me');
		putAgreement(per, agreement('p1', 'per', '2026-05-12T18:31:00.000Z'), 'me');
		putAgendaItem(per, agendaItem('b', 2), 'me');
		sync(kari, per);

		for (const doc of [kari, per]) {
			const log = readMeetingLog(doc);
			const present = Object.fromEntries(log.attendance.map((a) => [a.userId, a.present]));
			expect(present).toEqual({ kari: true, sigrid: true, per: true, ola: false });
			expect(log.agreements.map((a) => a.id).sort()).toEqual(['k1', 'p1']);
			expect(log.agenda.map((i) => i.id).sort()).toEqual(['a', 'b']);
		}
		// Both hold the same records (a map's order of entries may differ).
		const byId = (doc: Y.Doc) =>
			Object.fromEntries(
				Object.entries(readMeetingLog(doc)).map(([name, items]) => [
					name,
					[...items].sort((a, b) => a.id.localeCompare(b.id))
				])
			);
		expect(byId(kari)).toEqual(byId(per));
	});

	it('settles two members ticking the same person on one value everywhere', () => {
		const kari = newDoc();
		const per = newDoc();
		putMeeting(kari, meeting, 'me');
		sync(kari, per);
		setAttendance(kari, 'm1', 'sigrid', true, 'me');
		setAttendance(per, 'm1', 'sigrid', false, 'me');
		sync(kari, per);
		expect(readMeetingLog(kari).attendance).toEqual(readMeetingLog(per).attendance);
		expect(readMeetingLog(kari).attendance).toHaveLength(1);
	});
});
