/**
 * The records of two years (bench/workspace-history.ts replays them): the training plan, the
 * reading log, change tasks and self-assessments, each written as the app's state classes write it
 * (src/lib/state) and parsed by its domain schema on the way in. Times come from `Date.now()`,
 * which follows the replay's clock.
 */
import type * as v from 'valibot';
import {
	CHANGE_CHECK_INS,
	CHANGE_TASKS,
	ChangeTaskSchema,
	CheckInSchema,
	type ChangeTask
} from '$domain/change-task';
import { ASSESSMENTS_COLLECTION, AssessmentSchema, COMPETENCES } from '$domain/competence';
import type { NoteSession } from '$domain/note';
import { PLAN_COLLECTIONS, type Goal } from '$domain/plan';
import type { Programme } from '$domain/programme';
import {
	OwnTextSchema,
	READING_COLLECTIONS,
	ReadingNoteSchema,
	ReadingSessionSchema,
	type TextRef
} from '$domain/reading';
import { ACTIONS, DAY_MS, isbn, localDate, Random, sentences, SIZES, TOPICS } from './workspace-content.ts';
import { FIRST_DAY, moduleStartDay, PROGRAMME_START_DAY } from './workspace-programme.ts';

export type RecordSchema = v.GenericSchema<unknown, { id: string }>;

/** What the records are scheduled with (see replayTwoYears). */
export interface Schedule {
	random: Random;
	/** The seeding day's time (ms). */
	now: number;
	/** Runs `run` when the replay's clock reaches `at`. */
	on(at: number, run: () => void): void;
	put(collection: string, schema: RecordSchema, record: unknown): unknown;
	recordId(): string;
	/** A moment between 07:00 and 21:00 UTC on `day` (days from the seeding day). */
	moment(day: number): number;
	/** `at`, but no later than an hour before the seeding. */
	latest(at: number): number;
}

/** A seminar note a change task can come from. */
export interface SourceNote {
	id: string;
	session: NoteSession;
	at: number;
}

export function planSteps(s: Schedule): void {
	const { random, on, put, recordId, moment } = s;
	const start = PROGRAMME_START_DAY + 10;
	const goalTitles = [
		'Bli tryggere i møter med politikerne',
		'Delegere mer av den daglige driften',
		'Lage en ny strategi for biblioteket',
		'Styrke samarbeidet med skolene',
		'Medarbeidersamtaler med vekt på utvikling',
		'Gjøre biblioteket mer synlig i kommunen',
		'Lese jevnt gjennom hele studiet',
		'Bygge et nettverk av bibliotekledere i regionen'
	];
	const ends: Goal['status'][] = ['reached', 'reached', 'reached', 'dropped'];
	goalTitles.forEach((title, g) => {
		const id = recordId();
		const created = moment(start + g * 20);
		let goal: Goal | null = null;
		const save = (changes: Partial<Goal>) =>
			(goal = put('goals', PLAN_COLLECTIONS.goals, { ...goal, ...changes }) as Goal);
		on(created, () =>
			save({
				id,
				title,
				why: sentences(random, 3, 5000),
				measure: sentences(random, 1, 5000),
				targetDate: localDate(created + random.int(200, 600) * DAY_MS),
				status: 'not-started',
				createdAt: created
			})
		);
		on(created + random.int(10, 40) * DAY_MS, () => save({ status: 'in-progress' }));
		if (g < 4) on(created + random.int(200, 500) * DAY_MS, () => save({ status: ends[g] }));
		for (let a = 0; a < SIZES.actionsPerGoal; a++) {
			const actionId = recordId();
			const at = created + random.int(0, 60) * DAY_MS;
			const action = {
				id: actionId,
				goalId: id,
				text: random.pick(ACTIONS),
				due: localDate(at + random.int(30, 300) * DAY_MS),
				done: false,
				createdAt: at
			};
			on(at, () => put('goalActions', PLAN_COLLECTIONS.goalActions, action));
			if (random.chance(0.6))
				on(at + random.int(20, 300) * DAY_MS, () =>
					put('goalActions', PLAN_COLLECTIONS.goalActions, { ...action, done: true })
				);
		}
	});
	for (let i = 0; i < SIZES.milestones; i++) {
		const day = PROGRAMME_START_DAY + 20 + i * 60;
		const milestone = {
			id: recordId(),
			title: `Milepæl ${i + 1}: ${TOPICS[(i * 3) % TOPICS.length]}`,
			date: localDate(moment(day)),
			reached: false
		};
		on(moment(start + Math.floor(i / 4) * 180), () =>
			put('milestones', PLAN_COLLECTIONS.milestones, milestone)
		);
		if (day < -5)
			on(moment(day + 3), () =>
				put('milestones', PLAN_COLLECTIONS.milestones, { ...milestone, reached: true })
			);
	}
	for (let i = 0; i < SIZES.coachNotes; i++) {
		const at = moment(start + 5 + i * 28);
		on(at, () =>
			put('coachNotes', PLAN_COLLECTIONS.coachNotes, {
				id: recordId(),
				date: localDate(at),
				discussed: sentences(random, random.int(3, 7), 10_000),
				nextSteps: sentences(random, random.int(1, 3), 10_000),
				createdAt: at
			})
		);
	}
}

