/** English messages for search across everything I wrote (/search). */
import type { PartOf } from '../../types';
import type source from '../nb/search';

export default {
	'app.nav.search': 'Search',
	'search.title': 'Search',
	'search.label': 'Search everything you have written',
	'search.hint':
		'Notes, drafts, reading log, training plan and change tasks. Search runs on this device, offline too. Type #tag to search notes with that tag.',
	'search.building': 'Getting search ready …',
	'search.empty':
		'Type one or more words. Other forms of a word match too: “biblioteket” also finds “bibliotekene”.',
	'search.noMatches': 'Nothing found for “{query}”. Try fewer words, or the start of a word.',
	'search.count': { one: '1 result', other: '{count} results' },
	'search.results': 'Results',
	'search.showMore': 'Show more results',
	'search.shown': 'Showing {shown} of {total}',
	'search.untitled': 'Untitled',
	'search.kind.note': 'Note',
	'search.kind.draft': 'Draft',
	'search.kind.reading': 'Reading log',
	'search.kind.plan': 'Training plan',
	'search.kind.task': 'Change task',
	'search.part.seminar': 'Seminar note',
	'search.part.reflection': 'Reflection note',
	'search.part.draft': 'Draft',
	'search.part.reading-note': 'Reading note',
	'search.part.quote': 'Quote',
	'search.part.reading-session': 'Reading session',
	'search.part.goal': 'Development goal',
	'search.part.action': 'Action',
	'search.part.milestone': 'Milestone',
	'search.part.follow-up': 'Follow-up with the coach',
	'search.part.task': 'Change task',
	'search.part.check-in': 'Check-in',
	'search.context.action': 'Goal:'
} satisfies PartOf<typeof source>;
