/**
 * The programme of bench/workspace-open.ts: two years, four modules with their gatherings (with
 * agendas), webinars, colloquia and home exams, lectures, syllabus and work requirements; the last
 * exam starts 20 days after the seeding day, so the reading log has an exam to aim at.
 */
import type { Programme, ProgrammeEvent } from '$domain/programme';
import { DAY_MS, localDate, TOPICS } from './workspace-content.ts';
import { defaultCompetences } from '$domain/competence-list';

const MODULES = [
	'Biblioteket i samfunnet',
	'Lederrollen og styringsgrunnlag',
	'Ledelse gjennom utvikling og samarbeid',
	'Ledelse i offentlig sektor'
];
const MODULE_DAYS = 180;
/** Days from the seeding day to the programme's first day. */
export const PROGRAMME_START_DAY = -680;
/** The first day of the participant's data: a month before the programme starts. */
export const FIRST_DAY = PROGRAMME_START_DAY - 30;

/** The first day of module `modul-<n>`, in days from the seeding day. */
export function moduleStartDay(moduleId: string): number {
	return PROGRAMME_START_DAY + (Number(moduleId.slice(-1)) - 1) * MODULE_DAYS;
}

/** The two-year programme: module k runs 180 days; the last exam starts 20 days from now. */
export function twoYearProgramme(now: number): Programme {
	const day = (offset: number) => localDate(now + offset * DAY_MS);
	const at = (offset: number, time: string) => `${day(offset)}T${time}`;
	const events: ProgrammeEvent[] = [];
	const lectures: Programme['lectures'] = [];
	const syllabus: Programme['syllabus'] = [];
	const requirements: Programme['requirements'] = [];
	MODULES.forEach((title, index) => {
		const m = index + 1;
		const start = PROGRAMME_START_DAY + index * MODULE_DAYS;
		const moduleId = `modul-${m}`;
		const speakers = ['Ingrid Haugen', 'Faglærer', 'Gjesteforeleser', 'Veilederne', 'Fylkesbiblioteket'];
		events.push({
			id: `samling-${m}`,
			kind: 'seminar',
			title: m === 1 ? 'Oppstartsseminar' : `Samling ${m}: ${title}`,
			start: at(start, '09:00'),
			end: at(start + 2, '15:00'),
			timeZone: 'Europe/Oslo',
			place: ['Fylkesbiblioteket, Tromsø', 'Harstad bibliotek', 'Alta bibliotek', 'Tromsø'][index],
			videoLink: '',
			description: 'Obligatorisk samling over tre dager.',
			moduleId,
			agenda: Array.from({ length: 5 }, (_, i) => ({
				id: `s${m}-${i + 1}`,
				start: at(start + Math.floor(i / 2), i % 2 ? '13:00' : '09:00'),
				title: [
					'Velkommen og forventninger',
					title,
					'Erfaringsdeling i grupper',
					'Case: endring i eget bibliotek',
					'Veien videre'
				][i],
				speaker: speakers[i],
				room: i % 2 ? 'Grupperom' : 'Auditoriet'
			}))
		});
		for (const [i, offset] of [35, 95].entries())
			events.push({
				id: `webinar-${m}-${i + 1}`,
				kind: 'webinar',
				title: 'Halvdags webinar med faglærer',
				start: at(start + offset, '09:00'),
				end: at(start + offset, '12:30'),
				timeZone: 'Europe/Oslo',
				place: '',
				videoLink: `https://example.org/webinar-${m}-${i + 1}`,
				description: '',
				moduleId,
				agenda: []
			});
		events.push({
			id: `kollokvium-${m}`,
			kind: 'colloquium',
			title: `Kollokvium ${m}`,
			start: at(start + 60, '12:00'),
			end: at(start + 60, '15:00'),
			timeZone: 'Europe/Oslo',
			place: 'Biblioteket i Storslett',
			videoLink: '',
			description: 'Vi diskuterer spørsmålene til forelesningene.',
			moduleId,
			agenda: []
		});
		events.push({
			id: `eksamen-${m}`,
			kind: 'exam',
			title: `Hjemmeeksamen modul ${m}`,
			start: at(start + 160, '09:00'),
			end: at(start + 163, '14:00'),
			timeZone: 'Europe/Oslo',
			place: '',
			videoLink: '',
			description: 'Tre dagers hjemmeeksamen.',
			moduleId,
			agenda: []
		});
		for (let i = 1; i <= 6; i++)
			lectures.push({
				id: `forelesning-${m}-${i}`,
				title: `Forelesning ${m}.${i}: ${TOPICS[(index * 6 + i) % TOPICS.length]}`,
				videoLink: `https://example.org/forelesning-${m}-${i}`,
				durationMinutes: 10,
				moduleId,
				questions:
					i <= 2
						? [
								{ id: `f${m}-${i}-s1`, text: 'Hva betyr dette for biblioteket ditt?' },
								{ id: `f${m}-${i}-s2`, text: 'Gi et eksempel fra din egen kommune.' }
							]
						: []
			});
		for (let i = 1; i <= 6; i++)
			syllabus.push({
				id: `pensum-${m}-${i}`,
				title: `${['Bibliotek og samfunn', 'Ledelse i praksis', 'Artikkelsamling', 'Offentlig styring', 'Endring og utvikling', 'Kunnskapsorganisasjonen'][i - 1]} (modul ${m})`,
				author: `Forfatter ${String.fromCharCode(64 + i)}`,
				pages: [320, 180, 200, 140, 90, 60][i - 1],
				kind: 'set',
				moduleIds: [moduleId],
				lectureIds: [`forelesning-${m}-${i}`],
				link: ''
			});
		syllabus.push({
			id: `pensum-${m}-egen`,
			title: `Egenvalgt pensum modul ${m}`,
			author: '',
			pages: 200,
			kind: 'self-chosen',
			moduleIds: [moduleId],
			lectureIds: [],
			link: ''
		});
		requirements.push(
			{
				id: `krav-${m}-blogg`,
				title: 'Blogginnlegg',
				kind: 'blog-post',
				targetCharacters: 2000,
				requiredComments: 0,
				due: day(start + 50),
				moduleId
			},
			{
				id: `krav-${m}-skriftlig`,
				title: 'Selvvalgt skriftlig arbeid',
				kind: 'written-work',
				targetCharacters: 20000,
				requiredComments: 0,
				due: day(start + 150),
				moduleId
			}
		);
	});
	events.push({
		id: 'trepart-1',
		kind: 'three-party',
		title: 'Trepartssamtale med nærmeste leder og veileder',
		start: at(PROGRAMME_START_DAY + 120, '10:00'),
		end: at(PROGRAMME_START_DAY + 120, '11:30'),
		timeZone: 'Europe/Oslo',
		place: '',
		videoLink: '',
		description: '',
		moduleId: '',
		agenda: []
	});
	return {
		name: 'Lederutviklingsprogram for bibliotekledere (to år)',
		modules: MODULES.map((title, i) => ({
			id: `modul-${i + 1}`,
			number: i + 1,
			title,
			credits: 10,
			period: ['Første', 'Andre', 'Tredje', 'Fjerde'][i] + ' semester',
			description: ''
		})),
		events,
		lectures,
		syllabus,
		requirements,
		// The 15 default competences, untouched (they are never stored: domain/competence-list.ts).
		competences: defaultCompetences()
	};
}
