/**
 * `npm run bench:search`: search over a participant's two years of work (the workspace of
 * bench/workspace-open.ts, replayed by bench/workspace-history.ts, plus a dozen drafts). Prints;
 * asserts nothing about timings.
 *
 * In Node, not Chromium: the workspace is the app's `Workspace` on fake-indexeddb, the note index
 * is filled as `WorkspaceIndexer` fills it into the app's Dexie database, and search reads them
 * with the same code as the search page (`findNotes('')` behind `watchNotes`, `allDraftTexts`, the
 * record readers of state/search-records.ts, the document builders and `SearchIndex`). What the
 * browser adds — Svelte's reactivity and rendering the hits — is not measured here.
 *
 * 1. Replays two years into a workspace, loads it into a fresh `Workspace` and builds the note index.
 * 2. Reads the sources, builds the documents, builds the index (each timed); the heap before and
 *    after the index (with --expose-gc).
 * 3. Runs ~20 queries of one to three words, prefixes and inflected forms, each 7 times: the median
 *    per query, and the median, min and max over the queries.
 * 4. Times the update after one note changes (rebuild the notes' documents, replace the one).
 */
import { cpus, loadavg } from 'node:os';
import * as v from 'valibot';
import * as Y from 'yjs';
import { projectNote } from '$domain/note';
import { ProgrammeSchema } from '$domain/programme';
import {
	draftDocuments,
	noteDocuments,
	planDocuments,
	readingDocuments,
	taskDocuments,
	type SearchDocument
} from '$domain/search-documents';
import { SearchIndex } from '$domain/search-index';
import { planSource, readingSource, taskSource } from '$state/search-records';
import { Workspace } from '$sync/workspace';
import { ms, summarize, fineMs } from './stats.ts';
import { DAY_MS, noteBody, Random, TOPICS } from './workspace-content.ts';
import { replayTwoYears } from './workspace-history.ts';
import { FIRST_DAY, twoYearProgramme } from './workspace-programme.ts';

const PROGRAMME_ID = 'bench-programme';
const RUNS = 7;
const DRAFTS = 12;
const QUERIES = [
	'biblioteket',
	'bibliotekene',
	'samfunnsoppdrag',
	'endringsledelsen',
	'budsjettkutt',
	'kommunedirektøren',
	'frivillig',
	'møteplassen',
	'lederrollen',
	'brukerundersøkelser',
	'tjenestedesign',
	'språ',
	'medarb',
	'institusjonsteori',
	'innbyggermedvirkning',
	'kollegaveiledning smågruppe',
	'økonomiplan kommunen',
	'åpningstid trygghet',
	'delegere personalet',
	'stand-up personalmøtet',
	'biblioteket samfunnsoppdraget politikerne'
];

