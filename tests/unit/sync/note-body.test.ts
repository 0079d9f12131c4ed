/**
 * A note's rich body and the migration of the walking skeleton's plain-text bodies (issue 5):
 * every line kept, idempotent, two offline devices migrating the same text keep it once, different
 * texts keep both, later changes by an older app version appended, the plain-text reader, and
 * change notifications for the rich body.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
	initProseMirrorDoc,
	prosemirrorJSONToYXmlFragment,
	updateYFragment,
	yXmlFragmentToProsemirrorJSON
} from 'y-prosemirror';
import * as Y from 'yjs';
import { richDocFromPlainText, richPlainText, type RichNode } from '$domain/rich-text';
import {
	cyrb53,
	fragmentText,
	MIGRATION_ORIGIN,
	migrateLegacyBodies,
	noteBodyName,
	planMigration
} from '$sync/note-body';
import { isLocalOrigin } from '$sync/persisted-doc';
import { richTextSchema } from '$sync/rich-text-schema';
import { Workspace } from '$sync/workspace';

const LEGACY = [
	'Oppstartssamling i Tromsø',
	'',
	'  Samfunnsoppdraget og økt institusjonsforståelse.',
	'- Lese kapittel 3 før neste samling',
	'\t',
	'Spørsmål: hva betyr «endringskompetanse» for små bibliotek? 🙂',
	'Siste linje uten linjeskift'
].join('\r\n');
const LINES = LEGACY.split('\r\n').filter((line) => line.trim() !== '');

const open: Workspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.destroy()));
let dbs = 0;
async function workspace(): Promise<Workspace> {
	const w = new Workspace(`ws-note-body-${++dbs}`);
	open.push(w);
	await w.ready();
	return w;
}

/** A note as the walking skeleton's app wrote it: a plain-text body, no bodyFormat. */
function writeLegacyNote(doc: Y.Doc, id: string, body: string): void {
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		doc.getMap('notes').set(id, map);
		map.set('id', id);
		map.set('kind', 'seminar');
		map.set('title', new Y.Text('Gammelt notat'));
		map.set('body', new Y.Text(body));
		map.set('seminar', '');
		map.set('tags', new Y.Map());
		map.set('createdAt', 1);
		map.set('updatedAt', 1);
		map.set('deletedAt', null);
	});
}
/** An older app version edits the plain-text body of a note. */
function legacyBody(ws: Workspace, id: string): Y.Text {
	return (ws.doc.getMap('notes').get(id) as Y.Map<unknown>).get('body') as Y.Text;
}
const sync = (a: Workspace, b: Workspace) => {
	Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
	Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
};

