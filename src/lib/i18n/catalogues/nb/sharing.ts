/** Bokmål messages for sharing: the plan with the coach, what is shared with me, and guests. */
import type { MessageValue } from '../../types';

export default {
	'app.nav.conversations': 'Samtaler',
	'guest.title': '{owner} inviterer deg til en trepartssamtale',
	'guest.titlePlain': 'Invitasjon til en trepartssamtale',
	'guest.intro':
		'Invitasjonen gjelder {email}. Som gjest ser du bare denne samtalen. Velg navn og passord, så kan du åpne den igjen senere, også uten nett og på en annen enhet.',
	'guest.signedIn': 'Du er logget inn som {email}. Samtalen deles med kontoen din.',
	'guest.localNotice':
		'Notatene du har på denne enheten blir liggende her, men synkroniseres ikke med en gjestekonto.',
	'guest.submit': 'Åpne samtalen',
	'guest.busy': 'Åpner …',
	'guest.done': 'Samtalen er lagt til.',
	'share.problem.offline': 'Deling krever nett. Prøv igjen når du har forbindelse.',
	'share.problem.forbidden': 'Du har ikke lov til dette.',
	'share.problem.not-found': 'Fant ikke personen eller dokumentet.',
	'share.problem.failed': 'Serveren svarte med en feil. Prøv igjen senere.',
	'share.signInNeeded': 'Logg inn med en konto for å dele.',
	'share.plan.title': 'Del med veilederen',
	'share.plan.explain':
		'Treningsplanen er privat. Du kan dele den med veilederen din i programmet. Veilederen kan lese planen, men ikke endre den, og du kan slutte å dele når du vil.',
	'share.plan.noCoach': 'Ingen veileder er med i programmene dine ennå.',
	'share.plan.loading': 'Henter hvem planen er delt med …',
	'share.plan.sharedWith': 'Delt med {name}, som kan lese.',
	'share.plan.notShared': 'Ikke delt med {name}.',
	'share.plan.share': 'Del med {name}',
	'share.plan.unshare': 'Slutt å dele med {name}',
	'share.plan.done': 'Planen er delt med {name}.',
	'share.plan.undone': 'Planen er ikke lenger delt med {name}.',
	'shared.title': 'Delt med meg',
	'shared.hub': 'Planer, samtaler og utkast andre har delt med deg, for eksempel som veileder.',
	'shared.intro': 'Dokumenter andre har delt med deg. De ligger på enheten og kan leses uten nett.',
	'shared.plans': 'Treningsplaner',
	'shared.conversations': 'Trepartssamtaler',
	'shared.none': 'Ingen har delt noe med deg ennå.',
	'shared.planOf': 'Treningsplanen til {name}',
	'shared.readOnly': 'Delt med deg for lesing. Bare {name} kan endre planen.',
	'shared.removed': '{name} deler ikke lenger dette med deg. Kopien på denne enheten er slettet.',
	'shared.notYet': 'Planen er ikke hentet ennå. Den kommer når du har nett.',
	'shared.refreshProblem': 'Listen kunne ikke oppdateres nå. Du ser det som ligger på enheten.'
} as const satisfies Record<string, MessageValue>;
