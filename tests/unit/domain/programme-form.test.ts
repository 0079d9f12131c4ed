import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { invalidPaths } from '$domain/form';
import {
	EventSchema,
	LectureSchema,
	ModuleSchema,
	RequirementSchema,
	SyllabusItemSchema,
	type ProgrammeEvent
} from '$domain/programme';
import {
	eventDraft,
	eventFromDraft,
	lectureDraft,
	lectureFromDraft,
	moduleDraft,
	moduleFromDraft,
	moveItem,
	newAgendaItem,
	numberFromInput,
	numberToInput,
	requirementDraft,
	requirementFromDraft,
	sortedAgenda,
	syllabusDraft,
	syllabusFromDraft,
	toggleId
} from '$domain/programme-form';

describe('numbers typed in a form', () => {
	it('reads whole numbers, with the spaces nb-NO groups digits with', () => {
		expect(numberFromInput('10')).toBe(10);
		expect(numberFromInput(' 20 000 ')).toBe(20_000);
		expect(numberFromInput('2\u00a0000')).toBe(2000);
		expect(numberFromInput('2\u202f000')).toBe(2000);
	});

	it('gives the fallback for an empty field and NaN for anything else', () => {
		expect(numberFromInput('')).toBe(0);
		expect(numberFromInput('  ', NaN)).toBeNaN();
		expect(numberFromInput('1,5')).toBeNaN();
		expect(numberFromInput('-3')).toBeNaN();
		expect(numberFromInput('ti')).toBeNaN();
	});

	it('shows zero as empty where zero means "not given"', () => {
		expect(numberToInput(0)).toBe('0');
		expect(numberToInput(0, true)).toBe('');
		expect(numberToInput(2000, true)).toBe('2000');
	});
});

describe('list helpers', () => {
	it('moves an entry up or down, and nothing past the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
		const list = ['a', 'b'];
		moveItem(list, 0, 1);
		expect(list).toEqual(['a', 'b']);
	});

	it('toggles ids without duplicates', () => {
		expect(toggleId(['m1'], 'm2', true)).toEqual(['m1', 'm2']);
		expect(toggleId(['m1', 'm2'], 'm2', true)).toEqual(['m1', 'm2']);
		expect(toggleId(['m1', 'm2'], 'm1', false)).toEqual(['m2']);
	});
});

describe('module form', () => {
	it('round-trips an item and refuses credits that are not a whole number', () => {
		const item = {
			id: 'mod1',
			number: 1,
			title: 'Biblioteket i samfunnet',
			credits: 10,
			period: 'Høsten',
			description: ''
		};
		const draft = moduleDraft(item, 'unused');
		expect(draft.credits).toBe('10');
		expect(v.parse(ModuleSchema, moduleFromDraft(draft))).toEqual(item);
		const fresh = moduleDraft(null, 'new1');
		expect(fresh).toEqual({ id: 'new1', number: '', title: '', credits: '', period: '', description: '' });
		expect(moduleFromDraft(fresh).number).toBe(0);
		expect(invalidPaths(ModuleSchema, moduleFromDraft(fresh))).toEqual(new Set(['title', 'credits']));
		expect(invalidPaths(ModuleSchema, moduleFromDraft({ ...draft, credits: '7,5' }))).toEqual(
			new Set(['credits'])
		);
	});
});

