import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	compactIsbn,
	isValidIsbn,
	OwnTextSchema,
	parseTextKey,
	ReadingNoteSchema,
	ReadingSessionSchema,
	readingTexts,
	textKey,
	typedCount,
	type TextRef
} from '$domain/reading';
import { SyllabusItemSchema } from '$domain/programme';

describe('ISBN', () => {
	it('accepts valid ISBN-10 and ISBN-13, with hyphens and spaces, and an X check digit', () => {
		expect(isValidIsbn('82-02-17283-6')).toBe(false); // wrong check digit
		expect(isValidIsbn('0-306-40615-2')).toBe(true);
		expect(isValidIsbn('978-0-306-40615-7')).toBe(true);
		expect(isValidIsbn('978 0 306 40615 7')).toBe(true);
		expect(isValidIsbn('0-8044-2957-X')).toBe(true);
		expect(isValidIsbn('0-8044-2957-x')).toBe(true);
	});
	it('refuses wrong checksums, lengths and letters', () => {
		expect(isValidIsbn('0-306-40615-3')).toBe(false);
		expect(isValidIsbn('978-0-306-40615-8')).toBe(false);
		expect(isValidIsbn('977-0-306-40615-7')).toBe(false); // not a book prefix
		expect(isValidIsbn('X-306-40615-2')).toBe(false);
		expect(isValidIsbn('030640615')).toBe(false);
		expect(isValidIsbn('')).toBe(false);
	});
	it('compacts as stored', () => expect(compactIsbn(' 0-8044-2957-x ')).toBe('080442957X'));
});

describe('own texts', () => {
	const text = { id: 't1', title: ' Ledelse i praksis ', pages: 240, createdAt: 1 };
	it('round-trips with defaults, trimmed, the ISBN compacted', () => {
		const parsed = v.parse(OwnTextSchema, { ...text, isbn: '978-0-306-40615-7' });
		expect(parsed).toEqual({
			id: 't1',
			title: 'Ledelse i praksis',
			author: '',
			pages: 240,
			isbn: '9780306406157',
			programmeId: '',
			moduleIds: [],
			lectureIds: [],
			createdAt: 1
		});
		expect(v.parse(OwnTextSchema, parsed)).toEqual(parsed);
	});
	it('refuses a bad ISBN, no title, no pages or fractions of pages', () => {
		expect(v.safeParse(OwnTextSchema, { ...text, isbn: '978-0-306-40615-8' }).success).toBe(false);
		expect(v.safeParse(OwnTextSchema, { ...text, title: '  ' }).success).toBe(false);
		expect(v.safeParse(OwnTextSchema, { ...text, pages: 0 }).success).toBe(false);
		expect(v.safeParse(OwnTextSchema, { ...text, pages: 1.5 }).success).toBe(false);
		expect(v.safeParse(OwnTextSchema, { ...text, pages: Number.NaN }).success).toBe(false);
	});
});

describe('reading sessions', () => {
	const base = { id: 's1', textRef: { kind: 'own', id: 't1' }, date: '2026-03-01', createdAt: 5 };
	it('round-trips a count of pages and a page range', () => {
		const counted = v.parse(ReadingSessionSchema, { ...base, pages: 30, minutes: 45, note: ' Bra ' });
		expect(counted).toEqual({ ...base, pages: 30, fromPage: 0, toPage: 0, minutes: 45, note: 'Bra' });
		expect(v.parse(ReadingSessionSchema, counted)).toEqual(counted);
		const range = v.parse(ReadingSessionSchema, {
			...base,
			textRef: { kind: 'syllabus', programmeId: 'p1', itemId: 'pensum-1' },
			fromPage: 10,
			toPage: 29
		});
		expect(range.pages).toBe(0);
		expect(v.parse(ReadingSessionSchema, range)).toEqual(range);
	});
	it('needs pages or a range that goes forward, on the pages field', () => {
		const issues = (input: object) => v.safeParse(ReadingSessionSchema, { ...base, ...input }).issues ?? [];
		expect(issues({}).map((i) => i.path?.[0]?.key)).toEqual(['pages']);
		expect(issues({ fromPage: 20, toPage: 10 }).length).toBe(1);
		expect(issues({ fromPage: 0, toPage: 10 }).length).toBe(1);
		expect(issues({ fromPage: 5, toPage: 5 })).toEqual([]);
		expect(issues({ pages: 3, date: '2026-02-30' }).length).toBe(1);
		expect(issues({ pages: 3, minutes: 24 * 60 + 1 }).length).toBe(1);
		expect(issues({ pages: 3, textRef: { kind: 'own' } }).length).toBeGreaterThan(0);
	});
});

describe('reading notes', () => {
	it('round-trips a quote with page and lecture, and refuses an empty one', () => {
		const note = {
			id: 'n1',
			textRef: { kind: 'own', id: 't1' },
			kind: 'quote',
			text: '«Ledelse er å gjøre andre gode.»',
			page: 12,
			lectureId: 'forelesning-1',
			createdAt: 3
		};
		expect(v.parse(ReadingNoteSchema, note)).toEqual(note);
		expect(v.safeParse(ReadingNoteSchema, { ...note, text: ' ' }).success).toBe(false);
		expect(v.safeParse(ReadingNoteSchema, { ...note, kind: 'summary' }).success).toBe(false);
	});
});

describe('text keys', () => {
	const refs: TextRef[] = [
		{ kind: 'syllabus', programmeId: 'p_1-a', itemId: 'pensum-1' },
		{ kind: 'own', id: 'abc123' }
	];
	it('round-trip, URL-safe', () => {
		for (const ref of refs) {
			const key = textKey(ref);
			expect(encodeURIComponent(key)).toBe(key);
			expect(parseTextKey(key)).toEqual(ref);
		}
	});
	it('refuse anything else', () => {
		for (const key of ['', 'o~', 's~p1', 's~p1~i~x', 'x~a', 'o~a b', 'o~../x'])
			expect(parseTextKey(key)).toBeNull();
	});
});

describe('readingTexts', () => {
	it('lists syllabus items, then own texts as self-chosen, oldest first', () => {
		const syllabus = [
			v.parse(SyllabusItemSchema, { id: 'i1', title: 'Bok', pages: 100, kind: 'set', moduleIds: ['m1'] })
		];
		const own = [
			v.parse(OwnTextSchema, { id: 'b', title: 'Nyere', pages: 10, createdAt: 2 }),
			v.parse(OwnTextSchema, { id: 'a', title: 'Eldre', pages: 20, createdAt: 1, programmeId: 'p1' })
		];
		const texts = readingTexts([{ id: 'p1', programme: { syllabus } }], own);
		expect(texts.map((t) => [t.key, t.kind, t.programmeId, t.own])).toEqual([
			['s~p1~i1', 'set', 'p1', false],
			['o~a', 'self-chosen', 'p1', true],
			['o~b', 'self-chosen', '', true]
		]);
	});
});

describe('typedCount', () => {
	it('reads whole numbers, empty as 0, anything else as NaN', () => {
		expect(typedCount(' 12 ')).toBe(12);
		expect(typedCount('')).toBe(0);
		expect(typedCount('1.5')).toBeNaN();
		expect(typedCount('tolv')).toBeNaN();
	});
});
