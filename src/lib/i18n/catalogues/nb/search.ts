/** Bokmål messages for search across everything I wrote (/search). */
import type { MessageValue } from '../../types';

export default {
	'app.nav.search': 'Søk',
	'search.title': 'Søk',
	'search.label': 'Søk i alt du har skrevet',
	'search.hint':
		'Notater, utkast, leselogg, treningsplan og endringsoppgaver. Søket skjer på enheten, også uten nett. Skriv #emneknagg for å søke blant notater med den.',
	'search.building': 'Gjør klar søket …',
	'search.empty':
		'Skriv ett eller flere ord. Bøyde former gir treff: «biblioteket» finner også «bibliotekene».',
	'search.noMatches': 'Ingen treff for «{query}». Prøv færre ord, eller begynnelsen av et ord.',
	'search.count': { one: '1 treff', other: '{count} treff' },
	'search.results': 'Treff',
	'search.showMore': 'Vis flere treff',
	'search.shown': 'Viser {shown} av {total}',
	'search.untitled': 'Uten tittel',
	'search.kind.note': 'Notat',
	'search.kind.draft': 'Utkast',
	'search.kind.reading': 'Leselogg',
	'search.kind.plan': 'Treningsplan',
	'search.kind.task': 'Endringsoppgave',
	'search.part.seminar': 'Seminarnotat',
	'search.part.reflection': 'Refleksjonsnotat',
	'search.part.draft': 'Utkast',
	'search.part.reading-note': 'Lesenotat',
	'search.part.quote': 'Sitat',
	'search.part.reading-session': 'Leseøkt',
	'search.part.goal': 'Utviklingsmål',
	'search.part.action': 'Tiltak',
	'search.part.milestone': 'Milepæl',
	'search.part.follow-up': 'Oppfølging med veileder',
	'search.part.task': 'Endringsoppgave',
	'search.part.check-in': 'Oppfølging',
	'search.context.action': 'Mål:'
} as const satisfies Record<string, MessageValue>;
