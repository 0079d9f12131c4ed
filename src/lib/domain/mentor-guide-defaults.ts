/**
 * The suggested text of each guide of a mentor scheme, in bokmål: what a coordinator starts from
 * with "Bruk forslag" on an empty guide, and what the demo scheme is seeded with. Short on purpose —
 * the union's own documents (example questions, suggested topics, guidelines, the method for
 * guidance) are the model; a coordinator adapts them. Lists, so each item becomes a suggestion
 * for a meeting's agenda (domain/mentor-guides.ts).
 */
import type { GuideKey } from './mentor-guides';
import type { RichDoc, RichNode } from './rich-text';

const text = (value: string): RichNode => ({ type: 'text', text: value });
const heading = (value: string): RichNode => ({
	type: 'heading',
	attrs: { level: 2 },
	content: [text(value)]
});
const paragraph = (value: string): RichNode => ({ type: 'paragraph', content: [text(value)] });
const list = (items: readonly string[]): RichNode => ({
	type: 'bullet_list',
	content: items.map((item) => ({ type: 'list_item', content: [paragraph(item)] }))
});
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

const DEFAULTS: Record<GuideKey, RichDoc> = {
	topics: doc(
		paragraph(
			'Forslag til hva dere kan snakke om. Velg det som er aktuelt for dere, i den rekkefølgen som passer.'
		),
		heading('Drift og økonomi'),
		list([
			'Budsjett: å lage det, følge det opp og argumentere for bibliotekets behov',
			'Prioriteringer når tid og penger ikke strekker til'
		]),
		heading('Personalledelse'),
		list([
			'Medarbeidersamtaler og oppfølging av den enkelte',
			'Å lede tidligere kolleger',
			'Konflikter og vanskelige samtaler'
		]),
		heading('Biblioteket i lokalsamfunnet'),
		list([
			'Stedsutvikling og bibliotekets rolle i lokalsamfunnet',
			'Samarbeid med skole og kommune',
			'Å synliggjøre biblioteket for politikere og ledelse'
		]),
		heading('Egen rolle'),
		list([
			'Egen rolle i organisasjonen',
			'Å lede uten kolleger i samme fagfelt',
			'Balansen mellom drift, utvikling og egen arbeidshverdag'
		])
	),
	questions: doc(
		paragraph('Eksempler på spørsmål dere kan bruke for å komme i gang. Adepten velger gjerne tema først.'),
		heading('Til å begynne med'),
		list([
			'Hva vil du få ut av mentorordningen?',
			'Hva har du lyktes med siden sist vi møttes?',
			'Hva er den største utfordringen din akkurat nå?'
		]),
		heading('Underveis'),
		list([
			'Hva har du allerede prøvd, og hva skjedde da?',
			'Hvem andre kan hjelpe deg med dette?',
			'Hvordan ville du gjort det hvis du kunne velge fritt?',
			'Hva er det første lille steget du kan ta?'
		]),
		heading('Til slutt'),
		list(['Hva tar du med deg fra denne samtalen?', 'Hva avtaler vi til neste gang?'])
	),
	guidelines: doc(
		paragraph('Retningslinjer for samtalene, slik at begge vet hva de kan forvente.'),
		list([
			'Taushetsplikt: det som blir sagt i samtalene, blir mellom dere to.',
			'Forberedelse: begge forbereder seg, og adepten sender gjerne tema på forhånd.',
			'Begge har ansvar for at samtalene blir avtalt og holdt.',
			'Møt presis, og si fra i god tid hvis et møte må flyttes.',
			'Mentoren gir ikke fasitsvar, men deler erfaringer og stiller spørsmål.',
			'Avtal hvordan dere avslutter, og snakk om det hvis ordningen ikke fungerer.'
		])
	),
	method: doc(
		paragraph(
			'Metode for veiledning: samtalen tar utgangspunkt i adeptens egne spørsmål. Mentoren hjelper adepten å tenke selv.'
		),
		list([
			'Lytt aktivt, og la adepten snakke ferdig.',
			'Still åpne spørsmål: hva, hvordan, hva mer?',
			'Speil og oppsummer det du hører, og sjekk at du har forstått.',
			'Del egne erfaringer når det er nyttig – som erfaring, ikke som fasit.',
			'Avtal et konkret neste steg før dere avslutter.'
		])
	)
};

/** A fresh copy of a guide's suggested text. */
export function defaultGuide(key: GuideKey): RichDoc {
	return structuredClone(DEFAULTS[key]);
}
