/**
 * Norsk bokmål: the default language and the source of the message keys.
 * Every other catalogue must have exactly these keys (tests/unit/i18n.test.ts checks it).
 * A value is a string, or { one, other } for counts; {name} is replaced by a parameter.
 */
export const meta = { code: 'nb', name: 'Norsk bokmål', intl: 'nb-NO' } as const;

const messages = {
	'app.name': 'Lederlogg',
	'app.skipToContent': 'Hopp til innholdet',
	'app.nav.label': 'Hovedmeny',
	'app.nav.notes': 'Notater',
	'app.nav.settings': 'Innstillinger',
	'app.loading': 'Åpner arbeidsområdet …',
	'app.bootFailed':
		'Lederlogg fikk ikke åpnet lagringen på denne enheten. Sjekk at nettleseren tillater lagring (ikke privat modus) og at det er ledig plass, og last inn siden på nytt.',
	'app.update.ready': 'En ny versjon av Lederlogg er klar.',
	'app.update.reload': 'Last inn på nytt',
	'app.update.later': 'Senere',
	'app.notFound': 'Fant ikke siden.',
	'app.backHome': 'Til notatene',

	'sync.deviceOnly': 'Lagret på enheten',
	'sync.saved': 'Lagret på serveren',
	'sync.saving': 'Lagrer på serveren …',
	'sync.waitingOffline': {
		one: '1 endring venter – uten nett',
		other: '{count} endringer venter – uten nett'
	},
	'sync.waitingConnecting': {
		one: '1 endring venter – kobler til …',
		other: '{count} endringer venter – kobler til …'
	},
	'sync.offlineSaved': 'Uten nett – alt er lagret på serveren',
	'sync.signInNeeded': 'Logg inn på nytt for å synkronisere',
	'sync.refused': 'Serveren tok ikke imot endringene',
	'sync.statusLabel': 'Synkronisering',

	'welcome.title': 'Velkommen til Lederlogg',
	'welcome.intro':
		'Skriv seminarnotater og refleksjonsnotater fra lederutviklingsprogrammet – på bussen, på ferja og der det ikke er nett. Alt lagres på enheten med en gang.',
	'welcome.localOnly': 'Bruk bare på denne enheten',
	'welcome.localOnlyHint': 'Ingen konto trengs. Logger du inn senere, blir notatene med inn i kontoen.',
	'welcome.signIn': 'Logg inn',
	'welcome.signInHint': 'Med konto synkroniseres notatene til de andre enhetene dine.',

	'signIn.title': 'Logg inn',
	'signIn.email': 'E-post',
	'signIn.password': 'Passord',
	'signIn.submit': 'Logg inn',
	'signIn.busy': 'Logger inn …',
	'signIn.wrong': 'Feil e-post eller passord.',
	'signIn.invalidEmail': 'Skriv en gyldig e-postadresse.',
	'signIn.passwordMissing': 'Skriv passordet ditt.',
	'signIn.offline': 'Får ikke kontakt med serveren. Du er kanskje uten nett – prøv igjen når du har dekning.',
	'signIn.serverError': 'Serveren svarte med en feil ({status}). Prøv igjen senere.',
	'signIn.mergeNotice': 'Notatene du har skrevet på denne enheten, blir med inn i kontoen din.',
	'signIn.otherOwner':
		'Denne enheten har arbeidsområdet til en annen konto ({email}). Logg inn som den kontoen og logg ut først.',
	'signIn.again': 'Økten din er utløpt. Logg inn på nytt – notatene på enheten er i behold.',
	'signIn.continueLocal': 'Fortsett uten konto',
	'signIn.noServer': 'Finner ingen Lederlogg-server her. Du kan bruke appen på denne enheten.',

	'setup.title': 'Opprett den første koordinatoren',
	'setup.intro': 'Serveren har ingen kontoer ennå. Kontoen du oppretter nå, blir koordinator.',
	'setup.name': 'Navn',
	'setup.passwordHint': 'Minst 8 tegn.',
	'setup.submit': 'Opprett konto',
	'setup.nameMissing': 'Skriv navnet ditt.',
	'setup.passwordShort': 'Passordet må ha minst 8 tegn.',
	'setup.taken': 'Serveren har allerede en koordinator. Logg inn i stedet.',

	'join.title': 'Bli med i {programme}',
	'join.intro': 'Du er invitert som {role}. Velg navn og passord for kontoen {email}.',
	'join.signedIn': 'Du er logget inn som {email}. Programmet legges til kontoen din.',
	'join.submit': 'Bli med',
	'join.busy': 'Blir med …',
	'join.unknown': 'Fant ikke invitasjonen. Sjekk koden eller lenken.',
	'join.gone': 'Invitasjonen er brukt, trukket tilbake eller utløpt. Be koordinatoren om en ny.',
	'join.exists': 'Det finnes allerede en konto med e-posten {email}. Logg inn først, og åpne lenken igjen.',
	'join.done': 'Du er med i {programme}.',
	'join.haveCode': 'Har du fått en invitasjon?',
	'join.codeLabel': 'Invitasjonskode',
	'join.codeHint': 'Koden står i invitasjonen fra koordinatoren.',
	'join.open': 'Åpne invitasjonen',
	'role.coordinator': 'koordinator',
	'role.participant': 'deltaker',
	'role.coach': 'veileder',
	'role.mentor': 'mentor',

	'app.nav.programmes': 'Programmer',
	'programmes.title': 'Programmer',
	'programmes.empty':
		'Du er ikke med i noe program ennå. Får du en invitasjon fra koordinatoren, åpner du lenken for å bli med.',
	'programmes.role': 'Du er {role}',
	'programme.loading': 'Åpner programmet …',
	'programme.readOnly': 'Programmet redigeres av koordinatorene. Du kan lese alt her, også uten nett.',
	'programme.notSynced':
		'Programmet er ikke hentet til denne enheten ennå. Koble til nettet én gang, så kan du lese det uten nett etterpå.',
	'programme.removed': 'Du er ikke lenger med i dette programmet.',
	'programme.next': 'Neste',
	'programme.startsIn': 'Starter om {days} døgn og {hours} timer',
	'programme.ongoing': 'Pågår nå',
	'programme.noNext': 'Ingen flere samlinger eller frister i programmet.',
	'programme.due': 'Frister',
	'programme.noDue': 'Ingen kommende frister.',
	'programme.dueOn': 'Frist {date}',
	'programme.modules': 'Moduler',
	'programme.credits': '{count} studiepoeng',
	'programme.totals':
		'{credits} studiepoeng · {setPages} sider pensum og {selfChosenPages} sider egenvalgt pensum',
	'programme.back': 'Alle programmer',
	'programme.exportAll': 'Hele programmet til kalenderen (.ics)',
	'programme.exportEvent': 'Legg i kalenderen (.ics)',
	'people.title': 'Deltakere og invitasjoner',
	'people.link': 'Deltakere og invitasjoner',
	'people.members': 'Medlemmer',
	'people.connected': 'Tilkoblet nå',
	'people.lastSynced': 'Sist synkronisert {time}',
	'people.neverSynced': 'Har ikke synkronisert ennå',
	'people.invites': 'Invitasjoner',
	'people.noInvites': 'Ingen invitasjoner ennå.',
	'people.invite': 'Inviter noen',
	'people.inviteHint':
		'Du får en lenke og en kode å sende på e-post, SMS eller annen måte. Den kan brukes én gang.',
	'people.role': 'Rolle',
	'people.send': 'Lag invitasjon',
	'people.created': 'Invitasjonen er klar. Send lenken eller koden til {name}:',
	'people.code': 'Kode',
	'people.copy': 'Kopier lenken',
	'people.copied': 'Lenken er kopiert.',
	'people.revoke': 'Trekk tilbake',
	'people.status.pending': 'venter',
	'people.status.used': 'brukt',
	'people.status.revoked': 'trukket tilbake',
	'people.status.expired': 'utløpt',
	'people.offline':
		'Du er uten nett. Medlemmer og invitasjoner hentes fra serveren – prøv igjen når du har dekning.',
	'people.forbidden': 'Bare koordinatorene i programmet kan se og invitere deltakere.',
	'people.failed': 'Serveren svarte med en feil. Prøv igjen senere.',
	'people.invalid': 'Fyll inn navn og en gyldig e-postadresse.',
	'event.kind.seminar': 'Samling',
	'event.kind.webinar': 'Webinar',
	'event.kind.exam': 'Eksamen',
	'event.kind.colloquium': 'Kollokvium',
	'event.kind.three-party': 'Trepartssamtale',
	'event.kind.deadline': 'Frist',
	'requirement.kind.blog-post': 'Blogginnlegg',
	'requirement.kind.written-work': 'Skriftlig arbeid',
	'requirement.kind.comments': 'Kommentarer',
	'requirement.kind.other': 'Arbeidskrav',
	'requirement.target': 'ca. {count} tegn',
	'requirement.comments': '{count} kommentarer',

	'notes.title': 'Notater',
	'notes.newSeminar': 'Nytt seminarnotat',
	'notes.newReflection': 'Nytt refleksjonsnotat',
	'notes.searchLabel': 'Søk i notatene',
	'notes.searchPlaceholder': 'Ord eller #emneknagg',
	'notes.empty': 'Ingen notater ennå. Skriv det første – det lagres på enheten med en gang.',
	'notes.noMatches': 'Ingen notater passer søket.',
	'notes.matches': { one: '1 treff', other: '{count} treff' },
	'notes.count': { one: '1 notat', other: '{count} notater' },
	'notes.untitled': 'Uten tittel',
	'notes.edited': 'Endret {time}',
	'notes.listLabel': 'Notatene dine, nyeste først',

	'note.kind': 'Type',
	'note.kind.seminar': 'Seminarnotat',
	'note.kind.reflection': 'Refleksjonsnotat',
	'note.titleLabel': 'Tittel',
	'note.seminarLabel': 'Seminar eller samling',
	'note.seminarHint': 'For eksempel «Oppstartssamling i Tromsø».',
	'note.tagsLabel': 'Emneknagger',
	'note.tagsHint': 'Skill med komma eller mellomrom.',
	'note.bodyLabel': 'Notat',
	'note.autosave': 'Alt du skriver, lagres på enheten med en gang.',
	'note.created': 'Opprettet {time}',
	'note.back': 'Alle notater',
	'note.delete': 'Slett notatet',
	'note.deleted': 'Notatet er slettet.',
	'note.undo': 'Angre',
	'note.restored': 'Notatet er hentet tilbake.',
	'note.notFound': 'Fant ikke notatet. Det kan være slettet, eller ikke synkronisert hit ennå.',

	'settings.title': 'Innstillinger',
	'settings.language': 'Språk',
	'settings.storage': 'Lagring på enheten',
	'settings.storagePersisted': 'Nettleseren har lovet å ikke slette dataene dine når det blir lite plass.',
	'settings.storageNotPersisted':
		'Nettleseren kan slette data hvis enheten får lite lagringsplass. Synkroniser med serveren for å være trygg.',
	'settings.storageUnknown': 'Denne nettleseren kan ikke love varig lagring.',
	'settings.storageRequest': 'Be om varig lagring',
	'settings.account': 'Konto',
	'settings.signedInAs': 'Logget inn som {name} ({email}).',
	'settings.localOnly': 'Du bruker Lederlogg bare på denne enheten.',
	'settings.signIn': 'Logg inn for å synkronisere',
	'settings.signOut': 'Logg ut',
	'settings.signOutHint':
		'Når du logger ut, slettes notatene fra denne enheten (biblioteksmaskiner deles). De ligger trygt på serveren.',
	'settings.signOutPending': {
		one: 'Én endring er ikke lagret på serveren ennå. Logger du ut nå, går den tapt. Logge ut likevel?',
		other:
			'{count} endringer er ikke lagret på serveren ennå. Logger du ut nå, går de tapt. Logge ut likevel?'
	},
	'settings.signOutConfirm': 'Logg ut og slett fra enheten',
	'settings.cancel': 'Avbryt',
	'settings.sync': 'Synkronisering',

	'error.generic': 'Noe gikk galt: {message}',
	'error.storageFull': 'Lagringsplassen på enheten er full. Frigjør plass – det du har skrevet, er i behold.',
	'error.dismiss': 'Lukk',

	'time.justNow': 'akkurat nå'
} as const;

export type MessageValue = string | { readonly one: string; readonly other: string };
export type MessageKey = keyof typeof messages;
export type Messages = { readonly [K in MessageKey]: MessageValue };

export default messages satisfies Messages;
