/**
 * What bench/workspace-open.ts writes into the workspace: how much, and the Norwegian text the
 * participant's notes, plans and logs are made of, drawn by a seeded generator, so two runs measure
 * the same workspace (dates follow the seeding day, like the demo's).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Two years of one participant's work. */
export const SIZES = {
	notes: 500,
	deletedNotes: 12,
	readingSessions: 150,
	ownTexts: 12,
	readingNotes: 60,
	goals: 8,
	actionsPerGoal: 5,
	milestones: 12,
	coachNotes: 24,
	changeTasks: 10,
	assessments: 6
} as const;

/** A small seeded generator (mulberry32) with the helpers the seeding needs. */
export class Random {
	#state: number;
	constructor(seed: number) {
		this.#state = seed >>> 0;
	}
	next(): number {
		let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** `count` distinct items. */
	some<T>(items: readonly T[], count: number): T[] {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < count && pool.length)
			out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
		return out;
	}
	/** An id of `length` characters from `alphabet` (note ids: 12 of a–z0–9; record ids: 16 hex). */
	id(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
		return Array.from({ length }, () => alphabet[Math.floor(this.next() * alphabet.length)]).join('');
	}
}

export const localDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const SENTENCES = [
	'Biblioteket er en av de få arenaene i kommunen der alle er velkomne uten å måtte kjøpe noe.',
	'Vi diskuterte hvordan vi kan gjøre samfunnsoppdraget mer synlig for politikerne.',
	'Foreleseren pekte på at bibliotekloven gir oss et tydelig mandat for aktiv formidling.',
	'I gruppa var vi enige om at medarbeiderne må involveres tidlig i endringsprosesser.',
	'Jeg la merke til at flere av deltakerne sliter med de samme budsjettkuttene som oss.',
	'Neste steg er å lage en enkel plan for arrangementene til høsten og forankre den hos kommunedirektøren.',
	'Det er lett å bli fanget i driften og glemme det strategiske arbeidet.',
	'Meråpent bibliotek har gitt oss lengre åpningstid, men også nye spørsmål om trygghet og bemanning.',
	'Hva betyr det egentlig å lede fagfolk som vet mer enn meg om sitt felt?',
	'Vi fikk en god innføring i hvordan kommunens økonomiplan blir til, og når vi bør spille inn.',
	'Samarbeidet med skolene fungerer best når vi har faste avtaler og én kontaktperson på hver skole.',
	'Jeg vil prøve ut en kort ukentlig stand-up med hele personalet.',
	'Brukerundersøkelsen viser at mange ikke vet hva biblioteket tilbyr utenom bøker.',
	'Tjenestedesign handler om å starte med brukerens behov, ikke med våre egne rutiner.',
	'Kollokviet ga meg nye ideer om hvordan vi kan bruke lokalene på kveldstid.',
	'Veilederen utfordret meg på hvordan jeg delegerer, og jeg innser at jeg holder for mye selv.',
	'Frivillige kan være en ressurs, men det krever tydelige rammer og oppfølging.',
	'Vi må bli bedre til å dokumentere effekten av det vi gjør, ikke bare telle utlån.',
	'Det var nyttig å høre hvordan et annet bibliotek har organisert språkkafeen sin.',
	'Lederrollen i en liten kommune betyr at man ofte er både sjef, saksbehandler og formidler.',
	'Jeg skrev ned tre ting jeg vil ta med til personalmøtet på mandag.',
	'Endringsledelse handler mye om å skape en felles forståelse av hvorfor vi må endre oss.',
	'Jeg tror vi kan bruke biblioteket mer aktivt som møteplass i stedsutviklingen.',
	'Pensumartikkelen om institusjonsteori satte ord på noe jeg har kjent på lenge.',
	'Vi snakket om hvordan vi møter kritiske spørsmål fra innbyggere om innkjøp og samlinger.',
	'Retorikkøkta ga konkrete tips til hvordan jeg legger fram saker for kommunestyret.',
	'Det er viktig å feire små seire underveis, også når målet er langt unna.',
	'Mange av oss kjenner på ensomheten i lederrollen, og nettverket her betyr mye.',
	'Jeg bør sette av tid i kalenderen til lesing, ellers blir det ikke gjort.',
	'Fylkesbiblioteket kan hjelpe oss med kompetanseheving, men vi må selv si hva vi trenger.',
	'Medarbeidersamtalene i år skal handle mer om utvikling enn om oppgaver.',
	'Jeg er usikker på om vi har kapasitet til et nytt prosjekt før sommeren.',
	'Digital kompetanse hos innbyggerne er fortsatt en viktig del av oppdraget vårt.',
	'Vi prøvde ut en ny måte å planlegge arrangementer på, med korte sprinter og evaluering etterpå.',
	'Dialogen med kulturkontoret har blitt bedre etter at vi begynte å møtes hver måned.',
	'Det er forskjell på å være synlig og å være relevant.',
	'Jeg vil lese mer om didaktikk før neste samling.',
	'Eksamensoppgaven kan knyttes til endringsoppgaven jeg jobber med på biblioteket.',
	'Budsjettet for neste år er stramt, så vi må prioritere hardere enn før.',
	'Innbyggermedvirkning krever at vi faktisk endrer noe basert på det folk sier.',
	'Vi har mye å lære av hvordan museene jobber med formidling til skoleklasser.',
	'Jeg merker at jeg blir tryggere i rollen når jeg forstår kommunens styringssystem bedre.',
	'Til neste gang skal jeg forberede et kort innlegg om hvordan vi har jobbet med leseløftet.',
	'Det var interessant å diskutere om biblioteket skal være en nøytral eller en aktiv samfunnsaktør.',
	'Kollegaveiledning i smågrupper var nyttig, og vi avtalte å fortsette på Teams.',
	'Hvordan måler vi om et arrangement faktisk har betydning for dem som kom?',
	'Jeg trenger å snakke med nærmeste leder om hvilke forventninger kommunen har til oss.',
	'Åpne biblioteket for lag og foreninger kan gi oss nye brukere, men også mer slitasje.'
] as const;

