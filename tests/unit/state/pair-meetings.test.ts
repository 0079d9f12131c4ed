import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Pair } from '$domain/pair';
import { meetingsReport, reflectionNoteId } from '$domain/pair-meeting';
import type { RichDoc } from '$domain/rich-text';
import { readMeetingLog } from '$sync/meeting-log';
import { meetingNotes, readPairMarks } from '$sync/pair-meetings';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { replaceFragment } from '$sync/rich-text-json';
import { Workspace } from '$sync/workspace';
import { heldMap } from '$domain/pair-meeting';

// The pair's surroundings, kept small: who is signed in on this device, its workspace, and the
// rooms (real Y.Docs with their presence), handed out as the room pool and the programme rooms
// would (the e2e test runs them for real against the server).
const world = vi.hoisted(() => ({
	user: { id: 'kari', name: 'Kari Nordmann' } as { id: string; name: string } | null,
	workspace: null as unknown,
	rooms: new Map<string, { doc: unknown; awareness: unknown }>(),
	programmes: new Map<string, unknown>(),
	everSynced: true,
	unacknowledged: 0,
	access: 'open' as 'open' | 'removed'
}));
vi.mock('$state/app.svelte', () => ({
	app: {
		get user() {
			return world.user;
		},
		get token() {
			return world.user ? 'token' : null;
		},
		get workspace() {
			return world.workspace;
		},
		mode: 'account',
		isGuest: false
	}
}));
vi.mock('$state/room-pool', () => ({
	acquireRoom: (room: string) => ({
		shared: {
			doc: world.rooms.get(room),
			get access() {
				return world.access;
			},
			get everSynced() {
				return world.everSynced;
			},
			get unacknowledged() {
				return world.unacknowledged;
			}
		},
		opened: Promise.resolve()
	}),
	releaseRoom: () => {}
}));
vi.mock('$state/programme-rooms', () => ({
	acquireProgramme: (id: string) => ({
		main: { doc: { doc: world.programmes.get(id) } },
		opened: Promise.resolve()
	}),
	releaseProgramme: () => {}
}));
const { PairMeetings } = await import('$state/pair-meetings.svelte');
const { MyReflection } = await import('$state/pair-reflection.svelte');
const { MeetingReporter } = await import('$state/pair-meeting-reports.svelte');

const pair: Pair = {
	id: 'p1',
	programmeId: 'scheme1',
	programmeName: 'Mentorordningen 2026',
	mentor: { userId: 'per', name: 'Per Hansen' },
	mentee: { userId: 'kari', name: 'Kari Nordmann' },
	createdAt: '2026-09-01T10:00:00.000Z',
	endedAt: null
};

const kari = { id: 'kari', name: 'Kari Nordmann' };
const per = { id: 'per', name: 'Per Hansen' };

/** A device of one of the two: its own copy of the pair's document, open in the meetings view. */
async function device(who: { id: string; name: string }) {
	world.user = who;
	const doc = new Y.Doc();
	world.rooms.set('pair:p1', { doc, awareness: new Awareness(doc) });
	const view = new PairMeetings('p1', () => pair);
	await view.open();
	return { doc, view, as: () => (world.user = who) };
}

/** Sends every change of each doc to the other, as the server would (both ways). */
function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const series = {
	date: '2026-10-13',
	time: '18:00',
	duration: '90',
	place: 'Deichman Bjørvika',
	everyWeeks: '2',
	count: '4'
};

const paragraph = (text: string) => ({
	type: 'paragraph' as const,
	content: [{ type: 'text' as const, text }]
});
const listOf = (...texts: string[]) => ({
	type: 'bullet_list' as const,
	content: texts.map((text) => ({ type: 'list_item' as const, content: [paragraph(text)] }))
});

/** The text somewhere in a document's whole state (what would be stored and sent)? */
const holds = (doc: Y.Doc, text: string) =>
	Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text));

