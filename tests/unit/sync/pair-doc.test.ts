import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	agreementFingerprint,
	signaturesOf,
	signatureStates,
	type AgreementSignature,
	type AgreementTexts
} from '$domain/pair-agreement';
import {
	bindAgreementText,
	bindEvaluationText,
	fillAgreementTexts,
	observePairDoc,
	putEvaluation,
	putSignature,
	readAgreement,
	readEvaluation
} from '$sync/pair-doc';

const ME = Symbol('me');
const pair = {
	mentor: { userId: 'sigrid', name: 'Sigrid Berg' },
	mentee: { userId: 'kari', name: 'Kari Nordmann' }
};
const suggestions: AgreementTexts = {
	goals: 'Mål',
	confidentiality: 'Det vi snakker om, blir mellom oss.',
	frequency: 'Hver måned',
	ending: 'Evaluering'
};

/** A textarea as TextBinding uses it: its value, and the input event it listens for. */
function textarea() {
	const listeners: Record<string, () => void> = {};
	const element = {
		value: '',
		selectionStart: 0,
		selectionEnd: 0,
		addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
		removeEventListener: () => {},
		setSelectionRange: () => {}
	} as unknown as HTMLTextAreaElement;
	return {
		element,
		type(value: string) {
			element.value = value;
			listeners.input();
		}
	};
}

