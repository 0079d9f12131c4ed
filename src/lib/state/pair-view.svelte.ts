/**
 * One mentor pair as its pages use it (`/pairs/[id]` and below, through pair-context.ts): who the
 * two are and which side I am, the agreement and the evaluation read live, and the verbs. The
 * document is on the device (the keeper holds an active pair's room while signed in), so it works
 * offline; it syncs with `pair:<id>` when there is a connection.
 *
 * A pair that is not in my list is never opened: the server says whether it exists, and a
 * coordinator or anyone else is shown that only the two open it (the server refuses the room too).
 * An ended pair is read-only: the server refuses its room, and the copy here stays.
 *
 * That each writes only their own evaluation and signs only for themselves is decided here, in the
 * app; the server authorises the room as a whole.
 */
import { pairsApi } from '$lib/api/pairs';
import {
	agreementFingerprint,
	bothSigned,
	canSubmit,
	emptyEvaluationTexts,
	emptyTexts,
	signatureStates,
	signaturesOf,
	withSuggestions,
	type Agreement,
	type AgreementField,
	type AgreementTexts,
	type Evaluation,
	type EvaluationField,
	type PairSide,
	type SideEvaluation
} from '$domain/pair-agreement';
import { mySide, otherOf, pairRoom, type Pair, type PairPerson } from '$domain/pair';
import {
	bindAgreementText,
	bindEvaluationText,
	fillAgreementTexts,
	observePairDoc,
	putEvaluation,
	putSignature,
	readAgreement,
	readEvaluation,
	type AgreementRead
} from '$sync/pair-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { myPairs } from './pairs.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess, SharedRoom } from './shared-room.svelte';

/**
 * 'loading'; 'open': mine, on the device; 'not-here': not on this device and no connection to ask;
 * 'refused': not one of the two (a coordinator, anyone else); 'not-found': no such pair.
 */
export type PairStatus = 'loading' | 'open' | 'not-here' | 'refused' | 'not-found';

const isoAt = (ms: number) => new Date(ms).toISOString();

const noEvaluation = (): SideEvaluation => ({ evaluation: null, texts: emptyEvaluationTexts() });