describe('migrating a plain-text note body', () => {
	it('keeps every line, one paragraph each, as y-prosemirror writes them', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000001', LEGACY);
		expect(ws.readNote('legacy000001')?.body).toBe(LEGACY);
		expect(ws.notesToMigrate()).toEqual(['legacy000001']);

		expect(ws.migrateNoteBodies(['legacy000001'])).toBe(1);
		expect(ws.readNote('legacy000001')?.body).toBe(LINES.join('\n'));
		// The plain-text body is kept as it was, for older app versions.
		expect(legacyBody(ws, 'legacy000001').toString()).toBe(LEGACY);

		// The same document the editor's format builds from the text (domain/rich-text.ts) …
		const fragment = ws.doc.getXmlFragment(noteBodyName('legacy000001'));
		const json = yXmlFragmentToProsemirrorJSON(fragment);
		expect(
			richTextSchema.nodeFromJSON(json).eq(richTextSchema.nodeFromJSON(richDocFromPlainText(LEGACY)))
		).toBe(true);
		// … which an editor bound to it renders as a valid document with the legacy text, and
		// takes as it is: binding it writes nothing back.
		const { doc, meta } = initProseMirrorDoc(fragment, richTextSchema);
		doc.check();
		expect(doc.childCount).toBe(LINES.length);
		expect(doc.textBetween(0, doc.content.size, '\n')).toBe(LINES.join('\n'));
		const before = Y.encodeStateVector(ws.doc);
		ws.doc.transact(() => updateYFragment(ws.doc, fragment, doc, meta));
		expect(Y.encodeStateVector(ws.doc)).toEqual(before);
	});

	it('is idempotent: a second run, on open or in the batch, changes nothing', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000002', LEGACY);
		expect(ws.noteBody('legacy000002')).not.toBeNull();
		const after = Y.encodeStateAsUpdate(ws.doc);
		expect(ws.notesToMigrate()).toEqual([]);
		expect(ws.migrateNoteBodies(['legacy000002'])).toBe(0);
		ws.noteBody('legacy000002');
		expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(after);
		expect(ws.readNote('legacy000002')?.body).toBe(LINES.join('\n'));
	});

	it('writes with an origin the journal takes, as this device, and notifies the note', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000003', LEGACY);
		writeLegacyNote(ws.doc, 'legacy000103', 'En annen');
		const client = ws.doc.clientID;
		const origins: unknown[] = [];
		ws.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
		const seen = new Set<string>();
		const stop = ws.onNotesChanged((ids) => ids.forEach((id) => seen.add(id)));
		expect(ws.migrateNoteBodies(ws.notesToMigrate())).toBe(2);
		stop();
		// The paragraphs (written by the migrations' client ids), then the records: two updates.
		expect(origins).toEqual([MIGRATION_ORIGIN, MIGRATION_ORIGIN]);
		expect(isLocalOrigin(MIGRATION_ORIGIN)).toBe(true);
		expect([...seen].sort()).toEqual(['legacy000003', 'legacy000103']);
		// Yjs did not take the migration for another device using this one's client id.
		expect(ws.doc.clientID).toBe(client);
	});

	it('two devices migrating the same note offline show its text once after they sync', async () => {
		const phone = await workspace();
		const laptop = await workspace();
		writeLegacyNote(phone.doc, 'legacy000004', LEGACY);
		writeLegacyNote(phone.doc, 'legacy000104', 'Et annet notat');
		sync(phone, laptop);
		// Both offline, both open the new version of the app: the phone migrates every note in
		// one batch, the laptop only this note, as it opens it.
		phone.migrateNoteBodies([...phone.notesToMigrate(), 'legacy000004']);
		laptop.noteBody('legacy000004');
		sync(phone, laptop);
		for (const ws of [phone, laptop]) {
			expect(ws.readNote('legacy000004')?.body).toBe(LINES.join('\n'));
			expect(ws.doc.getXmlFragment(noteBodyName('legacy000004')).length).toBe(LINES.length);
		}
		laptop.migrateNoteBodies(laptop.notesToMigrate());
		sync(phone, laptop);
		expect(phone.readNote('legacy000004')?.body).toBe(LINES.join('\n'));
		expect(Y.encodeStateVector(phone.doc)).toEqual(Y.encodeStateVector(laptop.doc));
	});

	it('two devices with different plain texts keep both after they sync', async () => {
		const phone = await workspace();
		const laptop = await workspace();
		writeLegacyNote(phone.doc, 'legacy000005', 'Felles start');
		sync(phone, laptop);
		// An older app version on each device wrote more, offline; then each got the new version.
		legacyBody(phone, 'legacy000005').insert(12, '\nFra telefonen');
		legacyBody(laptop, 'legacy000005').insert(12, '\nFra laptopen');
		phone.migrateNoteBodies(phone.notesToMigrate());
		laptop.migrateNoteBodies(laptop.notesToMigrate());
		sync(phone, laptop);
		for (const ws of [phone, laptop]) {
			const lines = ws.readNote('legacy000005')!.body.split('\n');
			expect(lines).toContain('Fra telefonen');
			expect(lines).toContain('Fra laptopen');
			expect(lines).toContain('Felles start');
		}
		// The merged plain text is migrated too (what it adds again is duplicated, nothing lost).
		phone.migrateNoteBodies(phone.notesToMigrate());
		sync(phone, laptop);
		expect(laptop.readNote('legacy000005')?.body).toBe(phone.readNote('legacy000005')?.body);
		expect(phone.notesToMigrate()).toEqual([]);
	});

	it('needs nothing for new notes: empty rich body, no write when opened', async () => {
		const ws = await workspace();
		const id = ws.createNote({ title: 'Ny' }, 1, 'newnote00001');
		expect(ws.notesToMigrate()).toEqual([]);
		expect(ws.readNote(id)?.body).toBe('');
		const state = Y.encodeStateAsUpdate(ws.doc);
		expect(ws.noteBody(id)?.length).toBe(0);
		expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(state);
		// The plain-text body exists, empty, so older app versions still open the note.
		expect(legacyBody(ws, id).toString()).toBe('');
	});

	it('marks an empty legacy note as rich when opened, so what is typed there is its body', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000006', '');
		expect(ws.notesToMigrate()).toEqual([]);
		const fragment = ws.noteBody('legacy000006')!;
		fragment.insert(0, [paragraph('Skrevet i editoren')]);
		expect(ws.readNote('legacy000006')?.body).toBe('Skrevet i editoren');
	});
});

