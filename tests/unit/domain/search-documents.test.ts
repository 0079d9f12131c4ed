import { describe, expect, it } from 'vitest';
import type { ChangeTask, CheckIn } from '$domain/change-task';
import { projectNote, type NoteSnapshot } from '$domain/note';
import type { ReadingNote, ReadingSession } from '$domain/reading';
import {
	draftDocuments,
	noteDocuments,
	planDocuments,
	readingDocuments,
	searchDocuments,
	searchLinkSuffix,
	taskDocuments
} from '$domain/search-documents';

const note = (id: string, over: Partial<NoteSnapshot> = {}): NoteSnapshot => ({
	id,
	kind: 'seminar',
	title: '',
	body: '',
	seminar: '',
	tags: [],
	createdAt: 1,
	updatedAt: 2,
	deletedAt: null,
	session: null,
	...over
});

const task = (id: string, over: Partial<ChangeTask> = {}): ChangeTask => ({
	id,
	what: 'Frivillige i biblioteket',
	why: 'Flere åpne timer',
	firstStep: 'Snakk med rådmannen',
	involve: '',
	due: '',
	nextCheckIn: '',
	status: 'active',
	noteId: '',
	session: null,
	reflection: '',
	doneAt: null,
	createdAt: 1,
	updatedAt: 5,
	...over
});

