/**
 * Two years of a participant's work, replayed through the app's own `Workspace` (src/lib/sync) in
 * Node, where its IndexedDB never opens (the device stores what it syncs down itself): notes typed
 * through `TextBinding` in bursts of about five seconds, as a textarea produces them (a touch of
 * `updatedAt` every five seconds, typos deleted again, later sittings adding to old notes), tags,
 * some notes attached to programme events or agenda items and a few deleted; then the records
 * (bench/workspace-records.ts), all read back through their schemas at the end. Each sitting
 * (device and day) gets its own client id, as each page load does.
 *
 * `Date.now` follows the replay's clock while this runs: the workspace stamps `updatedAt` itself.
 */
import * as Y from 'yjs';
import { CHANGE_CHECK_INS, CHANGE_TASKS, ChangeTaskSchema, CheckInSchema } from '$domain/change-task';
import { ASSESSMENTS_COLLECTION, AssessmentSchema } from '$domain/competence';
import type { NoteSession } from '$domain/note';
import { PLAN_COLLECTIONS } from '$domain/plan';
import type { Programme } from '$domain/programme';
import { OwnTextSchema, READING_COLLECTIONS, ReadingNoteSchema, ReadingSessionSchema } from '$domain/reading';
import { PROGRAMME_TIME_ZONE, zonedToUtc } from '$domain/zoned-time';
import { Workspace, type NoteTextField } from '$sync/workspace';
import { DAY_MS, noteBody, Random, sentences, SIZES, TAGS, TOPICS } from './workspace-content.ts';
import { FIRST_DAY } from './workspace-programme.ts';
import {
	assessmentSteps,
	changeTaskSteps,
	planSteps,
	readingSteps,
	type RecordSchema,
	type Schedule,
	type SourceNote
} from './workspace-records.ts';

const SECOND = 1000;

export interface History {
	/** The state before the last `recentSteps` steps (one update, as after y-indexeddb compacts). */
	earlier: Uint8Array;
	/** Each transaction's update in those last steps, in order: one entry per change, as stored. */
	recent: Uint8Array[];
	/** The whole state at the end. */
	state: Uint8Array;
	/** How many records of each collection (read back through the schemas) and notes. */
	counts: Record<string, number>;
	/** Distinct client ids (sittings), and the structs of the document (what loading decodes). */
	clients: number;
	structs: number;
}

interface Step {
	at: number;
	device: number;
	run: () => void;
}