describe('an older app version changes a migrated plain-text body', () => {
	it('appends only the new lines when it wrote at the end', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000007', 'Første linje\nAndre linje\n');
		ws.migrateNoteBodies(ws.notesToMigrate());
		ws.noteBody('legacy000007')!.insert(1, [paragraph('Skrevet i editoren')]);
		legacyBody(ws, 'legacy000007').insert(25, 'Tredje linje\nFjerde linje');
		expect(ws.notesToMigrate()).toEqual(['legacy000007']);
		ws.migrateNoteBodies(ws.notesToMigrate());
		expect(ws.readNote('legacy000007')?.body).toBe(
			'Første linje\nSkrevet i editoren\nAndre linje\nTredje linje\nFjerde linje'
		);
		expect(ws.notesToMigrate()).toEqual([]);
	});

	it('adds the line it lengthened again, whole, and every line after it', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000008', 'Første linje\nAndre');
		ws.migrateNoteBodies(ws.notesToMigrate());
		legacyBody(ws, 'legacy000008').insert(18, ' linje, lengre\nTredje');
		ws.migrateNoteBodies(ws.notesToMigrate());
		expect(ws.readNote('legacy000008')?.body).toBe('Første linje\nAndre\nAndre linje, lengre\nTredje');
	});

	it('adds the whole text again when it changed the beginning (a duplicate, never a loss)', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000009', 'En\nTo');
		ws.migrateNoteBodies(ws.notesToMigrate());
		legacyBody(ws, 'legacy000009').insert(0, 'Null\n');
		ws.migrateNoteBodies(ws.notesToMigrate());
		expect(ws.readNote('legacy000009')?.body).toBe('En\nTo\nNull\nEn\nTo');
	});

	it('appends after what is there, whatever the hashes (later generations sort last)', async () => {
		const ws = await workspace();
		for (let n = 0; n < 40; n++) {
			const id = `order${String(n).padStart(7, '0')}`;
			writeLegacyNote(ws.doc, id, `Linje ${n}`);
			ws.migrateNoteBodies([id]);
			legacyBody(ws, id).insert(legacyBody(ws, id).length, '\nMer');
			ws.migrateNoteBodies([id]);
			legacyBody(ws, id).insert(legacyBody(ws, id).length, '\nEnda mer');
			ws.migrateNoteBodies([id]);
			expect(ws.readNote(id)?.body).toBe(`Linje ${n}\nMer\nEnda mer`);
		}
	});

	it('two devices appending the same change offline keep it once', async () => {
		const phone = await workspace();
		const laptop = await workspace();
		writeLegacyNote(phone.doc, 'legacy000010', 'Start');
		phone.migrateNoteBodies(phone.notesToMigrate());
		legacyBody(phone, 'legacy000010').insert(5, '\nFra den gamle appen');
		sync(phone, laptop);
		phone.migrateNoteBodies(phone.notesToMigrate());
		laptop.migrateNoteBodies(laptop.notesToMigrate());
		sync(phone, laptop);
		for (const ws of [phone, laptop])
			expect(ws.readNote('legacy000010')?.body).toBe('Start\nFra den gamle appen');
	});
});

