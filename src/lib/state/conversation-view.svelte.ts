/**
 * One three-party conversation as its page uses it: the document, read live (here, in another
 * tab, from the other parties), whose part is mine, and the verbs. Everything is written to the
 * device at once and synced when there is a connection, for all three parties.
 *
 * Who may change what is decided here, in the app: the participant keeps the agenda and the
 * details, each party writes only its own section and signs only its own part, any party records
 * agreed outcomes. The server authorises the room as a whole (the owner, and those it is shared
 * with for writing); it cannot tell one section from another.
 */
import * as v from 'valibot';
import {
	allSigned,
	conversationFingerprint,
	emptyConversation,
	moveAgendaPoint,
	myPart,
	NewOutcomeSchema,
	positionAtEnd,
	signatureStates,
	type AgendaPoint,
	type Conversation,
	type ConversationMeta,
	type NewOutcome,
	type Outcome,
	type Party,
	type PartyRole
} from '$domain/conversation';
import { conversationRoom } from '$domain/sharing';
import {
	bindSection,
	observeConversation,
	putAgendaPoint,
	putAgendaPoints,
	putOutcome,
	putSignOff,
	readConversation,
	removeAgendaPoint,
	removeOutcome,
	setParty,
	updateMeta
} from '$sync/conversation-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { app } from './app.svelte';
import { keepInIndex } from './conversations.svelte';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';
import { newRecordId } from './records.svelte';

export class ConversationView {
	readonly room: string;
	#conversation = $state.raw<Conversation>(emptyConversation());
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#stop: (() => void) | null = null;

	constructor(
		readonly ownerId: string,
		readonly id: string
	) {
		this.room = conversationRoom(ownerId, id);
	}

	get conversation(): Conversation {
		return this.#conversation;
	}
	/** The document has been read from this device. */
	get loaded() {
		return this.#loaded;
	}
	/** The conversation is on this device (created here, or come down from the server). */
	get exists(): boolean {
		return this.#conversation.meta !== null;
	}
	/** 'removed': the server refused this account the conversation (its copy here is deleted). */
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	/** The server's copy has been received during this visit. */
	get everSynced(): boolean {
		return this.#opened?.shared.everSynced ?? false;
	}
	/** Changes made here that the server has not confirmed yet. */
	get unacknowledged(): number {
		return this.#opened?.shared.unacknowledged ?? 0;
	}
	get isOwner(): boolean {
		return app.user?.id === this.ownerId && !app.isGuest;
	}
	/** The part the signed-in account takes, or null when it takes none. */
	get mine(): PartyRole | null {
		return myPart(this.ownerId, this.#conversation.parties, app.user);
	}
	/** May write at all (the server has not refused a write). */
	get writable(): boolean {
		return this.access === 'open' && this.mine !== null;
	}
	get signatures() {
		return signatureStates(this.#conversation);
	}
	get allSigned(): boolean {
		return allSigned(this.#conversation);
	}

	async open(): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		await opened.opened;
		if (this.#opened !== opened || opened.shared.access === 'removed') return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			if (this.#opened?.shared.access === 'removed') return;
			const { conversation, skipped } = readConversation(doc);
			if (skipped.length) console.warn('Skipped conversation entries that did not validate', skipped);
			this.#conversation = conversation;
			if (this.isOwner && conversation.meta) keepInIndex(this.id, conversation.meta);
		};
		read();
		this.#loaded = true;
		this.#stop = observeConversation(doc, read);
	}

	destroy(): void {
		this.#stop?.();
		this.#stop = null;
		if (this.#opened) releaseRoom(this.room);
		this.#opened = null;
	}

	/** A Svelte action: binds a textarea to my own section (and to no other). */
	bindMySection = (element: HTMLTextAreaElement) => {
		const role = this.mine;
		const doc = this.#doc();
		if (!role || !doc) return {};
		const binding = bindSection(doc, role, element, LOCAL_ORIGIN);
		return { destroy: () => binding.destroy() };
	};

	/** The participant changes the title, the time or the programme. Throws a ValiError when invalid. */
	updateMeta(
		patch: Partial<Pick<ConversationMeta, 'title' | 'meetingAt' | 'programmeId'>>
	): ConversationMeta {
		return updateMeta(this.#write('participant'), patch, LOCAL_ORIGIN);
	}

	addAgendaPoint(text: string, now = Date.now()): AgendaPoint {
		const doc = this.#write('participant');
		const point = {
			id: newRecordId(),
			text,
			position: positionAtEnd(this.#conversation.agenda),
			createdAt: now
		};
		return putAgendaPoint(doc, point, LOCAL_ORIGIN);
	}

	saveAgendaPoint(point: AgendaPoint): AgendaPoint {
		return putAgendaPoint(this.#write('participant'), point, LOCAL_ORIGIN);
	}

	moveAgendaPoint(id: string, direction: -1 | 1): void {
		const moved = moveAgendaPoint(this.#conversation.agenda, id, direction);
		if (moved.length) putAgendaPoints(this.#write('participant'), moved, LOCAL_ORIGIN);
	}

	/** Removes a point; returns it for undo. */
	removeAgendaPoint(id: string): AgendaPoint | null {
		const point = this.#conversation.agenda.find((p) => p.id === id) ?? null;
		removeAgendaPoint(this.#write('participant'), id, LOCAL_ORIGIN);
		return point;
	}

	/** Any party records what was agreed. Throws a ValiError when invalid. */
	addOutcome(input: NewOutcome, now = Date.now()): Outcome {
		const parsed = v.parse(NewOutcomeSchema, input);
		return putOutcome(this.#write(), { id: newRecordId(), ...parsed, createdAt: now }, LOCAL_ORIGIN);
	}

	saveOutcome(outcome: Outcome): Outcome {
		return putOutcome(this.#write(), outcome, LOCAL_ORIGIN);
	}

	removeOutcome(id: string): Outcome | null {
		const outcome = this.#conversation.outcomes.find((o) => o.id === id) ?? null;
		removeOutcome(this.#write(), id, LOCAL_ORIGIN);
		return outcome;
	}

	/** Signs my part with my name, the time, and a fingerprint of what I signed. */
	sign(now = Date.now()): void {
		const role = this.mine;
		const user = app.user;
		if (!role || !user) throw new Error('Only the parties sign');
		putSignOff(
			this.#write(role),
			{
				party: role,
				userId: user.id,
				name: user.name,
				signedAt: now,
				fingerprint: conversationFingerprint(this.#conversation)
			},
			LOCAL_ORIGIN
		);
	}

	/** The participant names who takes the coach's or the manager's part (null: nobody). */
	setParty(role: 'coach' | 'manager', party: Party | null): void {
		setParty(this.#write('participant'), role, party, LOCAL_ORIGIN);
	}

	#doc() {
		const shared = this.#opened?.shared;
		return shared && shared.access !== 'removed' && this.#loaded ? shared.doc.doc : null;
	}

	/** The document, if this account may make this change (the page offers only those). */
	#write(role?: PartyRole) {
		const doc = this.#doc();
		const mine = this.mine;
		if (!doc || !mine || (role && mine !== role)) throw new Error('Not yours to change');
		return doc;
	}
}
