/**
 * The document of a mentor pair (room `pair:<id>`, only the mentor and the mentee open it).
 *
 * Shape (stable: both devices read it; the meeting log's parts are in sync/pair-meetings):
 *   agreement:goals | agreement:confidentiality | agreement:frequency | agreement:ending
 *     Y.Text, top-level, so two devices writing one text offline merge instead of one replacing
 *   signatures: Y.Map<userId, plain { userId, name, side, signedAt, fingerprint }>
 *     each signs under their own id, so two signatures made offline both stay
 *   evaluations: Y.Map<userId, plain { userId, name, side, rating 1–5 | null, submittedAt | null }>
 *   evaluation:<userId>:worked | :learned | :different   Y.Text, top-level, the writer's answers
 * Everything is parsed with the domain schemas on the way out; an invalid entry (from an older or
 * newer app) is skipped and reported, never fatal.
 *
 * "Use the suggestions" inserts into the texts that are empty on this device: two devices doing
 * it offline at once get the suggestion twice (visible, and removed like any text).
 */
import * as v from 'valibot';
import type * as Y from 'yjs';
import {
	AGREEMENT_FIELDS,
	AgreementSignatureSchema,
	emptyEvaluationTexts,
	emptyTexts,
	EVALUATION_FIELDS,
	EvaluationSchema,
	type AgreementField,
	type AgreementSignature,
	type AgreementTexts,
	type Evaluation,
	type EvaluationField,
	type SideEvaluation
} from '$domain/pair-agreement';
import { TextBinding } from './text-binding';

const SIGNATURES = 'signatures';
const EVALUATIONS = 'evaluations';
const agreementText = (doc: Y.Doc, field: AgreementField) => doc.getText(`agreement:${field}`);
const evaluationText = (doc: Y.Doc, userId: string, field: EvaluationField) =>
	doc.getText(`evaluation:${userId}:${field}`);

export interface AgreementRead {
	texts: AgreementTexts;
	/** Signatures by the signer's id (only those filed under their own id). */
	signatures: Map<string, AgreementSignature>;
	/** Keys of entries that did not pass the schema. */
	skipped: string[];
}

export function readAgreement(doc: Y.Doc): AgreementRead {
	const texts = emptyTexts();
	for (const field of AGREEMENT_FIELDS) texts[field] = agreementText(doc, field).toString();
	const { items: signatures, skipped } = readByUser(doc, SIGNATURES, AgreementSignatureSchema);
	return { texts, signatures, skipped };
}

/** Binds an input or textarea to one of the agreement's texts. */
export function bindAgreementText(
	doc: Y.Doc,
	field: AgreementField,
	element: HTMLInputElement | HTMLTextAreaElement,
	origin: unknown
): TextBinding {
	return new TextBinding(agreementText(doc, field), element, origin);
}

/** Fills the given texts (each only if it is still empty), in one change. */
export function fillAgreementTexts(doc: Y.Doc, texts: Partial<AgreementTexts>, origin: unknown): void {
	doc.transact(() => {
		for (const field of AGREEMENT_FIELDS) {
			const text = agreementText(doc, field);
			const value = texts[field];
			if (value && text.toString().trim() === '') {
				if (text.length) text.delete(0, text.length);
				text.insert(0, value);
			}
		}
	}, origin);
}

export function putSignature(doc: Y.Doc, signature: AgreementSignature, origin: unknown): AgreementSignature {
	const parsed = v.parse(AgreementSignatureSchema, signature);
	doc.transact(() => doc.getMap<unknown>(SIGNATURES).set(parsed.userId, { ...parsed }), origin);
	return parsed;
}

export function readEvaluation(doc: Y.Doc, userId: string): SideEvaluation & { skipped: boolean } {
	const texts = emptyEvaluationTexts();
	for (const field of EVALUATION_FIELDS) texts[field] = evaluationText(doc, userId, field).toString();
	const raw = doc.getMap<unknown>(EVALUATIONS).get(userId);
	if (raw === undefined) return { evaluation: null, texts, skipped: false };
	const parsed = v.safeParse(EvaluationSchema, raw);
	const valid = parsed.success && parsed.output.userId === userId;
	return { evaluation: valid ? parsed.output : null, texts, skipped: !valid };
}

export function putEvaluation(doc: Y.Doc, evaluation: Evaluation, origin: unknown): Evaluation {
	const parsed = v.parse(EvaluationSchema, evaluation);
	doc.transact(() => doc.getMap<unknown>(EVALUATIONS).set(parsed.userId, { ...parsed }), origin);
	return parsed;
}

/** Binds a textarea to one of my own evaluation's answers. */
export function bindEvaluationText(
	doc: Y.Doc,
	userId: string,
	field: EvaluationField,
	element: HTMLTextAreaElement,
	origin: unknown
): TextBinding {
	return new TextBinding(evaluationText(doc, userId, field), element, origin);
}

/**
 * Calls back after any change to the agreement or the two people's evaluations (here, in another
 * tab, or from the other one).
 */
export function observePairDoc(doc: Y.Doc, userIds: readonly string[], callback: () => void): () => void {
	const texts = [
		...AGREEMENT_FIELDS.map((field) => agreementText(doc, field)),
		...userIds.flatMap((userId) => EVALUATION_FIELDS.map((field) => evaluationText(doc, userId, field)))
	];
	const maps = [doc.getMap<unknown>(SIGNATURES), doc.getMap<unknown>(EVALUATIONS)];
	const handler = () => callback();
	for (const text of texts) text.observe(handler);
	for (const map of maps) map.observe(handler);
	return () => {
		for (const text of texts) text.unobserve(handler);
		for (const map of maps) map.unobserve(handler);
	};
}

/** The records of one map kept under their writer's id (one under another id is skipped). */
function readByUser<S extends v.GenericSchema<unknown, { userId: string }>>(
	doc: Y.Doc,
	name: string,
	schema: S
): { items: Map<string, v.InferOutput<S>>; skipped: string[] } {
	const items = new Map<string, v.InferOutput<S>>();
	const skipped: string[] = [];
	for (const [key, raw] of doc.getMap<unknown>(name).entries()) {
		const parsed = v.safeParse(schema, raw);
		if (parsed.success && parsed.output.userId === key) items.set(key, parsed.output);
		else skipped.push(`${name}/${key}`);
	}
	return { items, skipped };
}