describe('the migration plan', () => {
	it('is the same on every device and depends on the text', () => {
		const a = planMigration('legacy000011', LEGACY, {});
		expect(planMigration('legacy000011', LEGACY, {})).toEqual(a);
		expect(planMigration('legacy000011', `${LEGACY}!`, {})?.clientId).not.toBe(a?.clientId);
		expect(planMigration('legacy000012', LEGACY, {})?.clientId).not.toBe(a?.clientId);
		expect(a?.clientId).toBeLessThan(2 ** 28); // generation 0
		expect(planMigration('legacy000011', '  \n\t', {})).toBeNull();
		expect(planMigration('legacy000011', LEGACY, { hash: a?.record.hash })).toBeNull();
		// cyrb53 is part of the document format: these values never change.
		expect(cyrb53('')).toBe(3338908027751811);
		expect(cyrb53('Lederlogg')).toBe(cyrb53('Lederlogg'));
	});

	it('appends as this device when its client id is already taken (a hash collision)', async () => {
		const ws = await workspace();
		writeLegacyNote(ws.doc, 'legacy000013', 'Første\nAndre');
		const plan = planMigration('legacy000013', 'Første\nAndre', {})!;
		const other = new Y.Doc();
		other.clientID = plan.clientId;
		other.getMap('noe annet').set('x', 1);
		Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(other));
		other.destroy();
		const map = ws.doc.getMap('notes').get('legacy000013') as Y.Map<unknown>;
		expect(migrateLegacyBodies(ws.doc, [['legacy000013', map]])).toBe(1);
		expect(ws.readNote('legacy000013')?.body).toBe('Første\nAndre');
	});
});

