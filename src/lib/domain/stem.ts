/**
 * A light stemmer for Norwegian (bokmål and nynorsk) and Danish: it strips the common inflection
 * endings of nouns, verbs and adjectives so that the forms of one word meet in search —
 * "biblioteket", "bibliotekene", "bibliotekets", "bibliotekerne" and "bibliotek" all become
 * "bibliotek"; "ledelse", "ledelsen", "ledelsens" and "ledelser" all become "ledels".
 *
 * It takes a word already normalised by `normaliseWord` (lower case; æ, ø and å kept, so "år"
 * never meets "ar"). Inflection only, never derivation (-het, -else, -ing stay), a stem is never
 * shorter than three letters and keeps a vowel, and a bare -s is never taken (only -ens, -ets,
 * -enes, -ernes, -anes), so "kurs" stays apart from "kur" and short words are left as they are.
 * It runs at most twice, so that "lederen" → "leder" → "led" meets "leder" → "led". The nynorsk
 * plural -ar is left alone: taking it would make "bibliotekar" (librarian) meet "bibliotek".
 */

/** Endings, longest first. */
const SUFFIXES = [
	'ernes', // da. def. pl. genitive: bibliotekernes
	'erne', // da. def. pl.: bibliotekerne
	'enes', // def. pl. genitive: bibliotekenes
	'anes', // nn. def. pl. genitive: gutanes
	'ende', // present participle: lærende
	'ede', // da. past tense: arbejdede
	'ene', // def. pl.: bibliotekene
	'ane', // nn. def. pl.: gutane
	'ens', // def. sg. genitive: ledelsens
	'ets', // def. sg. genitive: bibliotekets
	'en', // def. sg.: ledelsen
	'et', // def. sg. neuter, past participle: biblioteket, arbeidet
	'er', // pl., present tense: biblioteker, leser
	'a', // def. sg. fem., nn. def. pl.: boka, husa
	'e' // pl., infinitive: ledere, lese
] as const;

const MIN_STEM = 3;
const MIN_WORD = 4;
const VOWEL = /[aeiouyæøå]/;

function stripOnce(word: string): string {
	if (word.length < MIN_WORD) return word;
	// The longest ending that leaves a stem long enough ("lede": not -ede, but -e).
	for (const suffix of SUFFIXES) {
		if (!word.endsWith(suffix)) continue;
		const stem = word.slice(0, -suffix.length);
		if (stem.length >= MIN_STEM && VOWEL.test(stem)) return stem;
	}
	return word;
}

/** The stem of a normalised word (digits and short words come back as they are). */
export function stem(word: string): string {
	if (/\d/.test(word)) return word;
	const once = stripOnce(word);
	return once === word ? word : stripOnce(once);
}
