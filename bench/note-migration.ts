/**
 * `node --import tsx bench/note-migration.ts`: what moving the walking skeleton's plain-text note
 * bodies to rich text (src/lib/sync/note-body.ts) costs on two years of work (500 notes typed as
 * plain text, bench/workspace-history.ts), in Node: finding the notes, migrating them in chunks as
 * the app does after loading (state/note-migration.ts), reading every note back (what the index
 * rebuild does at each start), and the same after loading the migrated document again. Prints
 * wall-clock and CPU time (on a shared machine the wall-clock figures grow with its load).
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import { ProgrammeSchema } from '$domain/programme';
import { Workspace } from '$sync/workspace';
import { replayTwoYears } from './workspace-history.ts';
import { twoYearProgramme } from './workspace-programme.ts';

const CHUNK = 25; // as state/note-migration.ts

function time<T>(label: string, run: () => T): T {
	const wall = performance.now();
	const cpu = process.cpuUsage();
	const result = run();
	const used = process.cpuUsage(cpu);
	console.log(
		`${label.padEnd(44)} ${(performance.now() - wall).toFixed(1).padStart(8)} ms wall ` +
			`${((used.user + used.system) / 1000).toFixed(1).padStart(8)} ms CPU`
	);
	return result;
}

const now = Date.now();
const programme = v.parse(ProgrammeSchema, twoYearProgramme(now));
const history = replayTwoYears('bench-programme', programme, now, 10);
console.log(
	`two years of work: ${history.counts.notes} notes, ${history.counts.noteCharacters} characters ` +
		`of plain-text bodies, ${history.clients} sittings`
);

const workspace = new Workspace('bench-note-migration');
time('loading the plain-text document', () => Y.applyUpdate(workspace.doc, history.state));
time('reading every note (plain text)', () => workspace.noteIds().map((id) => workspace.readNote(id)));
const ids = time('finding the notes to migrate', () => workspace.notesToMigrate());
const before = Y.encodeStateAsUpdate(workspace.doc).length;
let chunks = 0;
time(`migrating ${ids.length} notes, ${CHUNK} a transaction`, () => {
	for (let i = 0; i < ids.length; i += CHUNK, chunks++) workspace.migrateNoteBodies(ids.slice(i, i + CHUNK));
});
// The chunks again, on a copy, one by one: the longest pause one makes on the main thread.
let slowest = 0;
const copy = new Workspace('bench-note-migration-copy');
Y.applyUpdate(copy.doc, history.state);
for (let i = 0; i < ids.length; i += CHUNK) {
	const start = performance.now();
	copy.migrateNoteBodies(ids.slice(i, i + CHUNK));
	slowest = Math.max(slowest, performance.now() - start);
}
console.log(`${'the slowest of the chunks'.padEnd(44)} ${slowest.toFixed(1).padStart(8)} ms wall`);
time('checking again (nothing left)', () => {
	if (workspace.notesToMigrate().length) throw new Error('notes left to migrate');
});
const notes = time('reading every note (rich)', () =>
	workspace.noteIds().map((id) => workspace.readNote(id))
);
const after = Y.encodeStateAsUpdate(workspace.doc);
const reloaded = new Workspace('bench-note-migration-reloaded');
time('loading the migrated document', () => Y.applyUpdate(reloaded.doc, after));
time('reading every note after loading', () => reloaded.noteIds().map((id) => reloaded.readNote(id)));
time('reading every note again', () => reloaded.noteIds().map((id) => reloaded.readNote(id)));
const lost = notes.filter((note) => {
	const legacy = (
		(workspace.doc.getMap('notes').get(note!.id) as Y.Map<unknown>).get('body') as Y.Text
	).toString();
	const lines = note!.body.split('\n');
	return legacy.split('\n').some((line) => line.trim() && !lines.includes(line));
});
console.log(
	`document ${Math.round(before / 1024)} KiB → ${Math.round(after.length / 1024)} KiB; ` +
		`${chunks} chunks; notes missing a line: ${lost.length}`
);
for (const w of [workspace, copy, reloaded]) w.destroy();