export class PairView {
	readonly room: string;
	#status = $state<PairStatus>('loading');
	#opened = $state.raw<PooledRoom | null>(null);
	#loaded = $state(false);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every read, never changed
	#agreement = $state.raw<AgreementRead>({ texts: emptyTexts(), signatures: new Map(), skipped: [] });
	#evaluations = $state.raw<Record<PairSide, SideEvaluation>>({
		mentor: noEvaluation(),
		mentee: noEvaluation()
	});
	#stop: (() => void) | null = null;
	#destroyed = false;

	constructor(readonly id: string) {
		this.room = pairRoom(id);
	}

	get status() {
		return this.#status;
	}
	/** What the server last said of the pair (the two, the scheme, when it ended), from the device. */
	get pair(): Pair | null {
		return myPairs.find(this.id);
	}
	/** The document has been read from this device. */
	get loaded() {
		return this.#loaded;
	}
	/** My side of the pair (null: I am not one of the two). */
	get mySide(): PairSide | null {
		const pair = this.pair;
		const me = app.user;
		return pair && me ? mySide(pair, me.id) : null;
	}
	/** The other one of the two. */
	get other(): PairPerson | null {
		const pair = this.pair;
		const me = app.user;
		return pair && me && this.mySide ? otherOf(pair, me.id) : null;
	}
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	/** The room as it is held here (the meeting log builds on it), null until open. */
	get shared(): SharedRoom | null {
		return this.#opened?.shared ?? null;
	}
	/** The coordinator ended the pair (or the server refuses its room: it ended, we learn when). */
	get ended(): boolean {
		return (this.pair?.endedAt ?? null) !== null || this.access === 'removed';
	}
	get endedAt(): string | null {
		return this.pair?.endedAt ?? null;
	}
	/** I may change the pair's document now. */
	get writable(): boolean {
		return this.#status === 'open' && this.#loaded && !this.ended && this.mySide !== null;
	}

	get agreement(): Agreement {
		const pair = this.pair;
		return {
			texts: this.#agreement.texts,
			signatures: pair ? signaturesOf(pair, this.#agreement.signatures) : {}
		};
	}
	get signatureStates() {
		return signatureStates(this.agreement);
	}
	get bothSigned(): boolean {
		return bothSigned(this.agreement);
	}
	/** Each side's evaluation as the document holds it (the other's is shown once submitted). */
	evaluation(side: PairSide): SideEvaluation {
		return this.#evaluations[side];
	}

	async open(): Promise<void> {
		if (!myPairs.loaded || !myPairs.find(this.id)) await myPairs.load();
		if (this.#destroyed) return;
		const me = app.user;
		const pair = myPairs.find(this.id);
		if (pair && me && mySide(pair, me.id)) return this.#openRoom(pair);
		// Not in my list: ask the server whether it exists and whether it is mine.
		const token = app.token;
		if (!token || !me || !navigator.onLine) return void (this.#status = 'not-here');
		const result = await pairsApi.pair(this.id, token);
		if (this.#destroyed) return;
		if (!result.ok) {
			this.#status = result.kind === 'offline' ? 'not-here' : result.status === 404 ? 'not-found' : 'refused';
			return;
		}
		if (!mySide(result.value.pair, me.id)) return void (this.#status = 'refused');
		// Mine, but the list had not heard of it yet.
		await myPairs.load();
		if (this.#destroyed) return;
		const known = myPairs.find(this.id);
		if (known) await this.#openRoom(known);
		else this.#status = 'not-here';
	}

	destroy(): void {
		this.#destroyed = true;
		this.#stop?.();
		this.#stop = null;
		if (this.#opened) releaseRoom(this.room);
		this.#opened = null;
	}

	async #openRoom(pair: Pair): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		this.#status = 'open';
		void myPairs.markSeen(this.id);
		await opened.opened;
		if (this.#opened !== opened) return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			const agreement = readAgreement(doc);
			const mentor = readEvaluation(doc, pair.mentor.userId);
			const mentee = readEvaluation(doc, pair.mentee.userId);
			const skipped = [...agreement.skipped, ...(mentor.skipped || mentee.skipped ? ['evaluations'] : [])];
			if (skipped.length) console.warn('Skipped pair entries that did not validate', skipped);
			this.#agreement = agreement;
			this.#evaluations = { mentor, mentee };
		};
		read();
		this.#loaded = true;
		this.#stop = observePairDoc(doc, [pair.mentor.userId, pair.mentee.userId], read);
	}

	/** A Svelte action: binds an input or a textarea to one of the agreement's texts. */
	bindAgreement = (element: HTMLInputElement | HTMLTextAreaElement, field: AgreementField) => {
		const doc = this.#doc();
		if (!doc) return {};
		const binding = bindAgreementText(doc, field, element, LOCAL_ORIGIN);
		return { destroy: () => binding.destroy() };
	};

	/** Fills the texts still empty with the suggested ones. */
	useSuggestions(suggestions: AgreementTexts): void {
		fillAgreementTexts(this.#write().doc, withSuggestions(this.#agreement.texts, suggestions), LOCAL_ORIGIN);
	}

	/** Signs the agreement as it reads now, with my name and the time. */
	sign(now = Date.now()): void {
		const { doc, side, user } = this.#write();
		putSignature(
			doc,
			{
				userId: user.id,
				name: user.name,
				side,
				signedAt: isoAt(now),
				fingerprint: agreementFingerprint(this.#agreement.texts)
			},
			LOCAL_ORIGIN
		);
	}

	/** A Svelte action: binds a textarea to one of my own evaluation's answers (never the other's). */
	bindMyEvaluation = (element: HTMLTextAreaElement, field: EvaluationField) => {
		const doc = this.#doc();
		const me = app.user;
		if (!doc || !me || !this.mySide) return {};
		const binding = bindEvaluationText(doc, me.id, field, element, LOCAL_ORIGIN);
		return { destroy: () => binding.destroy() };
	};

	/** How useful the year was, 1–5. */
	rate(rating: number): void {
		this.#saveMine({ rating });
	}

	/** Submits my evaluation (at least one answer). */
	submitEvaluation(now = Date.now()): void {
		const side = this.#write().side;
		if (!canSubmit(this.#evaluations[side])) throw new Error('Nothing to submit');
		this.#saveMine({ submittedAt: isoAt(now) });
	}

	/** Takes my evaluation back to change it (the other one no longer sees it until I submit again). */
	reopenEvaluation(): void {
		this.#saveMine({ submittedAt: null });
	}

	#saveMine(patch: Partial<Pick<Evaluation, 'rating' | 'submittedAt'>>): void {
		const { doc, side, user } = this.#write();
		const current = this.#evaluations[side].evaluation;
		putEvaluation(
			doc,
			{
				userId: user.id,
				name: user.name,
				side,
				rating: current?.rating ?? null,
				submittedAt: current?.submittedAt ?? null,
				...patch
			},
			LOCAL_ORIGIN
		);
	}

	#doc() {
		const shared = this.#opened?.shared;
		return shared && this.writable ? shared.doc.doc : null;
	}

	/** The document, if I may change it now (the pages offer only that). */
	#write() {
		const doc = this.#doc();
		const side = this.mySide;
		const user = app.user;
		if (!doc || !side || !user) throw new Error('Not yours to change');
		return { doc, side, user };
	}
}
