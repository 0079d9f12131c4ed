import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { conversationFingerprint } from '$domain/conversation';
import {
	AgreementSignatureSchema,
	agreementFingerprint,
	agreementIsEmpty,
	bothSigned,
	canSubmit,
	dateInNorway,
	emptyEvaluationTexts,
	emptyTexts,
	EvaluationSchema,
	signaturesOf,
	signatureStates,
	withSuggestions,
	type Agreement,
	type AgreementSignature,
	type AgreementTexts
} from '$domain/pair-agreement';

const pair = {
	mentor: { userId: 'sigrid', name: 'Sigrid Berg' },
	mentee: { userId: 'kari', name: 'Kari Nordmann' }
};
const texts: AgreementTexts = {
	goals: 'Bli tryggere som leder.',
	confidentiality: 'Det vi snakker om, blir mellom oss.',
	frequency: 'Én gang i måneden, en time.',
	ending: 'Vi avslutter med en evaluering.'
};
const signature = (
	userId: string,
	side: 'mentor' | 'mentee',
	signed: AgreementTexts
): AgreementSignature => ({
	userId,
	name: userId === 'kari' ? 'Kari Nordmann' : 'Sigrid Berg',
	side,
	signedAt: '2026-11-22T10:00:00.000Z',
	fingerprint: agreementFingerprint(signed)
});

describe('the agreement fingerprint', () => {
	it('is stable, ignores whitespace at the ends and line-ending style', () => {
		const again = agreementFingerprint({ ...texts, goals: '  Bli tryggere som leder.\r\n' });
		expect(again).toBe(agreementFingerprint(texts));
		expect(agreementFingerprint({ ...texts, ending: 'A\r\nB' })).toBe(
			agreementFingerprint({ ...texts, ending: 'A\nB' })
		);
	});

	it('changes when any of the four texts changes, and tells the fields apart', () => {
		const base = agreementFingerprint(texts);
		for (const field of ['goals', 'confidentiality', 'frequency', 'ending'] as const)
			expect(agreementFingerprint({ ...texts, [field]: texts[field] + ' Endret.' })).not.toBe(base);
		// The same words moved to another field is another agreement.
		expect(agreementFingerprint({ ...emptyTexts(), goals: 'x' })).not.toBe(
			agreementFingerprint({ ...emptyTexts(), ending: 'x' })
		);
	});

	it('is the same hash the conversation uses (moved, not changed)', () => {
		// A conversation signed before the move keeps its signature valid.
		expect(
			conversationFingerprint({
				agenda: [],
				sections: { participant: '', coach: '', manager: '' },
				outcomes: []
			})
		).toBe('2ees86d046t');
	});
});

describe('signatures', () => {
	it('none, signed, changed after signing; both signed only when both cover the text as it reads', () => {
		const agreement: Agreement = { texts, signatures: {} };
		expect(signatureStates(agreement)).toEqual({ mentor: 'unsigned', mentee: 'unsigned' });
		agreement.signatures.mentee = signature('kari', 'mentee', texts);
		expect(signatureStates(agreement)).toEqual({ mentor: 'unsigned', mentee: 'signed' });
		expect(bothSigned(agreement)).toBe(false);
		agreement.signatures.mentor = signature('sigrid', 'mentor', texts);
		expect(bothSigned(agreement)).toBe(true);
		const changed = { ...agreement, texts: { ...texts, frequency: 'Annenhver uke.' } };
		expect(signatureStates(changed)).toEqual({ mentor: 'changed', mentee: 'changed' });
		expect(bothSigned(changed)).toBe(false);
	});

	it("counts only signatures by the pair's own people, on their own side", () => {
		const byUser = new Map([
			['kari', signature('kari', 'mentee', texts)],
			// Signs as the mentor, but is the mentee: not a mentor signature.
			['sigrid', { ...signature('sigrid', 'mentee', texts) }],
			['ingrid', signature('ingrid', 'mentor', texts)]
		]);
		expect(signaturesOf(pair, byUser)).toEqual({ mentee: byUser.get('kari') });
	});

	it('the schema refuses a signature without a time or fingerprint', () => {
		expect(
			v.safeParse(AgreementSignatureSchema, { ...signature('kari', 'mentee', texts), signedAt: 'i går' })
				.success
		).toBe(false);
		expect(
			v.safeParse(AgreementSignatureSchema, { ...signature('kari', 'mentee', texts), fingerprint: '' })
				.success
		).toBe(false);
	});
});

describe('suggestions and empty agreements', () => {
	it('an agreement of whitespace is empty; suggestions fill only the empty fields', () => {
		expect(agreementIsEmpty({ ...emptyTexts(), goals: '  \n' })).toBe(true);
		expect(agreementIsEmpty({ ...emptyTexts(), goals: 'Mål' })).toBe(false);
		expect(withSuggestions({ ...emptyTexts(), goals: 'Våre egne mål' }, texts)).toEqual({
			confidentiality: texts.confidentiality,
			frequency: texts.frequency,
			ending: texts.ending
		});
	});
});

describe('the evaluation', () => {
	const evaluation = {
		userId: 'kari',
		name: 'Kari Nordmann',
		side: 'mentee' as const,
		rating: 4,
		submittedAt: null
	};

	it('rates 1–5 in whole numbers, or not at all', () => {
		expect(v.safeParse(EvaluationSchema, evaluation).success).toBe(true);
		expect(v.safeParse(EvaluationSchema, { ...evaluation, rating: null }).success).toBe(true);
		for (const rating of [0, 6, 2.5])
			expect(v.safeParse(EvaluationSchema, { ...evaluation, rating }).success).toBe(false);
	});

	it('is submitted with at least a rating or some text', () => {
		expect(canSubmit({ evaluation: null, texts: emptyEvaluationTexts() })).toBe(false);
		expect(canSubmit({ evaluation: null, texts: { ...emptyEvaluationTexts(), learned: '  ' } })).toBe(false);
		expect(canSubmit({ evaluation: null, texts: { ...emptyEvaluationTexts(), learned: 'Mye' } })).toBe(true);
		expect(canSubmit({ evaluation, texts: emptyEvaluationTexts() })).toBe(true);
	});
});

describe('dates in Norway', () => {
	it('an instant late in the evening UTC is the next day in Oslo', () => {
		expect(dateInNorway('2026-11-22T23:30:00.000Z')).toBe('2026-11-23');
		expect(dateInNorway('2026-06-30T21:59:00.000Z')).toBe('2026-06-30');
	});
});
