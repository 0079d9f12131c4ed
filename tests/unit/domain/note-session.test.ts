import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	eventKey,
	likelySessionEvent,
	NewNoteSchema,
	NoteIndexRowSchema,
	NoteSnapshotSchema,
	projectNote,
	sessionKey,
	sessionKeys,
	type NoteSession
} from '$domain/note';
import type { ProgrammeEvent } from '$domain/programme';
import { zonedToUtc } from '$domain/zoned-time';

const oldNote = {
	id: 'abcdefgh1234',
	kind: 'seminar',
	title: 'Oppstart',
	body: 'Notert før samlingene fantes i appen.',
	seminar: 'Oppstartssamling i Tromsø',
	tags: [],
	createdAt: 1,
	updatedAt: 2,
	deletedAt: null
};
const session: NoteSession = {
	programmeId: 'prog1',
	eventId: 'oppstart',
	agendaItemId: 'opp-2',
	eventTitle: 'Oppstartsseminar',
	agendaItemTitle: 'Biblioteket i samfunnet'
};

describe('a note attached to a session', () => {
	it('reads a note written before sessions existed as not attached', () => {
		const parsed = v.parse(NoteSnapshotSchema, oldNote);
		expect(parsed.session).toBeNull();
		expect(parsed.seminar).toBe('Oppstartssamling i Tromsø');
	});

	it('ignores a malformed session instead of rejecting the note', () => {
		for (const bad of [
			'oppstart',
			42,
			{ programmeId: 'prog1' },
			{ programmeId: 'a/b', eventId: 'oppstart' },
			{ ...session, agendaItemId: 7 },
			{ ...session, eventTitle: 'x'.repeat(301) }
		]) {
			const parsed = v.safeParse(NoteSnapshotSchema, { ...oldNote, session: bad });
			expect(parsed.success, JSON.stringify(bad)).toBe(true);
			expect(parsed.output).toMatchObject({ id: oldNote.id, session: null });
		}
	});

	it('keeps a valid session, with defaults for what older writers left out', () => {
		expect(v.parse(NoteSnapshotSchema, { ...oldNote, session }).session).toEqual(session);
		expect(
			v.parse(NoteSnapshotSchema, { ...oldNote, session: { programmeId: 'prog1', eventId: 'oppstart' } })
				.session
		).toEqual({
			programmeId: 'prog1',
			eventId: 'oppstart',
			agendaItemId: '',
			eventTitle: '',
			agendaItemTitle: ''
		});
	});

	it('keys a session by event and by exact session (the whole event is its own key)', () => {
		expect(eventKey(session)).toBe('prog1/oppstart');
		expect(sessionKey(session)).toBe('prog1/oppstart/opp-2');
		expect(sessionKey({ programmeId: 'prog1', eventId: 'oppstart' })).toBe('prog1/oppstart/');
		expect(sessionKey({ programmeId: 'prog1', eventId: 'oppstart', agendaItemId: '' })).toBe(
			'prog1/oppstart/'
		);
		expect(sessionKeys(session)).toEqual(['prog1/oppstart', 'prog1/oppstart/opp-2']);
	});

	it('projects the session into the index row, and its event title into the search words', () => {
		const note = v.parse(NoteSnapshotSchema, { ...oldNote, seminar: '', session });
		const row = projectNote(note);
		expect(v.safeParse(NoteIndexRowSchema, row).success).toBe(true);
		expect(row.session).toEqual(session);
		expect(row.sessionKeys).toEqual(['prog1/oppstart', 'prog1/oppstart/opp-2']);
		expect(row.words).toContain('oppstartsseminar');
		const plain = projectNote(v.parse(NoteSnapshotSchema, oldNote));
		expect(plain.session).toBeNull();
		expect(plain.sessionKeys).toEqual([]);
	});

	it('reads an index row stored before sessions existed', () => {
		const { session: _s, sessionKeys: _k, ...v1Row } = projectNote(v.parse(NoteSnapshotSchema, oldNote));
		const parsed = v.parse(NoteIndexRowSchema, v1Row);
		expect(parsed.session).toBeNull();
		expect(parsed.sessionKeys).toEqual([]);
	});

	it('accepts a session when creating a note, and rejects a bad one there', () => {
		expect(v.parse(NewNoteSchema, { session }).session).toEqual(session);
		expect(v.parse(NewNoteSchema, {}).session).toBeUndefined();
		expect(v.safeParse(NewNoteSchema, { session: { programmeId: 'prog1' } }).success).toBe(false);
	});
});

describe('the event a new note most likely belongs to', () => {
	const event = (id: string, start: string): ProgrammeEvent => ({
		id,
		kind: 'seminar',
		title: id,
		start,
		end: start,
		timeZone: 'Europe/Oslo',
		place: '',
		videoLink: '',
		description: '',
		moduleId: '',
		agenda: []
	});
	const events = [
		event('third', '2026-11-01T09:00'),
		event('first', '2026-09-01T09:00'),
		event('second', '2026-10-01T09:00')
	];

	it('is the one most recently begun, else the first ahead', () => {
		expect(likelySessionEvent(events, zonedToUtc('2026-10-01T09:30'))?.id).toBe('second');
		expect(likelySessionEvent(events, zonedToUtc('2026-10-20T12:00'))?.id).toBe('second');
		expect(likelySessionEvent(events, zonedToUtc('2026-10-01T08:59'))?.id).toBe('first');
		expect(likelySessionEvent(events, zonedToUtc('2026-01-01T00:00'))?.id).toBe('first');
		expect(likelySessionEvent(events, zonedToUtc('2027-01-01T00:00'))?.id).toBe('third');
		expect(likelySessionEvent([], 0)).toBeNull();
	});
});
