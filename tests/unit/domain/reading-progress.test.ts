import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EventSchema, ModuleSchema, SyllabusItemSchema } from '$domain/programme';
import { OwnTextSchema, ReadingSessionSchema, readingTexts, type TextRef } from '$domain/reading';
import { examDate, onTrack, pagesRead, programmeReading, sessionPages } from '$domain/reading-progress';

const s = (pages: number, fromPage = 0, toPage = 0) => ({ pages, fromPage, toPage });

describe('pagesRead', () => {
	it('counts a range with both ends, or the pages given', () => {
		expect(sessionPages(s(0, 10, 29))).toBe(20);
		expect(sessionPages(s(12))).toBe(12);
	});
	it('counts overlapping and repeated ranges once', () => {
		expect(pagesRead([s(0, 1, 20), s(0, 1, 20)], 100)).toBe(20);
		expect(pagesRead([s(0, 15, 30), s(0, 1, 20)], 100)).toBe(30);
		expect(pagesRead([s(0, 1, 10), s(0, 21, 30), s(0, 5, 22)], 100)).toBe(30);
		expect(pagesRead([s(0, 1, 10), s(0, 11, 20)], 100)).toBe(20);
	});
	it('adds counted sessions and caps at the text’s pages, also a range past the end', () => {
		expect(pagesRead([s(0, 1, 10), s(15)], 100)).toBe(25);
		expect(pagesRead([s(80), s(40)], 100)).toBe(100);
		expect(pagesRead([s(0, 90, 140)], 100)).toBe(11);
		expect(pagesRead([s(0, 120, 140)], 100)).toBe(0);
		expect(pagesRead([], 100)).toBe(0);
	});
});

describe('onTrack', () => {
	const base = { quota: 900, exam: '2026-04-01', programmeStart: '2026-01-01', firstSession: null };
	// 1 January to 1 April 2026 is 90 days.
	it('expects the linear share of the quota for the days gone, rounded down', () => {
		const at = (today: string, counted: number) => onTrack({ ...base, today, counted });
		expect(at('2026-01-01', 0)).toMatchObject({ start: '2026-01-01', expected: 0, onTrack: true });
		expect(at('2026-01-31', 300)).toMatchObject({ expected: 300, onTrack: true });
		expect(at('2026-01-31', 299)).toMatchObject({ expected: 300, onTrack: false });
		expect(at('2026-01-02', 9)).toMatchObject({ expected: 10, onTrack: false });
		expect(onTrack({ ...base, quota: 100, today: '2026-01-02', counted: 1 })).toMatchObject({
			expected: 1, // 100 × 1/90 = 1.1 → 1
			onTrack: true
		});
		expect(at('2026-04-01', 899)).toMatchObject({ expected: 900, onTrack: false });
		expect(at('2026-06-01', 900)).toMatchObject({ expected: 900, onTrack: true });
		expect(at('2025-12-01', 0)).toMatchObject({ expected: 0, onTrack: true });
	});
	it('starts at the first session when it is before the programme, else at the programme start', () => {
		expect(onTrack({ ...base, firstSession: '2025-12-02', today: '2026-01-01', counted: 0 })).toMatchObject({
			start: '2025-12-02',
			expected: 225, // 900 × 30/120
			onTrack: false
		});
		expect(onTrack({ ...base, firstSession: '2026-02-01', today: '2026-01-31', counted: 0 }).start).toBe(
			'2026-01-01'
		);
	});
	it('with no start before the exam, starts today and expects the whole quota from the exam day', () => {
		const none = { ...base, programmeStart: null };
		expect(onTrack({ ...none, today: '2026-03-01', counted: 0 })).toMatchObject({
			start: '2026-03-01',
			expected: 0,
			onTrack: true
		});
		expect(onTrack({ ...none, today: '2026-04-01', counted: 0 })).toMatchObject({
			expected: 900,
			onTrack: false
		});
	});
});

describe('examDate', () => {
	const exam = (start: string, end: string) => ({ kind: 'exam' as const, start, end });
	it('is the first exam not ended, else the last, else none', () => {
		const events = [
			exam('2026-12-01T09:00', '2026-12-03T14:00'),
			{ kind: 'seminar' as const, start: '2026-01-10T09:00', end: '2026-01-10T15:00' },
			exam('2026-04-01T09:00', '2026-04-03T14:00')
		];
		expect(examDate(events, '2026-01-01')).toBe('2026-04-01');
		expect(examDate(events, '2026-04-03')).toBe('2026-04-01');
		expect(examDate(events, '2026-04-04')).toBe('2026-12-01');
		expect(examDate(events, '2027-01-01')).toBe('2026-12-01');
		expect(examDate(events.slice(1, 2), '2026-01-01')).toBeNull();
	});
});

