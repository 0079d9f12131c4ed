/**
 * What the coordinators' forms edit: each programme item as the inputs hold it (numbers as typed
 * text), and back. Pure: the forms validate the result with the domain schemas before saving.
 */
import { isLocalDateTime } from './zoned-time';
import type { AgendaItem, Lecture, Module, ProgrammeEvent, Requirement, SyllabusItem } from './programme';
import type { Competence } from './competence-list';

/**
 * A whole number typed in a field: spaces (also "20 000" as nb-NO groups it) are ignored; empty
 * gives `empty`; anything else that is not digits gives NaN, which the schemas refuse.
 */
export function numberFromInput(text: string, empty = 0): number {
	const digits = text.replace(/[\s\u00a0\u202f]/g, '');
	if (digits === '') return empty;
	return /^\d+$/.test(digits) ? Number(digits) : NaN;
}

/** A number as a field shows it; zero as an empty field where zero means "not given". */
export function numberToInput(value: number, zeroAsEmpty = false): string {
	return zeroAsEmpty && value === 0 ? '' : String(value);
}

/** Moves one entry of a list up (-1) or down (+1); a move past either end changes nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
	const target = index + delta;
	const out = [...list];
	if (index < 0 || index >= list.length || target < 0 || target >= list.length) return out;
	[out[index], out[target]] = [out[target], out[index]];
	return out;
}

/** Adds or removes an id (checkbox lists), keeping the order and no duplicates. */
export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
	const without = ids.filter((x) => x !== id);
	return on ? [...without, id] : without;
}

export interface ModuleDraft {
	id: string;
	number: string;
	title: string;
	credits: string;
	period: string;
	description: string;
}

export function moduleDraft(item: Module | null, id: string): ModuleDraft {
	return {
		id: item?.id ?? id,
		number: item ? numberToInput(item.number, true) : '',
		title: item?.title ?? '',
		credits: item ? numberToInput(item.credits) : '',
		period: item?.period ?? '',
		description: item?.description ?? ''
	};
}

/** The item to validate and save (NaN for a number that is not one: the schema refuses it). */
export function moduleFromDraft(d: ModuleDraft) {
	return { ...d, number: numberFromInput(d.number), credits: numberFromInput(d.credits, NaN) };
}

export type AgendaDraft = AgendaItem;

export interface EventDraft extends Omit<ProgrammeEvent, 'agenda' | 'timeZone'> {
	agenda: AgendaDraft[];
}

export function eventDraft(item: ProgrammeEvent | null, id: string): EventDraft {
	return {
		id: item?.id ?? id,
		kind: item?.kind ?? 'seminar',
		title: item?.title ?? '',
		start: item?.start ?? '',
		end: item?.end ?? '',
		place: item?.place ?? '',
		videoLink: item?.videoLink ?? '',
		description: item?.description ?? '',
		moduleId: item?.moduleId ?? '',
		agenda: (item?.agenda ?? []).map((a) => ({ ...a }))
	};
}

/** A new agenda item: its time starts at the event's start, when that is set. */
export function newAgendaItem(id: string, eventStart: string): AgendaDraft {
	return { id, start: isLocalDateTime(eventStart) ? eventStart : '', title: '', speaker: '', room: '' };
}

/**
 * The event to validate, its agenda in the order of the form (so a refused agenda field is found
 * at the index the form shows).
 */
export function eventFromDraft(d: EventDraft) {
	return { ...d, agenda: d.agenda.map((a) => ({ ...a })) };
}

/** The agenda as it is saved: by time, items at the same time in the order the form gave them. */
export function sortedAgenda<T extends Pick<AgendaItem, 'start'>>(agenda: readonly T[]): T[] {
	return agenda
		.map((item, index) => ({ item, index }))
		.sort((a, b) => a.item.start.localeCompare(b.item.start) || a.index - b.index)
		.map(({ item }) => item);
}

export interface LectureDraft {
	id: string;
	title: string;
	videoLink: string;
	durationMinutes: string;
	moduleId: string;
	questions: { id: string; text: string }[];
}

export function lectureDraft(item: Lecture | null, id: string): LectureDraft {
	return {
		id: item?.id ?? id,
		title: item?.title ?? '',
		videoLink: item?.videoLink ?? '',
		durationMinutes: item ? numberToInput(item.durationMinutes, true) : '',
		moduleId: item?.moduleId ?? '',
		questions: (item?.questions ?? []).map((q) => ({ ...q }))
	};
}

export function lectureFromDraft(d: LectureDraft) {
	return {
		...d,
		durationMinutes: numberFromInput(d.durationMinutes),
		questions: d.questions.map((q) => ({ ...q }))
	};
}

export interface SyllabusDraft {
	id: string;
	title: string;
	author: string;
	pages: string;
	kind: SyllabusItem['kind'];
	moduleIds: string[];
	lectureIds: string[];
	link: string;
}

export function syllabusDraft(item: SyllabusItem | null, id: string): SyllabusDraft {
	return {
		id: item?.id ?? id,
		title: item?.title ?? '',
		author: item?.author ?? '',
		pages: item ? numberToInput(item.pages) : '',
		kind: item?.kind ?? 'set',
		moduleIds: [...(item?.moduleIds ?? [])],
		lectureIds: [...(item?.lectureIds ?? [])],
		link: item?.link ?? ''
	};
}

export function syllabusFromDraft(d: SyllabusDraft) {
	return {
		...d,
		pages: numberFromInput(d.pages, NaN),
		moduleIds: [...d.moduleIds],
		lectureIds: [...d.lectureIds]
	};
}

export interface RequirementDraft {
	id: string;
	title: string;
	kind: Requirement['kind'];
	targetCharacters: string;
	requiredComments: string;
	due: string;
	moduleId: string;
}

export function requirementDraft(item: Requirement | null, id: string): RequirementDraft {
	return {
		id: item?.id ?? id,
		title: item?.title ?? '',
		kind: item?.kind ?? 'blog-post',
		targetCharacters: item ? numberToInput(item.targetCharacters, true) : '',
		requiredComments: item ? numberToInput(item.requiredComments, true) : '',
		due: item?.due ?? '',
		moduleId: item?.moduleId ?? ''
	};
}

/** Only a "comments" requirement counts comments: the hidden field is kept in the draft, not saved. */
export function requirementFromDraft(d: RequirementDraft) {
	return {
		...d,
		targetCharacters: numberFromInput(d.targetCharacters),
		requiredComments: d.kind === 'comments' ? numberFromInput(d.requiredComments) : 0
	};
}

export interface CompetenceDraft {
	id: string;
	name: string;
	position: number;
}

/**
 * A competence of the self-assessment's list; a default not renamed starts with its catalogue
 * name (`defaultName`, in the coordinator's language), a new one at `position` (the list's end).
 */
export function competenceDraft(
	item: Competence | null,
	id: string,
	position: number,
	defaultName: string | null
): CompetenceDraft {
	return { id: item?.id ?? id, name: item?.name || defaultName || '', position: item?.position ?? position };
}

export function competenceFromDraft(d: CompetenceDraft) {
	return { ...d, removed: false };
}
