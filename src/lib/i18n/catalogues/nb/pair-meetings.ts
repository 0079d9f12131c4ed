/**
 * Bokmål messages for a mentor pair's meetings: the plan (a series at once, .ics), the held mark,
 * the agenda picked from the scheme's guides, shared notes, follow-ups and the private reflection.
 * "Avtale" is the pair's agreement (the contract), so what a meeting agrees to follow up is
 * "oppfølging".
 */
import type { MessageValue } from '../../types';

export default {
	'pairMeetings.intro':
		'Planlegg møtene dere skal ha, sett opp saksliste fra samtaleemnene og spørsmålene, skriv felles notater og hold oversikt over hva dere skal følge opp. Alt lagres på enheten med en gang og sendes til den andre når du har nett. Koordinatoren ser bare datoene og om møtene er gjennomført, aldri hva dere skriver.',
	'pairMeetings.removed': 'Du er ikke med i dette mentorparet, så møtene kan ikke vises her.',
	'pairMeetings.ended':
		'Koordinatoren har avsluttet mentorparet. Møtene vises slik de var, men kan ikke endres.',
	'pairMeetings.next.none': 'Ingen møter er planlagt. Planlegg møtene nedenfor.',
	'pairMeetings.plan.title': 'Planlegg møter',
	'pairMeetings.plan.intro':
		'Legg inn det første møtet, hvor ofte dere møtes og hvor mange møter dere vil ha. Hvert møte kan endres eller slettes etterpå.',
	'pairMeetings.plan.save': 'Legg møtene i planen',
	'pairMeetings.plan.saved': {
		one: 'Møtet {when} er lagt i planen.',
		other: '{count} møter er lagt i planen, det første {when}.'
	},
	'pairMeetings.series.firstDate': 'Dato for første møte',
	'pairMeetings.series.everyWeeks': 'Hver … uke',
	'pairMeetings.series.everyWeeksHint': 'Antall uker mellom møtene, fra {min} til {max}.',
	'pairMeetings.series.everyWeeksError': 'Skriv et helt antall uker fra {min} til {max}.',
	'pairMeetings.series.count': 'Antall møter',
	'pairMeetings.series.countHint': 'Fra {min} til {max} møter.',
	'pairMeetings.series.countError': 'Skriv et helt antall møter fra {min} til {max}.',
	'pairMeetings.all.title': 'Møteplan',
	'pairMeetings.all.count': '{held} av {count} møter gjennomført',
	'pairMeetings.all.toCalendar': 'Hele møteplanen til kalenderen (.ics)',
	'pairMeetings.card.agenda': { one: '{count} sak', other: '{count} saker' },
	'pairMeetings.card.followUps': { one: '{count} oppfølgingspunkt', other: '{count} oppfølgingspunkter' },
	'pairMeetings.held.label': 'Gjennomført',
	'pairMeetings.held.labelFor': 'Gjennomført: møtet {when}',
	'pairMeetings.held.notYet': 'Møtet har ikke vært ennå.',
	'pairMeetings.held.notMarked': 'Ikke merket som gjennomført.',
	'pairMeetings.agenda.from': 'fra {guide}',
	'pairMeetings.guide.topics': 'Samtaleemner',
	'pairMeetings.guide.questions': 'Eksempel på spørsmål',
	'pairMeetings.guide.guidelines': 'Retningslinjer',
	'pairMeetings.guide.method': 'Metode for veiledning',
	'pairMeetings.picker.open': 'Velg fra samtaleemner og spørsmål',
	'pairMeetings.picker.loading': 'Henter veiledningene …',
	'pairMeetings.picker.empty':
		'Koordinatoren har ikke skrevet samtaleemner eller spørsmål ennå. Skriv deres egne saker i feltet over.',
	'pairMeetings.picker.hint': 'Kryss av for det dere vil ta opp, og legg det til nederst.',
	'pairMeetings.picker.already': 'står på sakslisten',
	'pairMeetings.picker.noneChosen': 'Kryss av for minst ett forslag først.',
	'pairMeetings.picker.add': 'Legg valgte på sakslisten',
	'pairMeetings.picker.added': { one: '{count} sak er lagt til.', other: '{count} saker er lagt til.' },
	'pairMeetings.notes.title': 'Felles notater',
	'pairMeetings.notes.hint': 'Dere skriver i de samme notatene. Begge ser hva den andre skriver.',
	'pairMeetings.notes.here': 'Her nå: {names}',
	'pairMeetings.notes.alone': 'Bare du har notatene åpne nå.',
	'pairMeetings.notes.loading': 'Åpner notatene …',
	'pairMeetings.followUps.title': 'Oppfølging',
	'pairMeetings.followUps.empty': 'Ingen oppfølgingspunkter ennå.',
	'pairMeetings.followUps.text': 'Hva skal følges opp?',
	'pairMeetings.followUps.textError': 'Skriv hva som skal følges opp, høyst 500 tegn.',
	'pairMeetings.followUps.add': 'Legg til oppfølgingspunktet',
	'pairMeetings.followUps.removeFor': 'Fjern oppfølgingspunktet «{text}»',
	'pairMeetings.followUps.removed': 'Oppfølgingspunktet er fjernet.',
	'pairMeetings.followUps.done': 'Gjort',
	'pairMeetings.reflection.title': 'Min refleksjon',
	'pairMeetings.reflection.onlyYou': 'Bare du ser denne.',
	'pairMeetings.reflection.where':
		'Refleksjonen lagres blant dine egne notater, ikke hos mentorparet, og deles aldri.',
	'pairMeetings.reflection.write': 'Skriv privat refleksjon',
	'pairMeetings.reflection.open': 'Åpne min refleksjon',
	'pairMeetings.reflection.noteTitle': 'Refleksjon etter mentormøtet {when}',
	'pairMeetings.reflection.banner': 'Privat refleksjon etter et mentormøte. Bare du ser denne.',
	'pairMeetings.reflection.back': 'Til møtet',
	'pairMeetings.ics.calendar': 'Mentor: {name}',
	'pairMeetings.ics.calendarNoName': 'Mentormøte',
	'pairMeetings.ics.mentor': 'mentor',
	'pairMeetings.ics.allName': 'Mentormøter {name}',
	'pairMeetings.page.title': 'Møter',
	'pairMeetings.page.back': '← Alle møtene',
	'pairMeetings.page.missing': 'Fant ikke møtet. Det kan være slettet.',
	'pairMeetings.page.loading': 'Henter møtet …'
} as const satisfies Record<string, MessageValue>;