describe('the plain-text reader of a rich body', () => {
	const sample: RichNode = {
		type: 'doc',
		content: [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Samling 1' }] },
			{
				type: 'paragraph',
				content: [
					{ type: 'text', text: 'Les ' },
					{ type: 'text', marks: [{ type: 'strong' }], text: 'kapittel 3' },
					{ type: 'hard_break' },
					{
						type: 'text',
						marks: [{ type: 'link', attrs: { href: 'https://example.no' } }, { type: 'em' }],
						text: 'og artikkelen'
					}
				]
			},
			{ type: 'paragraph' },
			{
				type: 'bullet_list',
				content: [
					{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ett' }] }] },
					{
						type: 'list_item',
						content: [
							{ type: 'paragraph', content: [{ type: 'text', text: 'To' }] },
							{
								type: 'ordered_list',
								content: [
									{
										type: 'list_item',
										content: [{ type: 'paragraph', content: [{ type: 'text', text: 'To a' }] }]
									}
								]
							}
						]
					}
				]
			},
			{
				type: 'blockquote',
				content: [
					{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sitat' }] },
					{ type: 'paragraph', content: [{ type: 'text', text: 'Ærlig talt' }] }
				]
			}
		]
	};

	it('gives what richPlainText gives for the same document', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('x');
		prosemirrorJSONToYXmlFragment(richTextSchema, sample, fragment);
		const expected = 'Samling 1\nLes kapittel 3\nog artikkelen\n\nEtt\nTo\nTo a\nSitat\nÆrlig talt';
		expect(richPlainText(sample)).toBe(expected);
		expect(fragmentText(fragment)).toBe(expected);
		expect(fragmentText(fragment)).toBe(richPlainText(yXmlFragmentToProsemirrorJSON(fragment) as RichNode));
		expect(fragmentText(doc.getXmlFragment('empty'))).toBe(richPlainText({ type: 'doc', content: [] }));
		doc.destroy();
	});
});

describe('change notifications and updatedAt', () => {
	it('reports a note whose rich body changed, here or from another device', async () => {
		const ws = await workspace();
		const other = await workspace();
		const id = ws.createNote({}, 1, 'richnote0001');
		sync(ws, other);
		const seen: string[][] = [];
		const stop = ws.onNotesChanged((ids) => seen.push([...ids]));
		ws.noteBody(id)!.insert(0, [paragraph('Her')]);
		// Deep inside: a character typed into the paragraph's text.
		((ws.noteBody(id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, '!');
		other.noteBody(id)!.insert(0, [paragraph('Der')]);
		sync(ws, other);
		ws.doc.getXmlFragment('draftPrototype').insert(0, [paragraph('Ikke et notat')]);
		stop();
		ws.noteBody(id)!.insert(0, [paragraph('Etter stopp')]);
		expect(seen).toEqual([[id], [id], [id]]);
		expect(ws.readNote(id)?.body.split('\n').sort()).toEqual(['Der', 'Etter stopp', 'Her!']);
	});

	it('touches updatedAt after local edits, at most every five seconds', async () => {
		const ws = await workspace();
		const id = ws.createNote({}, 1_000, 'richnote0002');
		ws.touchNote(id, 3_000);
		expect(ws.readNote(id)?.updatedAt).toBe(1_000);
		ws.touchNote(id, 7_000);
		expect(ws.readNote(id)?.updatedAt).toBe(7_000);
	});
});

describe('the batch on 500 notes', () => {
	it('migrates them and reads them back, with timings', async () => {
		const ws = await workspace();
		const words = 'ledelse endring bibliotek samfunnsoppdrag kompetanse refleksjon samling lesing'.split(' ');
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		const texts = new Map<string, string>();
		ws.doc.transact(() => {
			for (let n = 0; n < 500; n++) {
				const lines: string[] = [];
				for (let l = 0, count = 4 + (next() % 30); l < count; l++) {
					const length = 3 + (next() % 14);
					lines.push(Array.from({ length }, () => words[next() % words.length]).join(' '));
					if (next() % 5 === 0) lines.push('');
				}
				const id = `bench${String(n).padStart(7, '0')}`;
				texts.set(id, lines.join('\n'));
				writeLegacyNote(ws.doc, id, lines.join('\n'));
			}
		});
		const characters = [...texts.values()].reduce((sum, t) => sum + t.length, 0);
		const figures: string[] = [];
		const time = <T>(label: string, run: () => T): T => {
			const wall = performance.now();
			const cpu = process.cpuUsage();
			const result = run();
			const used = process.cpuUsage(cpu);
			figures.push(
				`${label} ${(performance.now() - wall).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)`
			);
			return result;
		};
		const ids = time('finding them', () => ws.notesToMigrate());
		const changed = time('migrating, 25 a transaction', () => {
			let count = 0;
			for (let i = 0; i < ids.length; i += 25) count += ws.migrateNoteBodies(ids.slice(i, i + 25));
			return count;
		});
		const notes = time('reading every body', () => ws.noteIds().map((id) => ws.readNote(id)!));
		time('checking again', () => expect(ws.notesToMigrate()).toEqual([]));
		expect(changed).toBe(500);
		for (const note of notes)
			expect(note.body).toBe(texts.get(note.id)!.split('\n').filter(Boolean).join('\n'));
		console.log(
			`note-body migration, 500 notes (${Math.round(characters / 1000)}k characters): ${figures.join(', ')}; ` +
				`document ${Math.round(Y.encodeStateAsUpdate(ws.doc).length / 1024)} KiB`
		);
	});
});

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	const xmlText = new Y.XmlText();
	xmlText.insert(0, text);
	element.insert(0, [xmlText]);
	return element;
}
