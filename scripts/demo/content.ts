/**
 * The demo programme: fictional, shaped like the county library's two-year leadership programme
 * in ../shared/seeds (four 10-credit modules, a three-day start-up seminar, half-day webinars, a
 * three-day home exam, ten-minute lectures with questions, ~700 set + 200 self-chosen pages, a blog
 * post of ~2,000 and a written assignment of ~20,000 characters). Dates follow the seeding day, so
 * there is always something past, something next and something due.
 */
import { defaultCompetences } from '$domain/competence-list';
import type { Programme } from '$domain/programme';

const DAY = 24 * 60 * 60 * 1000;

function date(base: number, days: number): string {
	return new Date(base + days * DAY).toISOString().slice(0, 10);
}

export function demoProgramme(now = Date.now()): Programme {
	const at = (days: number, time: string) => `${date(now, days)}T${time}`;
	return {
		name: 'Lederutviklingsprogram for bibliotekledere 2026–2028',
		modules: [
			{
				id: 'modul-1',
				number: 1,
				title: 'Biblioteket i samfunnet',
				credits: 10,
				period: 'Første semester',
				description: 'Bibliotekets samfunnsoppdrag og institusjonsforståelse.'
			},
			{
				id: 'modul-2',
				number: 2,
				title: 'Lederrollen og styringsgrunnlag',
				credits: 10,
				period: 'Andre semester',
				description: ''
			},
			{
				id: 'modul-3',
				number: 3,
				title: 'Ledelse gjennom utvikling og samarbeid',
				credits: 10,
				period: 'Tredje semester',
				description: ''
			},
			{
				id: 'modul-4',
				number: 4,
				title: 'Ledelse i offentlig sektor',
				credits: 10,
				period: 'Fjerde semester',
				description: ''
			}
		],
		events: [
			{
				id: 'oppstart',
				kind: 'seminar',
				title: 'Oppstartsseminar',
				start: at(-70, '09:00'),
				end: at(-68, '15:00'),
				timeZone: 'Europe/Oslo',
				place: 'Fylkesbiblioteket, Tromsø',
				videoLink: '',
				description: 'Obligatorisk oppstartssamling over tre dager.',
				moduleId: 'modul-1',
				agenda: [
					{
						id: 'opp-1',
						start: at(-70, '09:00'),
						title: 'Velkommen og forventninger',
						speaker: 'Ingrid Haugen',
						room: 'Auditoriet'
					},
					{
						id: 'opp-2',
						start: at(-70, '10:30'),
						title: 'Biblioteket i samfunnet',
						speaker: 'Faglærer',
						room: 'Auditoriet'
					},
					{
						id: 'opp-3',
						start: at(-69, '09:00'),
						title: 'Individuelle oppstartssamtaler',
						speaker: 'Veilederne',
						room: 'Grupperom'
					}
				]
			},
			{
				id: 'webinar-1',
				kind: 'webinar',
				title: 'Halvdags webinar med faglærer',
				start: at(-20, '09:00'),
				end: at(-20, '12:30'),
				timeZone: 'Europe/Oslo',
				place: '',
				videoLink: 'https://example.org/webinar-1',
				description: '',
				moduleId: 'modul-1',
				agenda: []
			},
			{
				id: 'kollokvium-1',
				kind: 'colloquium',
				title: 'Kollokvium i Nord-Troms',
				start: at(5, '12:00'),
				end: at(5, '15:00'),
				timeZone: 'Europe/Oslo',
				place: 'Biblioteket i Storslett',
				videoLink: '',
				description: 'Vi diskuterer spørsmålene til forelesning 3.',
				moduleId: 'modul-1',
				agenda: []
			},
			{
				id: 'webinar-2',
				kind: 'webinar',
				title: 'Halvdags webinar med faglærer',
				start: at(11, '09:00'),
				end: at(11, '12:30'),
				timeZone: 'Europe/Oslo',
				place: '',
				videoLink: 'https://example.org/webinar-2',
				description: '',
				moduleId: 'modul-1',
				agenda: []
			},
			{
				id: 'eksamen-1',
				kind: 'exam',
				title: 'Hjemmeeksamen modul 1',
				start: at(24, '09:00'),
				end: at(27, '14:00'),
				timeZone: 'Europe/Oslo',
				place: '',
				videoLink: '',
				description: 'Tre dagers hjemmeeksamen.',
				moduleId: 'modul-1',
				agenda: []
			},
			{
				id: 'trepart',
				kind: 'three-party',
				title: 'Trepartssamtale med nærmeste leder og veileder',
				start: at(120, '10:00'),
				end: at(120, '11:30'),
				timeZone: 'Europe/Oslo',
				place: '',
				videoLink: '',
				description: '',
				moduleId: '',
				agenda: []
			},
			{
				id: 'midtveis',
				kind: 'seminar',
				title: 'Midtveis-samling',
				start: at(160, '09:00'),
				end: at(161, '15:00'),
				timeZone: 'Europe/Oslo',
				place: 'Tromsø',
				videoLink: '',
				description: 'I forbindelse med biblioteksjefmøtet.',
				moduleId: '',
				agenda: []
			}
		],
		lectures: Array.from({ length: 10 }, (_, i) => ({
			id: `forelesning-${i + 1}`,
			title: `Forelesning ${i + 1}: ${['Samfunnsoppdraget', 'Institusjonsforståelse', 'Biblioteket som ressurs i kommunen', 'Lokalsamfunn og stedsutvikling', 'Brukerne', 'Samarbeid i regionen', 'Synlighet', 'Lovverket', 'Strategi', 'Oppsummering'][i]}`,
			videoLink: `https://example.org/forelesning-${i + 1}`,
			durationMinutes: 10,
			moduleId: 'modul-1',
			questions:
				i < 3
					? [
							{ id: `f${i + 1}-s1`, text: 'Hva betyr dette for biblioteket ditt?' },
							{ id: `f${i + 1}-s2`, text: 'Gi et eksempel fra din egen kommune.' }
						]
					: []
		})),
		syllabus: [
			{
				id: 'pensum-1',
				title: 'Bibliotek og samfunn',
				author: 'Forfatter A',
				pages: 320,
				kind: 'set',
				moduleIds: ['modul-1'],
				lectureIds: ['forelesning-1', 'forelesning-2'],
				link: ''
			},
			{
				id: 'pensum-2',
				title: 'Folkebibliotekets rolle',
				author: 'Forfatter B',
				pages: 180,
				kind: 'set',
				moduleIds: ['modul-1'],
				lectureIds: ['forelesning-3'],
				link: ''
			},
			{
				id: 'pensum-3',
				title: 'Artikkelsamling modul 1',
				author: 'Diverse',
				pages: 200,
				kind: 'set',
				moduleIds: ['modul-1'],
				lectureIds: [],
				link: 'https://example.org/artikler'
			},
			{
				id: 'pensum-egen',
				title: 'Egenvalgt pensum',
				author: '',
				pages: 200,
				kind: 'self-chosen',
				moduleIds: ['modul-1'],
				lectureIds: [],
				link: ''
			}
		],
		requirements: [
			{
				id: 'krav-blogg',
				title: 'Blogginnlegg',
				kind: 'blog-post',
				targetCharacters: 2000,
				requiredComments: 0,
				due: date(now, 9),
				moduleId: 'modul-1'
			},
			{
				id: 'krav-kommentarer',
				title: 'Kommentarer til forelesningsspørsmålene',
				kind: 'comments',
				targetCharacters: 0,
				requiredComments: 4,
				due: date(now, 20),
				moduleId: 'modul-1'
			},
			{
				id: 'krav-skriftlig',
				title: 'Selvvalgt skriftlig arbeid',
				kind: 'written-work',
				targetCharacters: 20000,
				requiredComments: 0,
				due: date(now, 40),
				moduleId: 'modul-1'
			}
		],
		// The self-assessment's fifteen default competences: every programme document has them
		// without anything stored (domain/competence-list.ts), so seed.ts writes nothing for them.
		competences: defaultCompetences()
	};
}