describe('a mentor pair’s meetings (state)', () => {
	const open: { destroy(): void }[] = [];
	beforeEach(() => {
		vi.stubGlobal('navigator', { onLine: true });
		world.everSynced = true;
		world.unacknowledged = 0;
		world.access = 'open';
	});
	afterEach(() => {
		open.splice(0).forEach((x) => x.destroy());
		vi.unstubAllGlobals();
	});

	it('plans a series in one change, keeping 18:00 in Oslo, and reports only dates and held marks', async () => {
		const mentee = await device(kari);
		open.push(mentee.view);
		let changes = 0;
		mentee.doc.on('update', () => changes++);
		const planned = mentee.view.planSeries(series);
		expect(changes).toBe(1);
		expect(planned.map((m) => m.startsAt)).toEqual([
			'2026-10-13T18:00',
			'2026-10-27T18:00',
			'2026-11-10T18:00',
			'2026-11-24T18:00'
		]);
		expect(mentee.view.meetings).toHaveLength(4);
		mentee.view.setHeld(planned[0].id, true);
		expect(mentee.view.isHeld(planned[0].id)).toBe(true);
		expect(mentee.view.heldCount).toBe(1);
		const log = readMeetingLog(mentee.doc);
		expect(meetingsReport(log.meetings, heldMap(readPairMarks(mentee.doc).held))).toEqual({
			meetings: [
				{ date: '2026-10-13', held: true },
				{ date: '2026-10-27', held: false },
				{ date: '2026-11-10', held: false },
				{ date: '2026-11-24', held: false }
			]
		});
	});

	it('builds an agenda from the scheme’s guides, and says when they are empty', async () => {
		const programme = new Y.Doc();
		world.programmes.set('scheme1', programme);
		const mentee = await device(kari);
		open.push(mentee.view);
		const stop = mentee.view.watchGuides('scheme1');
		await Promise.resolve();
		await Promise.resolve();
		expect(mentee.view.guidesLoaded).toBe(true);
		expect(mentee.view.suggestionGroups).toEqual([]);

		// The coordinator writes the guides; the picker follows.
		const topics: RichDoc = {
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Oppstart' }] },
				listOf('Forventninger til mentorordningen', 'Taushetsplikt')
			]
		};
		replaceFragment(programme.getXmlFragment('guide:topics'), topics, 'coordinator');
		replaceFragment(
			programme.getXmlFragment('guide:questions'),
			{ type: 'doc', content: [listOf('Hva gir deg energi i jobben?')] },
			'coordinator'
		);
		const groups = mentee.view.suggestionGroups;
		expect(
			groups.map((g) => [g.guide, g.sections.map((s) => [s.heading, s.items.map((i) => i.text)])])
		).toEqual([
			['topics', [['Oppstart', ['Forventninger til mentorordningen', 'Taushetsplikt']]]],
			['questions', [['', ['Hva gir deg energi i jobben?']]]]
		]);

		const [first] = mentee.view.planSeries({ ...series, count: '1' });
		mentee.view.addAgendaItem(first.id, 'Min egen sak');
		const picked = [groups[0].sections[0].items[1], groups[1].sections[0].items[0]];
		mentee.view.addAgendaItems(
			first.id,
			picked.map((s) => ({ text: s.text, guide: s.guide }))
		);
		expect(mentee.view.agendaOf(first.id).map((i) => [i.text, i.guide ?? null])).toEqual([
			['Min egen sak', null],
			['Taushetsplikt', 'topics'],
			['Hva gir deg energi i jobben?', 'questions']
		]);
		stop();
		programme.destroy();
	});

	it('merges held marks, follow-ups, done ticks and notes made offline on both devices', async () => {
		const mentee = await device(kari);
		const mentor = await device(per);
		open.push(mentee.view, mentor.view);
		mentee.as();
		const [m1, m2] = mentee.view.planSeries({ ...series, date: '2026-01-13', count: '2' });
		sync(mentee.doc, mentor.doc);
		expect(mentor.view.meetings.map((m) => m.id).sort()).toEqual([m1.id, m2.id].sort());

		// Both offline: each changes something of the same meeting.
		mentee.as();
		mentee.view.setHeld(m1.id, true);
		const a1 = mentee.view.addAgreement(m1.id, {
			text: 'Kari leser om endringsledelse',
			who: 'kari',
			due: '2026-02-01'
		});
		meetingNotes(mentee.doc, m1.id).insert(0, [new Y.XmlText('Kari skrev dette. ')]);
		mentor.as();
		mentor.view.edit(m1.id, { date: '2026-01-13', time: '18:00', duration: '120', place: 'Per sitt kontor' });
		const a2 = mentor.view.addAgreement(m1.id, { text: 'Per sender artikkelen', who: 'per', due: '' });
		mentor.view.setDone(a2.id, true);
		mentor.view.setHeld(m2.id, false);
		meetingNotes(mentor.doc, m1.id).insert(0, [new Y.XmlText('Per skrev dette. ')]);

		sync(mentee.doc, mentor.doc);
		for (const { view, doc } of [mentee, mentor]) {
			expect(view.isHeld(m1.id)).toBe(true);
			expect(view.meeting(m1.id)).toMatchObject({ durationMinutes: 120, place: 'Per sitt kontor' });
			expect(
				view
					.agreementsOf(m1.id)
					.map((a) => a.id)
					.sort()
			).toEqual([a1.id, a2.id].sort());
			expect(view.done.get(a2.id)).toBe(true);
			expect(view.done.get(a1.id)).toBeUndefined();
			const notes = meetingNotes(doc, m1.id).toString();
			expect(notes).toContain('Kari skrev dette.');
			expect(notes).toContain('Per skrev dette.');
		}
		// A tick never brings back a follow-up the other removed meanwhile.
		mentee.as();
		mentee.view.removeAgreement(a2.id);
		mentor.as();
		mentor.view.setDone(a2.id, false);
		sync(mentee.doc, mentor.doc);
		expect(mentor.view.agreementsOf(m1.id).map((a) => a.id)).toEqual([a1.id]);
	});

	it('keeps an ended pair’s log readable from the device, and writes nothing more to it', async () => {
		const mentee = await device(kari);
		const [m] = mentee.view.planSeries({ ...series, count: '1' });
		mentee.view.destroy();
		// The coordinator ended the pair: the server refuses its room; the pool keeps the copy.
		world.access = 'removed';
		const view = new PairMeetings('p1', () => ({ ...pair, endedAt: '2027-06-01T10:00:00.000Z' }));
		world.rooms.set('pair:p1', { doc: mentee.doc, awareness: new Awareness(mentee.doc) });
		await view.open();
		open.push(view);
		expect(view.loaded).toBe(true);
		expect(view.ended).toBe(true);
		expect(view.meetings.map((x) => x.id)).toEqual([m.id]);
		expect(view.canWrite).toBe(false);
		expect(() => view.setHeld(m.id, true)).toThrow();
		expect(() => view.planSeries(series)).toThrow();
		expect(view.isHeld(m.id)).toBe(false);
	});

	it('keeps the private reflection in my workspace only: nothing of it reaches the pair’s document', async () => {
		const workspace = new Workspace('pair-reflection-ws');
		await workspace.ready();
		world.workspace = workspace;
		const mentee = await device(kari);
		open.push(mentee.view, workspace);
		const [meeting] = mentee.view.planSeries({ ...series, count: '1' });
		meetingNotes(mentee.doc, meeting.id).insert(0, [new Y.XmlText('Felles: vi snakket om budsjett')]);

		const reflection = new MyReflection('p1', meeting.id);
		const stop = reflection.watch();
		expect(reflection.note).toBeNull();
		const id = reflection.open('Refleksjon etter mentormøtet 13. okt.');
		expect(id).toBe(reflectionNoteId('p1', meeting.id));
		// Opening it again finds the same note.
		expect(reflection.open('Annen tittel')).toBe(id);
		replaceFragment(
			workspace.noteBody(id)!,
			{ type: 'doc', content: [paragraph('HEMMELIG: jeg er usikker på om jeg tør å ta konflikten')] },
			LOCAL_ORIGIN
		);
		expect(reflection.note).toMatchObject({
			id,
			kind: 'reflection',
			title: 'Refleksjon etter mentormøtet 13. okt.',
			pairMeeting: { pairId: 'p1', meetingId: meeting.id, title: 'Refleksjon etter mentormøtet 13. okt.' }
		});
		expect(reflection.note?.body).toContain('HEMMELIG');

		// The workspace holds it; the pair's document holds the shared notes and nothing of the reflection.
		expect(holds(workspace.doc, 'HEMMELIG: jeg er usikker')).toBe(true);
		expect(holds(mentee.doc, 'Felles: vi snakket om budsjett')).toBe(true);
		expect(holds(mentee.doc, 'HEMMELIG')).toBe(false);
		expect(holds(mentee.doc, 'Refleksjon etter')).toBe(false);
		expect(holds(mentee.doc, id)).toBe(false);
		expect([...mentee.doc.share.keys()].some((name) => /reflection|note-body/.test(name))).toBe(false);
		stop();
		world.workspace = null;
		await workspace.wipe();
	});

	it('remembers a report made offline and sends it when the connection comes back, once', async () => {
		const sent: unknown[] = [];
		const reporter = new MeetingReporter(async (pairId, report) => {
			sent.push([pairId, report]);
			return { ok: true, value: undefined };
		});
		const report = { meetings: [{ date: '2026-10-13', held: true }] };
		vi.stubGlobal('navigator', { onLine: false });
		await reporter.changed('p1', report);
		expect(sent).toEqual([]);

		// A new reporter (a reload) still knows it is owed.
		const again = new MeetingReporter(async (pairId, r) => {
			sent.push([pairId, r]);
			return { ok: true, value: undefined };
		});
		vi.stubGlobal('navigator', { onLine: true });
		await again.flush();
		expect(sent).toEqual([['p1', report]]);
		await again.changed('p1', { meetings: [{ date: '2026-10-13', held: true }] });
		await again.flush();
		expect(sent).toHaveLength(1);
		await again.changed('p1', { meetings: [] });
		expect(sent).toEqual([
			['p1', report],
			['p1', { meetings: [] }]
		]);

		// A failed send is tried again.
		let fail = true;
		const flaky = new MeetingReporter(async (pairId, r) => {
			if (fail) return { ok: false, kind: 'offline' };
			sent.push([pairId, r]);
			return { ok: true, value: undefined };
		});
		await flaky.changed('p2', report);
		expect(sent).toHaveLength(2);
		fail = false;
		await flaky.flush();
		expect(sent.at(-1)).toEqual(['p2', report]);
	});
});
