/**
 * A mentor pair's agreement and its end-of-year evaluation (the pair document `pair:<id>`, see
 * sync/pair-doc.ts).
 *
 * The agreement is four texts both edit — the goals, confidentiality, how often and how long they
 * meet, how to end — signed by both with name and time. A signature keeps a fingerprint of the
 * four texts as signed, so the page says "changed after signing" when any of them changes later.
 *
 * The evaluation: each of the two writes their own (three questions and how useful the year was,
 * 1–5) and submits it; both read both once submitted. That each writes and signs only their own is
 * the app's rule: the server authorises the room as a whole.
 */
import * as v from 'valibot';
import { fingerprintOf } from './fingerprint';
import type { Pair } from './pair';
import { PROGRAMME_TIME_ZONE, utcToZoned } from './zoned-time';

export const AGREEMENT_FIELDS = ['goals', 'confidentiality', 'frequency', 'ending'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
export type AgreementTexts = Record<AgreementField, string>;

export const PAIR_SIDES = ['mentor', 'mentee'] as const;
export type PairSide = (typeof PAIR_SIDES)[number];

const Iso = v.pipe(v.string(), v.isoTimestamp());
const UserId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));

/** One signature of the agreement, kept under the signer's user id. */
export const AgreementSignatureSchema = v.object({
	userId: UserId,
	name: Name,
	side: v.picklist(PAIR_SIDES),
	signedAt: Iso,
	/** `agreementFingerprint` of the texts when they were signed. */
	fingerprint: v.pipe(v.string(), v.minLength(1), v.maxLength(32))
});
export type AgreementSignature = v.InferOutput<typeof AgreementSignatureSchema>;

export interface Agreement {
	texts: AgreementTexts;
	/** Valid signatures by side (one written under the wrong key or side is not counted). */
	signatures: Partial<Record<PairSide, AgreementSignature>>;
}

export const emptyTexts = (): AgreementTexts => ({
	goals: '',
	confidentiality: '',
	frequency: '',
	ending: ''
});

/** No text has been written yet (whitespace does not count). */
export const agreementIsEmpty = (texts: AgreementTexts) =>
	AGREEMENT_FIELDS.every((field) => texts[field].trim() === '');

/** A text as it counts for a signature: line endings unified, the ends trimmed. */
const canonical = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** The fingerprint of what a signature covers: the four texts, in order. */
export function agreementFingerprint(texts: AgreementTexts): string {
	return fingerprintOf(JSON.stringify(AGREEMENT_FIELDS.map((field) => canonical(texts[field]))));
}

export type SignatureState = 'unsigned' | 'signed' | 'changed';

/** Each side's signature: none, still valid for the texts as they are now, or made before a change. */
export function signatureStates(agreement: Agreement): Record<PairSide, SignatureState> {
	const now = agreementFingerprint(agreement.texts);
	const state = (side: PairSide): SignatureState => {
		const signature = agreement.signatures[side];
		if (!signature) return 'unsigned';
		return signature.fingerprint === now ? 'signed' : 'changed';
	};
	return { mentor: state('mentor'), mentee: state('mentee') };
}

/** Both have signed the agreement as it reads now. */
export function bothSigned(agreement: Agreement): boolean {
	const states = signatureStates(agreement);
	return PAIR_SIDES.every((side) => states[side] === 'signed');
}

/**
 * The signatures that belong to this pair, by side: the signer is the pair's person on that side
 * and the record sits under their own id (anything else is ignored, not trusted).
 */
export function signaturesOf(
	pair: Pick<Pair, 'mentor' | 'mentee'>,
	byUser: ReadonlyMap<string, AgreementSignature>
): Partial<Record<PairSide, AgreementSignature>> {
	const signatures: Partial<Record<PairSide, AgreementSignature>> = {};
	for (const side of PAIR_SIDES) {
		const signature = byUser.get(pair[side].userId);
		if (signature && signature.side === side) signatures[side] = signature;
	}
	return signatures;
}

/** The suggested texts an empty agreement may start from, filled only into fields still empty. */
export function withSuggestions(texts: AgreementTexts, suggestions: AgreementTexts): Partial<AgreementTexts> {
	const filled: Partial<AgreementTexts> = {};
	for (const field of AGREEMENT_FIELDS) if (texts[field].trim() === '') filled[field] = suggestions[field];
	return filled;
}

/** An instant's calendar date in Norway ("2026-11-22"): when a pair was made or ended. */
export const dateInNorway = (iso: string): string =>
	utcToZoned(Date.parse(iso), PROGRAMME_TIME_ZONE).slice(0, 10);

// The evaluation.

export const EVALUATION_FIELDS = ['worked', 'learned', 'different'] as const;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];
export type EvaluationTexts = Record<EvaluationField, string>;

export const RATINGS = [1, 2, 3, 4, 5] as const;

/** One side's evaluation, kept under its writer's user id; the answers are texts of their own. */
export const EvaluationSchema = v.object({
	userId: UserId,
	name: Name,
	side: v.picklist(PAIR_SIDES),
	/** How useful the year was, 1 (not at all) to 5 (very); null while not answered. */
	rating: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
	/** When it was submitted; null while it is a draft. */
	submittedAt: v.nullable(Iso)
});
export type Evaluation = v.InferOutput<typeof EvaluationSchema>;

export interface SideEvaluation {
	/** Null until its writer has started it. */
	evaluation: Evaluation | null;
	texts: EvaluationTexts;
}

export const emptyEvaluationTexts = (): EvaluationTexts => ({ worked: '', learned: '', different: '' });

/** Submitting needs at least one answer: a rating or some text. */
export function canSubmit(side: SideEvaluation): boolean {
	return (
		(side.evaluation?.rating ?? null) !== null ||
		EVALUATION_FIELDS.some((field) => side.texts[field].trim() !== '')
	);
}