export function readingSteps(s: Schedule, programmeId: string, programme: Programme): void {
	const { random, on, put, recordId, now } = s;
	const past = (day: number) => s.latest(s.moment(day));
	// The set texts of each module, read during that module; own texts along the way.
	const texts: { ref: TextRef; pages: number; from: number }[] = programme.syllabus
		.filter((item) => item.kind === 'set')
		.map((item) => ({
			ref: { kind: 'syllabus', programmeId, itemId: item.id },
			pages: item.pages,
			from: moduleStartDay(item.moduleIds[0])
		}));
	for (let i = 0; i < SIZES.ownTexts; i++) {
		const id = recordId();
		const module = `modul-${(i % 4) + 1}`;
		const added = past(moduleStartDay(module) + random.int(0, 60));
		const pages = random.int(80, 300);
		on(added, () =>
			put(READING_COLLECTIONS.texts, OwnTextSchema, {
				id,
				title: `${random.pick(['Ledelse', 'Bibliotekene', 'Endring', 'Medvirkning', 'Kommunen'])} ${['i praksis', 'og samfunnet', 'i offentlig sektor', 'for ledere'][i % 4]}`,
				author: `${random.pick(['Hansen', 'Berg', 'Solberg', 'Nilsen', 'Lie'])}, ${random.pick(['Anne', 'Ola', 'Kari', 'Nils'])}`,
				pages,
				isbn: random.chance(0.7) ? isbn(random) : '',
				programmeId,
				moduleIds: [module],
				lectureIds: [],
				createdAt: added
			})
		);
		texts.push({ ref: { kind: 'own', id }, pages, from: Math.ceil((added - now) / DAY_MS) });
	}
	// Sessions go through each text in order: page ranges mostly, sometimes just a page count.
	const read = new Map<object, { pages: number; visits: number }>();
	for (let i = 0; i < SIZES.readingSessions; i++) {
		const text = texts[i % texts.length];
		const so = read.get(text) ?? { pages: 0, visits: 0 };
		const at = past(Math.min(-1, text.from + so.visits * 30 + random.int(0, 25)));
		const span = random.int(8, 45);
		const range = random.chance(0.7) && so.pages < text.pages;
		const fromPage = so.pages + 1;
		const toPage = Math.min(text.pages, so.pages + span);
		read.set(text, { pages: range ? toPage : so.pages, visits: so.visits + 1 });
		on(at, () =>
			put(READING_COLLECTIONS.sessions, ReadingSessionSchema, {
				id: recordId(),
				textRef: text.ref,
				date: localDate(at),
				...(range ? { fromPage, toPage } : { pages: span }),
				minutes: random.int(15, 120),
				note: random.chance(0.3) ? sentences(random, 1, 2000) : '',
				createdAt: at
			})
		);
	}
	for (let i = 0; i < SIZES.readingNotes; i++) {
		const text = random.pick(texts);
		const at = past(Math.min(-1, text.from + random.int(0, 150)));
		on(at, () =>
			put(READING_COLLECTIONS.notes, ReadingNoteSchema, {
				id: recordId(),
				textRef: text.ref,
				kind: random.chance(0.4) ? 'quote' : 'note',
				text: sentences(random, random.int(1, 4), 10_000),
				page: random.int(1, text.pages),
				lectureId: '',
				createdAt: at
			})
		);
	}
}

/** Change tasks from seminar notes of the gatherings, followed up every two weeks or so. */
export function changeTaskSteps(s: Schedule, sources: readonly SourceNote[]): void {
	const { random, on, put, recordId } = s;
	for (const source of random.some(sources, SIZES.changeTasks)) {
		const id = recordId();
		const created = source.at + random.int(1, 5) * DAY_MS;
		const checkIns = random.int(2, 6);
		const done = random.chance(0.6);
		let task: ChangeTask | null = null;
		const what = `Endring: ${random.pick(TOPICS)} i eget bibliotek`;
		on(created, () => {
			const time = Date.now();
			task = put(CHANGE_TASKS, ChangeTaskSchema, {
				id,
				what,
				why: sentences(random, 2, 5000),
				firstStep: sentences(random, 1, 2000),
				involve: 'Personalet og nærmeste leder',
				due: localDate(created + 120 * DAY_MS),
				nextCheckIn: '',
				status: 'active',
				noteId: source.id,
				session: source.session,
				reflection: '',
				doneAt: null,
				createdAt: time,
				updatedAt: time
			}) as ChangeTask;
		});
		for (let i = 1; i <= checkIns; i++) {
			const at = s.latest(created + i * random.int(12, 18) * DAY_MS);
			on(at, () => {
				const time = Date.now();
				put(CHANGE_CHECK_INS, CheckInSchema, {
					id: recordId(),
					taskId: id,
					date: localDate(time),
					progress: sentences(random, 2, 5000),
					obstacles: random.chance(0.5) ? sentences(random, 1, 5000) : '',
					createdAt: time,
					updatedAt: time
				});
				task = put(CHANGE_TASKS, ChangeTaskSchema, {
					...task,
					nextCheckIn: localDate(time + 14 * DAY_MS),
					updatedAt: time
				}) as ChangeTask;
			});
		}
		if (done)
			on(s.latest(created + (checkIns + 1) * 15 * DAY_MS), () => {
				const time = Date.now();
				task = put(CHANGE_TASKS, ChangeTaskSchema, {
					...task,
					status: 'done',
					reflection: sentences(random, 4, 10_000),
					doneAt: time,
					updatedAt: time
				}) as ChangeTask;
			});
	}
}

/** Self-assessments every four months or so, the ratings creeping up. */
export function assessmentSteps(s: Schedule): void {
	const { random, on, put, recordId, moment } = s;
	for (let i = 0; i < SIZES.assessments; i++) {
		on(moment(FIRST_DAY + 10 + i * 130), () => {
			const ratings = Object.fromEntries(
				COMPETENCES.map((c) => [c, Math.min(5, Math.max(1, 2 + Math.floor(i / 2) + random.int(-1, 1)))])
			);
			put(ASSESSMENTS_COLLECTION, AssessmentSchema, {
				id: recordId(),
				date: localDate(Date.now()),
				ratings,
				note: sentences(random, 2, 5000),
				createdAt: Date.now()
			});
		});
	}
}
