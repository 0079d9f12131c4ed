/**
 * The document of a three-party conversation (room `user:<owner>:conversation:<id>`).
 *
 * Shape (stable: the three parties' devices read it):
 *   meta: Y.Map { title, meetingAt, programmeId, createdAt }   one key per field (last writer wins each)
 *   parties: Y.Map { participant | coach | manager: plain { userId, name, email } }
 *   agenda: Y.Map<pointId, plain AgendaPoint>                   ordered by `position`
 *   outcomes: Y.Map<outcomeId, plain Outcome>
 *   signoffs: Y.Map<party, plain SignOff>                       each party writes only its own key
 *   section:participant | section:coach | section:manager: Y.Text, top-level, so two devices that
 *     each start a section offline merge their text instead of one replacing the other
 * Everything is parsed with the domain schemas on the way out; an invalid entry (from an older or
 * newer app) is skipped and reported, never fatal.
 */
import * as v from 'valibot';
import type * as Y from 'yjs';
import {
	AgendaPointSchema,
	agendaInOrder,
	ConversationMetaSchema,
	emptyConversation,
	OutcomeSchema,
	outcomesInOrder,
	PARTY_ROLES,
	PartySchema,
	SignOffSchema,
	type AgendaPoint,
	type Conversation,
	type ConversationMeta,
	type Outcome,
	type Party,
	type PartyRole,
	type SignOff
} from '$domain/conversation';
import { observeMaps, putMapItem, readMapItems, removeMapItem } from './item-maps';
import { TextBinding } from './text-binding';

const MAPS = ['meta', 'parties', 'agenda', 'outcomes', 'signoffs'] as const;
const sectionName = (role: PartyRole) => `section:${role}`;

export interface ConversationRead {
	conversation: Conversation;
	/** Entries that did not pass the schema, as "collection/id". */
	skipped: string[];
}

export function readConversation(doc: Y.Doc): ConversationRead {
	const skipped: string[] = [];
	const conversation = emptyConversation();

	const metaMap = doc.getMap<unknown>('meta');
	if (metaMap.size > 0) {
		const meta = v.safeParse(ConversationMetaSchema, Object.fromEntries(metaMap.entries()));
		if (meta.success) conversation.meta = meta.output;
		else skipped.push('meta');
	}

	const parties = doc.getMap<unknown>('parties');
	for (const role of PARTY_ROLES) {
		const raw = parties.get(role);
		if (raw === undefined || raw === null) continue;
		const party = v.safeParse(PartySchema, raw);
		if (party.success) conversation.parties[role] = party.output;
		else skipped.push(`parties/${role}`);
	}

	const agenda = readMapItems(doc, 'agenda', AgendaPointSchema);
	conversation.agenda = agendaInOrder(agenda.items);
	skipped.push(...agenda.skipped.map((id) => `agenda/${id}`));

	const outcomes = readMapItems(doc, 'outcomes', OutcomeSchema);
	conversation.outcomes = outcomesInOrder(outcomes.items);
	skipped.push(...outcomes.skipped.map((id) => `outcomes/${id}`));

	const signoffs = doc.getMap<unknown>('signoffs');
	for (const role of PARTY_ROLES) {
		const raw = signoffs.get(role);
		if (raw === undefined) continue;
		const signOff = v.safeParse(SignOffSchema, raw);
		// A signature filed under another party's key is not that party's.
		if (signOff.success && signOff.output.party === role) conversation.signOffs[role] = signOff.output;
		else skipped.push(`signoffs/${role}`);
	}

	for (const role of PARTY_ROLES) conversation.sections[role] = doc.getText(sectionName(role)).toString();
	return { conversation, skipped };
}

/** A new conversation: its meta and the participant (the owner), in one change. */
export function initConversation(
	doc: Y.Doc,
	input: { meta: ConversationMeta; participant: Party },
	origin: unknown
): void {
	const meta = v.parse(ConversationMetaSchema, input.meta);
	const participant = v.parse(PartySchema, input.participant);
	doc.transact(() => {
		const map = doc.getMap<unknown>('meta');
		for (const [key, value] of Object.entries(meta)) map.set(key, value);
		doc.getMap<unknown>('parties').set('participant', { ...participant });
	}, origin);
}

/** Changes some fields of the meta (validated as a whole first). */
export function updateMeta(
	doc: Y.Doc,
	patch: Partial<Pick<ConversationMeta, 'title' | 'meetingAt' | 'programmeId'>>,
	origin: unknown
): ConversationMeta {
	const map = doc.getMap<unknown>('meta');
	const next = v.parse(ConversationMetaSchema, { ...Object.fromEntries(map.entries()), ...patch });
	doc.transact(() => {
		for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
			if (map.get(key) !== next[key]) map.set(key, next[key]);
		}
	}, origin);
	return next;
}

/** Sets (or with null removes) who takes one part. */
export function setParty(doc: Y.Doc, role: PartyRole, party: Party | null, origin: unknown): void {
	const value = party ? { ...v.parse(PartySchema, party) } : null;
	doc.transact(() => {
		const map = doc.getMap<unknown>('parties');
		if (value) map.set(role, value);
		else map.delete(role);
	}, origin);
}

export function putAgendaPoint(doc: Y.Doc, point: unknown, origin: unknown): AgendaPoint {
	return putMapItem(doc, 'agenda', AgendaPointSchema, point, origin);
}

/** Saves several points in one change (a move swaps two). */
export function putAgendaPoints(doc: Y.Doc, points: readonly unknown[], origin: unknown): void {
	const parsed = points.map((p) => v.parse(AgendaPointSchema, p));
	doc.transact(() => {
		for (const point of parsed) doc.getMap<unknown>('agenda').set(point.id, point);
	}, origin);
}

export function removeAgendaPoint(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, 'agenda', id, origin);
}

export function putOutcome(doc: Y.Doc, outcome: unknown, origin: unknown): Outcome {
	return putMapItem(doc, 'outcomes', OutcomeSchema, outcome, origin);
}

export function removeOutcome(doc: Y.Doc, id: string, origin: unknown): void {
	removeMapItem(doc, 'outcomes', id, origin);
}

export function putSignOff(doc: Y.Doc, signOff: SignOff, origin: unknown): SignOff {
	const parsed = v.parse(SignOffSchema, signOff);
	doc.transact(() => doc.getMap<unknown>('signoffs').set(parsed.party, { ...parsed }), origin);
	return parsed;
}

/** Binds a textarea to one party's section (the page binds only the reader's own). */
export function bindSection(
	doc: Y.Doc,
	role: PartyRole,
	element: HTMLTextAreaElement,
	origin: unknown
): TextBinding {
	return new TextBinding(doc.getText(sectionName(role)), element, origin);
}

/** Calls back after any change to the conversation (here, in another tab, or from the server). */
export function observeConversation(doc: Y.Doc, callback: () => void): () => void {
	const stopMaps = observeMaps(doc, MAPS, callback);
	const texts = PARTY_ROLES.map((role) => doc.getText(sectionName(role)));
	const handler = () => callback();
	for (const text of texts) text.observe(handler);
	return () => {
		stopMaps();
		for (const text of texts) text.unobserve(handler);
	};
}