/** Actions under a goal in the training plan. */
export const ACTIONS = [
	'Be om et møte med kommunedirektøren om bibliotekets rolle',
	'Legge fram årsmeldingen for hovedutvalget',
	'Lage en delegeringsplan sammen med personalet',
	'Sette av en time i uka til strategiarbeid',
	'Skrive utkast til ny bibliotekplan',
	'Avtale faste møter med rektorene',
	'Gjennomføre medarbeidersamtaler med ny mal',
	'Prøve ut kort ukentlig stand-up',
	'Lage en plan for synlighet i sosiale medier',
	'Invitere lokalpolitikerne til en omvisning',
	'Lese ett kapittel pensum hver søndag',
	'Starte en lederkafé med nabokommunene',
	'Kartlegge kompetansen i personalet',
	'Evaluere arrangementene i vår med brukerne',
	'Forberede innlegg til biblioteksjefmøtet',
	'Be veilederen om tilbakemelding på presentasjonen'
];

const HEADINGS = ['Hovedpunkter:', 'Spørsmål jeg tar med meg:', 'Til oppfølging:', 'Refleksjon:', 'Sitat:'];

export const TOPICS = [
	'lederrollen',
	'samfunnsoppdraget',
	'budsjettprosessen',
	'meråpent bibliotek',
	'medvirkning',
	'delegering',
	'strategiarbeidet',
	'samarbeid med skolene',
	'synlighet i kommunen',
	'endringsledelse',
	'frivillige',
	'arrangementsplanen',
	'personalmøtet',
	'brukerundersøkelsen',
	'retorikk',
	'tjenestedesign',
	'lesing',
	'digital kompetanse',
	'stedsutvikling',
	'kompetanseplanen'
];

export const TAGS = [
	'ledelse',
	'strategi',
	'endring',
	'budsjett',
	'personal',
	'samarbeid',
	'formidling',
	'medvirkning',
	'synlighet',
	'lesing',
	'eksamen',
	'veiledning',
	'idé',
	'skole',
	'arrangement',
	'meråpent',
	'økonomi',
	'kommune',
	'nettverk',
	'refleksjon'
];

/** A few sentences of prose (at most `max` characters). */
export function sentences(random: Random, count: number, max = 10_000): string {
	let text = '';
	for (let i = 0; i < count; i++) {
		const next = (text ? ' ' : '') + random.pick(SENTENCES);
		if (text.length + next.length > max) break;
		text += next;
	}
	return text || SENTENCES[0].slice(0, max);
}

/**
 * A note body of about `length` characters: a seminar note as headed lists, a reflection as
 * paragraphs (both as people write them in a plain textarea).
 */
export function noteBody(random: Random, kind: 'seminar' | 'reflection', length: number): string {
	const blocks: string[] = [];
	let size = 0;
	while (size < length) {
		const block =
			kind === 'seminar' && random.chance(0.7)
				? [
						random.pick(HEADINGS),
						...Array.from({ length: random.int(2, 4) }, () => `- ${sentences(random, 1)}`)
					].join('\n')
				: sentences(random, random.int(2, 5));
		blocks.push(block);
		size += block.length + 2;
	}
	return blocks.join('\n\n').slice(0, Math.max(length, 300));
}

/** A valid ISBN-13 in the Norwegian range (978-82-…), check digit computed. */
export function isbn(random: Random): string {
	const digits = `97882${random.id(7, '0123456789')}`;
	const sum = [...digits].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
	return digits + ((10 - (sum % 10)) % 10);
}