/** An element shaped enough like a textarea for `TextBinding`: a value and input listeners. */
class Field {
	value = '';
	selectionStart = 0;
	selectionEnd = 0;
	#listeners: (() => void)[] = [];
	addEventListener(_type: string, listener: () => void) {
		this.#listeners.push(listener);
	}
	removeEventListener(_type: string, listener: () => void) {
		this.#listeners = this.#listeners.filter((l) => l !== listener);
	}
	input(value: string) {
		this.value = value;
		for (const listener of this.#listeners) listener();
	}
}

export function replayTwoYears(
	programmeId: string,
	programme: Programme,
	now: number,
	recentSteps: number
): History {
	const random = new Random(20_241_104);
	// y-indexeddb waits for this database forever, so it stores nothing (the replay stays fast).
	globalThis.indexedDB ??= { open: () => ({}) } as unknown as IDBFactory;
	const workspace = new Workspace('bench-two-years');
	const put = (collection: string, schema: RecordSchema, record: unknown) =>
		workspace.putRecord(collection, schema, record);
	const recordId = () => random.id(16, '0123456789abcdef');
	let clock = now;

	const steps: Step[] = [];
	const on = (at: number, run: () => void, device = random.int(0, 1)) => steps.push({ at, device, run });
	/** A moment on day `day` (from the seeding day) between 07:00 and 21:00 UTC. */
	const moment = (day: number) =>
		now + day * DAY_MS - (now % DAY_MS) + random.int(7 * 3600, 21 * 3600) * SECOND;
	const latest = (at: number) => Math.min(now - 3600 * SECOND, at);
	const past = (day: number) => latest(moment(day));

	/** Types `target` into a note field from where it differs, in ~5 s bursts, with typos. */
	const type = (noteId: string, field: NoteTextField, edit: (current: string) => string) => {
		const element = new Field();
		const binding = workspace.bindText(noteId, field, element as unknown as HTMLTextAreaElement);
		if (!binding) throw new Error(`no ${field} in note ${noteId}`);
		const current = element.value;
		const target = edit(current);
		let prefix = 0;
		while (prefix < current.length && current[prefix] === target[prefix]) prefix++;
		const suffix = current.slice(prefix);
		const inserted = target.slice(prefix, target.length - suffix.length);
		let typed = 0;
		while (typed < inserted.length) {
			const burst = random.int(10, 22);
			typed = Math.min(inserted.length, typed + burst);
			const before = target.slice(0, prefix + typed);
			if (random.chance(0.12)) {
				element.input(before + 'jse'.slice(0, random.int(1, 3)) + suffix);
				clock += random.int(1, 3) * SECOND;
			}
			element.input(before + suffix);
			clock += 5 * SECOND + random.int(0, 2) * SECOND;
		}
		binding.destroy();
	};

	// The programme's past events (and agenda items): where seminar notes get attached.
	const eventStart = (e: { start: string }) => zonedToUtc(e.start, PROGRAMME_TIME_ZONE);
	const pastEvents = programme.events.filter((e) => eventStart(e) < now && e.kind !== 'exam');
	const sessionNotes: SourceNote[] = [];

	// Notes: about one in five written at a programme event, the rest spread over the two years.
	const totalNotes = SIZES.notes + SIZES.deletedNotes;
	const perEvent = { seminar: 12, webinar: 5, colloquium: 3, 'three-party': 2 } as Record<string, number>;
	const plannedAt: { at: number; session: NoteSession | null }[] = [];
	for (const event of pastEvents) {
		for (let i = 0; i < (perEvent[event.kind] ?? 1); i++) {
			const item = event.agenda.length && random.chance(0.7) ? random.pick(event.agenda) : null;
			const at = latest(eventStart(item ?? event) + random.int(0, 5 * 3600) * SECOND);
			plannedAt.push({
				at,
				session: {
					programmeId,
					eventId: event.id,
					agendaItemId: item?.id ?? '',
					eventTitle: event.title,
					agendaItemTitle: item?.title ?? ''
				}
			});
		}
	}
	while (plannedAt.length < totalNotes) plannedAt.push({ at: past(random.int(FIRST_DAY, 0)), session: null });
	for (const [index, { at, session }] of plannedAt.entries()) {
		const id = random.id(12);
		const kind = session || random.chance(0.45) ? 'seminar' : 'reflection';
		// Lengths from 300 to 3000 characters, most of them short (log-uniform).
		const length = Math.round(300 * Math.pow(10, random.next()));
		const body = noteBody(random, kind, length);
		const firstPart = random.chance(0.3)
			? Math.floor(body.length * (0.4 + random.next() * 0.4))
			: body.length;
		const topic = random.pick(TOPICS);
		const title = random.chance(0.05)
			? ''
			: session
				? `${session.agendaItemTitle || session.eventTitle}: ${topic}`
				: random.pick([`Refleksjon om ${topic}`, `Tanker om ${topic}`, `Notat: ${topic}`, `Om ${topic}`]);
		const tags = random.some(TAGS, random.pick([0, 1, 1, 2, 2, 3, 4]));
		on(at, () => {
			workspace.createNote(
				{ kind, seminar: session?.eventTitle ?? '', ...(session ? { session } : {}) },
				clock,
				id
			);
			// The walking skeleton's notes: a plain-text body, which the app moves to rich text when
			// it opens the workspace (sync/note-body.ts).
			(workspace.doc.getMap('notes').get(id) as Y.Map<unknown>).delete('bodyFormat');
			type(id, 'title', () => title);
			type(id, 'body', () => body.slice(0, firstPart));
			if (tags.length) workspace.setTags(id, tags);
		});
		if (firstPart < body.length)
			on(latest(at + random.int(1, 20) * DAY_MS), () => type(id, 'body', () => body));
		if (random.chance(0.15)) {
			// Later, a thought added after the first paragraph.
			const addition = `\n\n${sentences(random, random.int(1, 3))}`;
			on(latest(at + random.int(2, 60) * DAY_MS), () =>
				type(id, 'body', (current) => {
					const cut = current.indexOf('\n\n');
					return cut < 0 ? current + addition : current.slice(0, cut) + addition + current.slice(cut);
				})
			);
		}
		if (index >= totalNotes - SIZES.deletedNotes)
			on(latest(at + random.int(1, 30) * DAY_MS), () => workspace.setDeleted(id, true, clock));
		if (session?.eventId.startsWith('samling')) sessionNotes.push({ id, session, at });
	}

	const schedule: Schedule = { random, now, on: (at, run) => on(at, run), put, recordId, moment, latest };
	planSteps(schedule);
	readingSteps(schedule, programmeId, programme);

	changeTaskSteps(schedule, sessionNotes);
	assessmentSteps(schedule);

	// Replay in time order, one client id per sitting (device and day).
	steps.sort((a, b) => a.at - b.at);
	const clients = new Set<number>();
	let sitting = '';
	let earlier: Uint8Array | null = null;
	const recent: Uint8Array[] = [];
	const realNow = Date.now;
	Date.now = () => clock;
	try {
		for (const [index, step] of steps.entries()) {
			if (index === steps.length - recentSteps) {
				earlier = Y.encodeStateAsUpdate(workspace.doc);
				workspace.doc.on('update', (update: Uint8Array) => recent.push(update));
			}
			const key = `${step.device}:${Math.floor(step.at / DAY_MS)}`;
			if (key !== sitting) {
				sitting = key;
				workspace.doc.clientID = random.int(1, 2 ** 31 - 1);
				clients.add(workspace.doc.clientID);
			}
			clock = step.at;
			step.run();
		}
	} finally {
		Date.now = realNow;
	}
	const counts = readBack(workspace);
	const state = Y.encodeStateAsUpdate(workspace.doc);
	let structs = 0;
	for (const list of workspace.doc.store.clients.values()) structs += list.length;
	workspace.destroy();
	if (!earlier) throw new Error(`fewer than ${recentSteps} steps`);
	return { earlier, recent, state, counts, clients: clients.size, structs };
}

/** Reads every collection back through its schema: nothing the app would skip may be seeded. */
function readBack(workspace: Workspace): Record<string, number> {
	const collections: [string, RecordSchema][] = [
		...Object.entries(PLAN_COLLECTIONS),
		[READING_COLLECTIONS.texts, OwnTextSchema],
		[READING_COLLECTIONS.sessions, ReadingSessionSchema],
		[READING_COLLECTIONS.notes, ReadingNoteSchema],
		[CHANGE_TASKS, ChangeTaskSchema],
		[CHANGE_CHECK_INS, CheckInSchema],
		[ASSESSMENTS_COLLECTION, AssessmentSchema]
	];
	const counts: Record<string, number> = {};
	for (const [name, schema] of collections) {
		const stored = workspace.doc.getMap(name).size;
		const read = workspace.records(name, schema).length;
		if (read !== stored) throw new Error(`${name}: ${stored - read} of ${stored} records do not parse`);
		counts[name] = read;
	}
	const notes = workspace.noteIds().map((id) => workspace.readNote(id));
	if (notes.some((note) => !note)) throw new Error('some notes do not parse');
	counts.notes = notes.filter((note) => note && note.deletedAt === null).length;
	counts.deletedNotes = notes.length - counts.notes;
	counts.attachedNotes = notes.filter((note) => note?.session && note.deletedAt === null).length;
	counts.noteCharacters = notes.reduce((sum, note) => sum + (note?.body.length ?? 0), 0);
	return counts;
}