describe('search documents', () => {
	it('makes one document per live note, with its tags and session to search and open at /notes/<id>', () => {
		const rows = [
			projectNote(
				note('note00000001', {
					title: ' Samling 1 ',
					body: 'Om ledelse',
					tags: ['Ledelse', 'Idé'],
					session: {
						programmeId: 'p1',
						eventId: 'e1',
						agendaItemId: '',
						eventTitle: 'Oppstartssamling',
						agendaItemTitle: ''
					}
				})
			),
			projectNote(note('note00000002', { kind: 'reflection', deletedAt: 3 }))
		];
		expect(noteDocuments(rows)).toEqual([
			{
				id: 'note:note00000001',
				kind: 'note',
				part: 'seminar',
				title: 'Samling 1',
				text: 'Om ledelse',
				keywords: 'idé ledelse Oppstartssamling',
				context: 'Oppstartssamling',
				tags: ['ide', 'ledelse'],
				target: { route: '/notes/[id]', id: 'note00000001' },
				anchor: '',
				updatedAt: 2,
				date: ''
			}
		]);
	});

	it('makes drafts open at /drafts/<id>', () => {
		const [doc] = draftDocuments([{ id: 'd1', title: 'Blogg', text: 'Tekst', updatedAt: 9 }]);
		expect(doc).toMatchObject({ id: 'draft:d1', kind: 'draft', title: 'Blogg', text: 'Tekst', updatedAt: 9 });
		expect(doc.target).toEqual({ route: '/drafts/[id]', id: 'd1' });
	});

	it('names the text of reading notes and session notes (shown, not searched), and opens them at their item', () => {
		const own = { kind: 'own', id: 't1' } as const;
		const notes: ReadingNote[] = [
			{
				id: 'n1',
				textRef: own,
				kind: 'quote',
				text: 'Biblioteket er en møteplass.',
				page: 12,
				lectureId: '',
				createdAt: 7
			},
			{
				id: 'n2',
				textRef: { kind: 'syllabus', programmeId: 'p1', itemId: 's9' },
				kind: 'note',
				text: 'Ukjent tekst',
				page: 0,
				lectureId: '',
				createdAt: 8
			}
		];
		const session = (id: string, note: string): ReadingSession => ({
			id,
			textRef: own,
			date: '2026-03-01',
			pages: 10,
			fromPage: 0,
			toPage: 0,
			minutes: 0,
			note,
			createdAt: 9
		});
		const docs = readingDocuments({
			notes,
			sessions: [session('s1', 'Lest på toget'), session('s2', '  ')],
			texts: [{ key: 'o~t1', title: 'Ledelse i praksis' }]
		});
		expect(docs.map((d) => [d.id, d.part, d.title, d.context, d.text, d.anchor, d.date])).toEqual([
			[
				'reading-note:n1',
				'quote',
				'',
				'Ledelse i praksis',
				'Biblioteket er en møteplass.',
				'reading-note-n1',
				''
			],
			['reading-note:n2', 'reading-note', '', '', 'Ukjent tekst', 'reading-note-n2', ''],
			[
				'reading-session:s1',
				'reading-session',
				'',
				'Ledelse i praksis',
				'Lest på toget',
				'reading-session-s1',
				'2026-03-01'
			]
		]);
		expect(docs[1].target).toEqual({ route: '/reading/[textKey]', textKey: 's~p1~s9' });
	});

	it('covers the whole plan: goals open on their page, the rest on /plan at their item', () => {
		const docs = planDocuments({
			goals: [
				{
					id: 'g1',
					title: 'Lede endring',
					why: 'Fordi',
					measure: 'Målt',
					targetDate: '',
					status: 'in-progress',
					createdAt: 3
				}
			],
			goalActions: [{ id: 'a1', goalId: 'g1', text: 'Les Kotter', due: '', done: false, createdAt: 4 }],
			milestones: [{ id: 'm1', title: 'Halvveis', date: '2026-05-01', reached: false }],
			coachNotes: [{ id: 'c1', date: '2026-04-01', discussed: 'Budsjett', nextSteps: 'Møte', createdAt: 0 }]
		});
		expect(docs.map((d) => [d.id, d.title, d.text, d.context, d.anchor, d.target.route])).toEqual([
			['goal:g1', 'Lede endring', 'Fordi\n\nMålt', '', '', '/plan/goals/[id]'],
			['action:a1', 'Les Kotter', '', 'Lede endring', 'plan-action-a1', '/plan'],
			['milestone:m1', 'Halvveis', '', '', 'plan-milestone-m1', '/plan'],
			['follow-up:c1', '', 'Budsjett\n\nMøte', '', 'plan-follow-up-c1', '/plan']
		]);
		// A follow-up without createdAt still sorts by its date.
		expect(docs[3].updatedAt).toBe(Date.parse('2026-04-01T12:00:00Z'));
	});

	it('makes change tasks and their check-ins, leaving out check-ins whose task is gone', () => {
		const checkIn = (id: string, taskId: string): CheckIn => ({
			id,
			taskId,
			date: '2026-02-01',
			progress: 'Tre frivillige',
			obstacles: 'Vakter',
			createdAt: 1,
			updatedAt: 6
		});
		const docs = taskDocuments({
			tasks: [task('t1', { status: 'done', reflection: 'Det gikk bra' })],
			checkIns: [checkIn('c1', 't1'), checkIn('c2', 'gone')]
		});
		expect(docs.map((d) => [d.id, d.title, d.text, d.context, d.anchor])).toEqual([
			[
				'task:t1',
				'Frivillige i biblioteket',
				'Flere åpne timer\n\nSnakk med rådmannen\n\nDet gikk bra',
				'',
				''
			],
			['check-in:c1', '', 'Tre frivillige\n\nVakter', 'Frivillige i biblioteket', 'check-in-c1']
		]);
		expect(docs[1].target).toEqual({ route: '/tasks/[id]', id: 't1' });
	});

	it('puts every source together, each id once', () => {
		const docs = searchDocuments({
			notes: [projectNote(note('note00000001'))],
			drafts: [{ id: 'note00000001', title: '', text: '', updatedAt: 0 }],
			reading: { notes: [], sessions: [], texts: [] },
			plan: { goals: [], goalActions: [], milestones: [], coachNotes: [] },
			tasks: { tasks: [task('note00000001')], checkIns: [] }
		});
		expect(docs.map((d) => d.id)).toEqual(['note:note00000001', 'draft:note00000001', 'task:note00000001']);
	});

	it('links with the query and the anchor', () => {
		expect(searchLinkSuffix({ anchor: 'check-in-c1' }, ' ledelse & mål ')).toBe(
			'?q=ledelse%20%26%20m%C3%A5l#check-in-c1'
		);
		expect(searchLinkSuffix({ anchor: '' }, 'x')).toBe('?q=x');
		expect(searchLinkSuffix({ anchor: 'a' }, '  ')).toBe('#a');
	});
});