describe('programmeReading', () => {
	const programme = {
		modules: [
			v.parse(ModuleSchema, { id: 'm1', title: 'Modul 1', credits: 10 }),
			v.parse(ModuleSchema, { id: 'm2', title: 'Modul 2', credits: 10 })
		],
		syllabus: [
			v.parse(SyllabusItemSchema, { id: 'a', title: 'A', pages: 300, kind: 'set', moduleIds: ['m1'] }),
			v.parse(SyllabusItemSchema, { id: 'b', title: 'B', pages: 100, kind: 'set', moduleIds: ['m2'] }),
			v.parse(SyllabusItemSchema, { id: 'c', title: 'C', pages: 100, kind: 'self-chosen', moduleIds: ['m1'] })
		],
		events: [
			v.parse(EventSchema, {
				id: 'e1',
				kind: 'seminar',
				title: 'Oppstart',
				start: '2026-01-01T09:00',
				end: '2026-01-02T15:00'
			}),
			v.parse(EventSchema, {
				id: 'e2',
				kind: 'exam',
				title: 'Eksamen',
				start: '2026-04-01T09:00',
				end: '2026-04-03T14:00'
			})
		]
	};
	const own = [
		v.parse(OwnTextSchema, {
			id: 'o1',
			title: 'Egen',
			pages: 80,
			programmeId: 'p1',
			moduleIds: ['m1'],
			createdAt: 1
		}),
		v.parse(OwnTextSchema, { id: 'o2', title: 'Annen', pages: 50, createdAt: 2 })
	];
	const texts = readingTexts([{ id: 'p1', programme }], own);
	let n = 0;
	const session = (textRef: TextRef, date: string, pages: number, fromPage = 0, toPage = 0) =>
		v.parse(ReadingSessionSchema, { id: `s${++n}`, textRef, date, pages, fromPage, toPage, createdAt: n });
	const A: TextRef = { kind: 'syllabus', programmeId: 'p1', itemId: 'a' };
	const B: TextRef = { kind: 'syllabus', programmeId: 'p1', itemId: 'b' };
	const O1: TextRef = { kind: 'own', id: 'o1' };
	const sessions = [
		session(A, '2026-01-10', 0, 1, 50),
		session(A, '2026-01-20', 0, 41, 100), // overlaps 41–50: 50 new pages
		session(B, '2026-01-20', 150), // capped at 100
		session(O1, '2026-02-01', 80),
		session({ kind: 'own', id: 'o2' }, '2026-02-01', 50), // counts toward no programme
		session({ kind: 'syllabus', programmeId: 'other', itemId: 'a' }, '2026-01-05', 30)
	];

	it('sums set and self-chosen against the syllabus quotas, own texts as self-chosen', () => {
		const r = programmeReading('p1', programme, texts, sessions, '2026-02-15');
		expect(r.set).toEqual({ quota: 400, read: 200 });
		expect(r.selfChosen).toEqual({ quota: 100, read: 80 });
		expect(r.total).toEqual({ quota: 500, read: 280 });
	});
	it('per module: quota from the module’s syllabus, own texts read in their module', () => {
		const r = programmeReading('p1', programme, texts, sessions, '2026-02-15');
		expect(r.modules.map((m) => [m.module?.id ?? null, m.set, m.selfChosen])).toEqual([
			['m1', { quota: 300, read: 100 }, { quota: 100, read: 80 }],
			['m2', { quota: 100, read: 100 }, { quota: 0, read: 0 }]
		]);
	});
	it('caps each kind at its quota in the total', () => {
		const more = [
			...sessions,
			session({ kind: 'syllabus', programmeId: 'p1', itemId: 'c' }, '2026-02-02', 100)
		];
		const r = programmeReading('p1', programme, texts, more, '2026-02-15');
		expect(r.selfChosen).toEqual({ quota: 100, read: 180 });
		expect(r.total.read).toBe(300);
	});
	it('history: counted pages after each day with a session', () => {
		const r = programmeReading('p1', programme, texts, sessions, '2026-02-15');
		expect(r.history).toEqual([
			{ date: '2026-01-10', pages: 50 },
			{ date: '2026-01-20', pages: 200 },
			{ date: '2026-02-01', pages: 280 }
		]);
	});
	it('on track against the exam, from the programme start', () => {
		// 1 Jan → 1 Apr = 90 days; 15 Feb = 45 days: 250 expected.
		expect(programmeReading('p1', programme, texts, sessions, '2026-02-15').onTrack).toEqual({
			start: '2026-01-01',
			exam: '2026-04-01',
			expected: 250,
			counted: 280,
			quota: 500,
			onTrack: true
		});
		// 1 Mar = 59 days: 327 expected.
		expect(programmeReading('p1', programme, texts, sessions, '2026-03-01').onTrack).toMatchObject({
			expected: 327,
			onTrack: false
		});
		expect(
			programmeReading('p1', { ...programme, events: [] }, texts, sessions, '2026-03-01').onTrack
		).toBeNull();
	});
	it('with no sessions: nothing read, empty history', () => {
		const r = programmeReading('p1', programme, texts, [], '2026-01-01');
		expect(r.total).toEqual({ quota: 500, read: 0 });
		expect(r.history).toEqual([]);
		expect(r.onTrack?.onTrack).toBe(true);
	});
});