/** Syncs two devices both ways (what the server does when both are online). */
function exchange(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const sign = (doc: Y.Doc, userId: 'kari' | 'sigrid', at: string): AgreementSignature => {
	const side = userId === 'kari' ? 'mentee' : 'mentor';
	return putSignature(
		doc,
		{
			userId,
			name: pair[side].name,
			side,
			signedAt: at,
			fingerprint: agreementFingerprint(readAgreement(doc).texts)
		},
		ME
	);
};

describe('pair document', () => {
	const docs: Y.Doc[] = [];
	afterEach(() => docs.splice(0).forEach((d) => d.destroy()));
	const doc = () => {
		const d = new Y.Doc();
		docs.push(d);
		return d;
	};

	it('an empty document: four empty texts, no signatures, no evaluations', () => {
		const d = doc();
		const agreement = readAgreement(d);
		expect(agreement.texts).toEqual({ goals: '', confidentiality: '', frequency: '', ending: '' });
		expect(agreement.signatures.size).toBe(0);
		expect(readEvaluation(d, 'kari')).toEqual({
			evaluation: null,
			texts: { worked: '', learned: '', different: '' },
			skipped: false
		});
	});

	it('edits of one text on two devices offline merge: both people’s words are kept', () => {
		const kari = doc();
		const sigrid = doc();
		const field = textarea();
		bindAgreementText(kari, 'goals', field.element, ME);
		field.type('Bli tryggere.');
		exchange(kari, sigrid);
		// Offline, each adds to the same text.
		field.type('Bli tryggere. Kari vil lede endring.');
		const other = textarea();
		bindAgreementText(sigrid, 'goals', other.element, ME);
		other.type('Sigrid: Bli tryggere.');
		exchange(kari, sigrid);
		const goals = readAgreement(kari).texts.goals;
		expect(goals).toBe(readAgreement(sigrid).texts.goals);
		expect(goals).toContain('Kari vil lede endring.');
		expect(goals).toContain('Sigrid: ');
	});

	it('two signatures made offline both stay; each covers the texts it signed', () => {
		const kari = doc();
		const sigrid = doc();
		fillAgreementTexts(kari, suggestions, ME);
		exchange(kari, sigrid);
		const kariSigned = sign(kari, 'kari', '2026-11-22T10:00:00.000Z');
		const sigridSigned = sign(sigrid, 'sigrid', '2026-11-22T10:05:00.000Z');
		exchange(kari, sigrid);
		for (const d of [kari, sigrid]) {
			const agreement = readAgreement(d);
			const signatures = signaturesOf(pair, agreement.signatures);
			expect(signatures).toEqual({ mentee: kariSigned, mentor: sigridSigned });
			expect(signatureStates({ texts: agreement.texts, signatures })).toEqual({
				mentor: 'signed',
				mentee: 'signed'
			});
		}
	});

	it('an edit made offline after one signed shows that signature as changed on both devices', () => {
		const kari = doc();
		const sigrid = doc();
		fillAgreementTexts(kari, suggestions, ME);
		exchange(kari, sigrid);
		sign(kari, 'kari', '2026-11-22T10:00:00.000Z');
		// Sigrid, offline, changes how often they meet and signs that.
		const field = textarea();
		bindAgreementText(sigrid, 'frequency', field.element, ME);
		field.type('Annenhver uke');
		sign(sigrid, 'sigrid', '2026-11-22T10:05:00.000Z');
		exchange(kari, sigrid);
		const agreement = readAgreement(kari);
		expect(agreement.texts.frequency).toBe('Annenhver uke');
		const states = signatureStates({
			texts: agreement.texts,
			signatures: signaturesOf(pair, agreement.signatures)
		});
		expect(states).toEqual({ mentee: 'changed', mentor: 'signed' });
	});

	it('suggestions fill only empty texts', () => {
		const d = doc();
		const field = textarea();
		bindAgreementText(d, 'goals', field.element, ME);
		field.type('Våre egne mål');
		fillAgreementTexts(d, suggestions, ME);
		expect(readAgreement(d).texts).toEqual({ ...suggestions, goals: 'Våre egne mål' });
	});

	it('suggestions filled in by the page show in a bound textarea (same origin as typing)', () => {
		const d = doc();
		const field = textarea();
		bindAgreementText(d, 'confidentiality', field.element, ME);
		fillAgreementTexts(d, suggestions, ME);
		expect(field.element.value).toBe(suggestions.confidentiality);
		// Typing after it goes on from there.
		field.type(`${suggestions.confidentiality} Også på jobb.`);
		expect(readAgreement(d).texts.confidentiality).toBe(`${suggestions.confidentiality} Også på jobb.`);
	});

	it('a signature filed under someone else’s id is skipped, not trusted', () => {
		const d = doc();
		d.getMap('signatures').set('sigrid', {
			userId: 'kari',
			name: 'Kari Nordmann',
			side: 'mentee',
			signedAt: '2026-11-22T10:00:00.000Z',
			fingerprint: 'x'
		});
		d.getMap('signatures').set('per', { userId: 'per', name: '' });
		const agreement = readAgreement(d);
		expect(agreement.signatures.size).toBe(0);
		expect(agreement.skipped).toEqual(['signatures/sigrid', 'signatures/per']);
	});

	it('each writes their own evaluation; both read both after a sync', () => {
		const kari = doc();
		const sigrid = doc();
		const worked = textarea();
		bindEvaluationText(kari, 'kari', 'worked', worked.element, ME);
		worked.type('Samtalene om personalansvar.');
		putEvaluation(
			kari,
			{
				userId: 'kari',
				name: 'Kari Nordmann',
				side: 'mentee',
				rating: 5,
				submittedAt: '2027-06-01T08:00:00.000Z'
			},
			ME
		);
		const learned = textarea();
		bindEvaluationText(sigrid, 'sigrid', 'learned', learned.element, ME);
		learned.type('Å lytte mer.');
		putEvaluation(
			sigrid,
			{ userId: 'sigrid', name: 'Sigrid Berg', side: 'mentor', rating: 4, submittedAt: null },
			ME
		);
		exchange(kari, sigrid);
		for (const d of [kari, sigrid]) {
			const mentee = readEvaluation(d, 'kari');
			expect(mentee.evaluation?.rating).toBe(5);
			expect(mentee.texts.worked).toBe('Samtalene om personalansvar.');
			const mentor = readEvaluation(d, 'sigrid');
			expect(mentor.evaluation?.submittedAt).toBeNull();
			expect(mentor.texts).toEqual({ worked: '', learned: 'Å lytte mer.', different: '' });
		}
	});

	it('observes the agreement, the signatures and the two evaluations, and stops', () => {
		const d = doc();
		let calls = 0;
		const stop = observePairDoc(d, ['kari', 'sigrid'], () => calls++);
		fillAgreementTexts(d, suggestions, ME);
		sign(d, 'kari', '2026-11-22T10:00:00.000Z');
		d.getText('evaluation:sigrid:different').insert(0, 'Mer tid.');
		expect(calls).toBe(6);
		stop();
		d.getText('agreement:goals').insert(0, 'x');
		expect(calls).toBe(6);
	});
});