describe('event form', () => {
	const event: ProgrammeEvent = {
		id: 'ev1',
		kind: 'seminar',
		title: 'Oppstartsseminar',
		start: '2026-09-03T09:00',
		end: '2026-09-05T15:00',
		timeZone: 'Europe/Oslo',
		place: 'Tromsø',
		videoLink: '',
		description: '',
		moduleId: 'mod1',
		agenda: [
			{ id: 'a1', start: '2026-09-03T09:00', title: 'Velkommen', speaker: '', room: '' },
			{ id: 'a2', start: '2026-09-03T10:30', title: 'Forelesning', speaker: 'Ola', room: 'A' }
		]
	};

	it('keeps the agenda items and their ids when editing', () => {
		const draft = eventDraft(event, 'unused');
		expect(draft.agenda.map((a) => a.id)).toEqual(['a1', 'a2']);
		draft.agenda[0].title = 'Endret';
		expect(event.agenda[0].title).toBe('Velkommen'); // the draft is a copy
		expect(v.parse(EventSchema, eventFromDraft(eventDraft(event, 'x')))).toEqual(event);
	});

	it('starts a new agenda item at the event start, when there is one', () => {
		expect(newAgendaItem('a3', '2026-09-03T09:00')).toEqual({
			id: 'a3',
			start: '2026-09-03T09:00',
			title: '',
			speaker: '',
			room: ''
		});
		expect(newAgendaItem('a4', '').start).toBe('');
	});

	it('sorts the agenda by time, keeping the form order for the same time', () => {
		const agenda = [
			{ id: 'c', start: '2026-09-04T09:00' },
			{ id: 'a', start: '2026-09-03T13:00' },
			{ id: 'b1', start: '2026-09-03T09:00' },
			{ id: 'b2', start: '2026-09-03T09:00' }
		];
		expect(sortedAgenda(agenda).map((a) => a.id)).toEqual(['b1', 'b2', 'a', 'c']);
		expect(sortedAgenda([agenda[3], agenda[2]]).map((a) => a.id)).toEqual(['b2', 'b1']);
	});

	it('names each refused field, in the agenda by its place in the form, the end when before the start', () => {
		const draft = eventDraft(null, 'ev2');
		draft.agenda.push(newAgendaItem('a1', ''), {
			...newAgendaItem('a2', ''),
			start: '2026-01-01T10:00',
			title: 'Ok'
		});
		expect(invalidPaths(EventSchema, eventFromDraft(draft))).toEqual(
			new Set(['title', 'start', 'end', 'agenda.0.start', 'agenda.0.title'])
		);
		// The end before the start shows on the end field, even while the title is still missing.
		const backwards = { ...draft, agenda: [], start: '2026-09-05T15:00', end: '2026-09-05T09:00' };
		expect(invalidPaths(EventSchema, eventFromDraft(backwards))).toEqual(new Set(['title', 'end']));
		expect(
			invalidPaths(EventSchema, eventFromDraft({ ...backwards, title: 'Samling', end: '2026-09-05T15:00' }))
		).toEqual(new Set());
	});
});

describe('lecture form', () => {
	it('keeps question ids, reads the duration and refuses an empty question', () => {
		const lecture = {
			id: 'lec1',
			title: 'Lederskap',
			videoLink: 'https://video.example.no/1',
			durationMinutes: 10,
			moduleId: 'mod1',
			questions: [{ id: 'q1', text: 'Hva er god ledelse?' }]
		};
		const draft = lectureDraft(lecture, 'unused');
		draft.questions.push({ id: 'q2', text: ' ' });
		const item = lectureFromDraft(draft);
		expect(item.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
		expect(invalidPaths(LectureSchema, item)).toEqual(new Set(['questions.1.text']));
		draft.questions[1].text = 'Og dårlig?';
		expect(v.parse(LectureSchema, lectureFromDraft(draft)).questions[0]).toEqual(lecture.questions[0]);
		expect(lectureDraft(null, 'n').durationMinutes).toBe('');
		expect(lectureFromDraft(lectureDraft(null, 'n')).durationMinutes).toBe(0);
		expect(lectureDraft({ ...lecture, durationMinutes: 0 }, 'x').durationMinutes).toBe('');
	});
});

describe('syllabus form', () => {
	it('needs the pages and keeps the linked modules and lectures', () => {
		const draft = syllabusDraft(null, 's1');
		expect(draft.kind).toBe('set');
		draft.title = 'Ledelse i bibliotek';
		expect(invalidPaths(SyllabusItemSchema, syllabusFromDraft(draft))).toEqual(new Set(['pages']));
		draft.pages = '120';
		draft.moduleIds = toggleId(draft.moduleIds, 'mod1', true);
		draft.link = 'ftp://x';
		expect(invalidPaths(SyllabusItemSchema, syllabusFromDraft(draft))).toEqual(new Set(['link']));
		draft.link = '';
		expect(v.parse(SyllabusItemSchema, syllabusFromDraft(draft))).toMatchObject({
			pages: 120,
			moduleIds: ['mod1']
		});
	});
});

describe('requirement form', () => {
	it('saves the required comments only for a comments requirement', () => {
		const draft = requirementDraft(null, 'r1');
		Object.assign(draft, {
			title: 'Kommentarer',
			kind: 'blog-post',
			requiredComments: '3',
			targetCharacters: '2 000'
		});
		expect(requirementFromDraft(draft)).toMatchObject({ requiredComments: 0, targetCharacters: 2000 });
		draft.kind = 'comments';
		expect(requirementFromDraft(draft).requiredComments).toBe(3);
		draft.due = '2026-02-30';
		expect(invalidPaths(RequirementSchema, requirementFromDraft(draft))).toEqual(new Set(['due']));
		draft.due = '2026-02-28';
		const saved = v.parse(RequirementSchema, requirementFromDraft(draft));
		expect(requirementDraft(saved, 'x')).toEqual({ ...draft, targetCharacters: '2000' });
	});
});
