import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	displayTitle,
	NewNoteSchema,
	newNoteId,
	NoteIdSchema,
	NoteIndexRowSchema,
	normaliseTags,
	parseTagInput,
	projectNote,
	type NoteSnapshot
} from '$domain/note';

const note = (over: Partial<NoteSnapshot> = {}): NoteSnapshot => ({
	id: 'abcdefgh1234',
	kind: 'seminar',
	title: 'Midtveis-samling',
	body: 'Vi jobbet med endringskompetanse.\nNeste steg: trepartssamtale.',
	seminar: 'Biblioteksjefmøtet',
	tags: ['Ledelse', '#endring', 'ledelse'],
	createdAt: 1,
	updatedAt: 2,
	deletedAt: null,
	session: null,
	...over
});

describe('notes', () => {
	it('projects a note into a valid index row', () => {
		const row = projectNote(note());
		expect(v.safeParse(NoteIndexRowSchema, row).success).toBe(true);
		expect(row.tags).toEqual(['endring', 'ledelse']);
		expect(row.words).toEqual(
			expect.arrayContaining(['midtveis', 'samling', 'trepartssamtale', 'biblioteksjefmøtet'])
		);
		expect(row.deleted).toBe(0);
		expect(projectNote(note({ deletedAt: 5 })).deleted).toBe(1);
	});

	it('is a pure function', () => {
		expect(projectNote(note())).toEqual(projectNote(note()));
	});

	it('parses tag input', () => {
		expect(parseTagInput('ledelse, Endring #lesing;;  ')).toEqual(['endring', 'ledelse', 'lesing']);
		expect(normaliseTags(['  ', '#'])).toEqual([]);
	});

	it('makes valid ids', () => {
		const ids = new Set(Array.from({ length: 100 }, newNoteId));
		expect(ids.size).toBe(100);
		for (const id of ids) expect(v.safeParse(NoteIdSchema, id).success).toBe(true);
	});

	it('validates new-note input with defaults', () => {
		expect(v.parse(NewNoteSchema, {})).toEqual({ kind: 'seminar', title: '', seminar: '', tags: [] });
		expect(v.safeParse(NewNoteSchema, { kind: 'diary' }).success).toBe(false);
	});

	it('falls back to the first line for a title', () => {
		expect(displayTitle({ title: '  ', text: '\n  Første linje\nandre' })).toBe('Første linje');
		expect(displayTitle({ title: '', text: '' })).toBeNull();
	});
});