const log = (message: string) => console.error(`bench: ${message}`);
const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
	const start = performance.now();
	const result = await run();
	return [result, performance.now() - start];
};
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
	gc?.();
	gc?.();
	return process.memoryUsage().heapUsed;
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
	const startedAt = new Date();
	const loadAtStart = loadavg();
	const now = Date.now();

	log('replaying two years of work into a workspace');
	const programme = v.parse(ProgrammeSchema, twoYearProgramme(now));
	const history = replayTwoYears(PROGRAMME_ID, programme, now, 1);

	// The device: IndexedDB (fake, in memory) from here on; the data layer loads only now, so Dexie
	// finds it (the replay ran without one).
	const fake = await import('fake-indexeddb');
	Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
	const { findNotes, replaceNotes } = await import('$data/notes-index');
	const { allDraftTexts, putDraftText } = await import('$data/draft-texts');

	const workspace = new Workspace('bench-search');
	await workspace.ready();
	Y.applyUpdate(workspace.doc, history.state, 'bench');
	// What WorkspaceIndexer.reconcile does at start-up (it cannot load in Node: its error path
	// shows toasts, whose catalogues Vite loads).
	const [, indexNotes] = await time(() =>
		replaceNotes(
			workspace.noteIds().flatMap((id) => {
				const note = workspace.readNote(id);
				return note ? [projectNote(note)] : [];
			})
		)
	);

	// Drafts: blog posts and written assignments (the replay has none), as the drafts' keeper stores them.
	const random = new Random(20_250_301);
	for (let i = 0; i < DRAFTS; i++) {
		const assignment = i % 2 === 1;
		await putDraftText({
			id: `draft-${i}`,
			title: assignment
				? `Skriftlig arbeid: ${random.pick(TOPICS)}`
				: `Blogginnlegg om ${random.pick(TOPICS)}`,
			text: noteBody(random, 'reflection', assignment ? random.int(8_000, 14_000) : random.int(2_000, 4_000)),
			updatedAt: now + random.int(FIRST_DAY, 0) * DAY_MS
		});
	}

	log('reading the sources and building the index');
	const syllabus = [{ id: PROGRAMME_ID, programme }];
	const [sources, readSources] = await time(async () => ({
		notes: await findNotes(''),
		drafts: await allDraftTexts(),
		plan: planSource(workspace),
		tasks: taskSource(workspace),
		reading: readingSource(workspace, syllabus)
	}));
	const [docs, buildDocs] = await time(() => ({
		note: noteDocuments(sources.notes),
		draft: draftDocuments(sources.drafts),
		reading: readingDocuments(sources.reading),
		plan: planDocuments(sources.plan),
		task: taskDocuments(sources.tasks)
	}));
	const all: SearchDocument[] = Object.values(docs).flat();
	const characters = all.reduce((sum, d) => sum + d.title.length + d.text.length + d.keywords.length, 0);

	const builds: number[] = [];
	let index = new SearchIndex();
	const heapBefore = heap();
	for (let run = 0; run < 3; run++) {
		index = new SearchIndex();
		const [, took] = await time(() => {
			for (const [kind, list] of Object.entries(docs)) index.setKind(kind as keyof typeof docs, list);
		});
		builds.push(took);
	}
	const heapAfter = heap();

	log('querying');
	for (const query of QUERIES) index.search(query); // warm-up
	const medianOf = (run: () => void) => {
		const times: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			run();
			times.push(performance.now() - start);
		}
		return summarize(times).median;
	};
	const perQuery = QUERIES.map((query) => {
		const result = index.search(query);
		return {
			query,
			total: result.total,
			first: result.hits[0]?.doc.id ?? '–',
			median: medianOf(() => index.search(query)),
			rankOnly: medianOf(() => index.search(query, 0))
		};
	});
	const queries = summarize(perQuery.map((q) => q.median));
	const rankOnly = summarize(perQuery.map((q) => q.rankOnly));

	// One note edited: its documents rebuilt from the note index, the one changed document replaced.
	const edited = sources.notes.map((row, i) =>
		i === 0 ? { ...row, text: `${row.text} Endret nå.`, updatedAt: now } : row
	);
	const [update, updateTook] = await time(() => index.setKind('note', noteDocuments(edited)));

	const loadAtEnd = loadavg();
	const cores = cpus();
	const kinds = Object.entries(docs)
		.map(([kind, list]) => `${list.length} ${kind}`)
		.join(', ');
	const lines = [
		`Lederlogg search bench (${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ` +
			`in Node with fake-indexeddb — the app's Workspace, Dexie note index and search code, not Chromium)`,
		`machine: ${cores.length} × ${cores[0]?.model ?? 'unknown cpu'}; load average 1 min ${loadAtStart[0].toFixed(2)} at start, ` +
			`${loadAtEnd[0].toFixed(2)} at end`,
		`workspace: two years (bench/workspace-history.ts): ${history.counts.notes} notes ` +
			`(${(history.counts.noteCharacters / 1000).toFixed(0)}k characters), ${DRAFTS} drafts, ` +
			`${history.counts.readingNotes} reading notes, ${history.counts.readingSessions} reading sessions, ` +
			`plan of ${history.counts.goals} goals / ${history.counts.goalActions} actions / ${history.counts.milestones} milestones / ` +
			`${history.counts.coachNotes} follow-ups, ${history.counts.changeTasks} change tasks / ${history.counts.changeCheckIns} check-ins`,
		`documents: ${all.length} (${kinds}), ${(characters / 1000).toFixed(0)}k characters searched`,
		`  note index filled (projectNote + replaceNotes, as at start-up; not part of search): ${ms(indexNotes)}`,
		`  sources read (Dexie notes + drafts, workspace records): ${ms(readSources)}; documents built: ${ms(buildDocs)}`,
		`index build (minisearch, all documents): ${builds.map(ms).join(' / ')} (3 runs)`,
		`index memory (heap after − before, documents themselves excluded): ${gc ? mib(heapAfter - heapBefore) : 'unknown (run with --expose-gc)'}`,
		`queries (${QUERIES.length}, each the median of ${RUNS} runs, ranking and marking the first 50 hits): ` +
			`median ${fineMs(queries.median)} · min ${fineMs(queries.min)} · max ${fineMs(queries.max)}`,
		`  of which finding and ranking (no hits marked): median ${fineMs(rankOnly.median)} · min ${fineMs(rankOnly.min)} · max ${fineMs(rankOnly.max)}`,
		...perQuery.map(
			(q) =>
				`  ${`"${q.query}"`.padEnd(46)} ${String(q.total).padStart(4)} hits  ${fineMs(q.median).padStart(10)} ` +
				`(ranking ${fineMs(q.rankOnly)})  first ${q.first}`
		),
		`update after one note changed (rebuild note documents, replace 1): ${ms(updateTook)} ` +
			`(added ${update.added}, replaced ${update.replaced}, removed ${update.removed})`
	];
	console.log(lines.join('\n'));
	workspace.destroy();
}

try {
	await main();
} catch (error) {
	console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exitCode = 1;
}
setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref();
