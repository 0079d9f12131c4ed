/**
 * The three-party conversation (trepartssamtale): the participant, their coach and their own
 * manager. The participant prepares an agenda; each party writes in its own section; together
 * they note what they agreed; each signs with name and time. One shared document per
 * conversation, owned by the participant (room `user:<owner>:conversation:<id>`).
 *
 * A signature keeps a fingerprint of what was signed — the agenda, the three sections and the
 * agreed outcomes, the record of the meeting (not its title, time or who takes part) — so the
 * page can say "changed after it was signed" when any of that changes later.
 */
import * as v from 'valibot';
import { fingerprintOf } from './fingerprint';
import { isLocalDateTime } from './zoned-time';

export const PARTY_ROLES = ['participant', 'coach', 'manager'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Who carries out an agreed outcome: one of the parties, or all of them. */
export const OUTCOME_OWNERS = [...PARTY_ROLES, 'all'] as const;
export type OutcomeOwner = (typeof OUTCOME_OWNERS)[number];

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id'));
const Instant = v.pipe(v.number(), v.integer(), v.minValue(0));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(100));
const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('email'), v.maxLength(254));
const LocalDate = v.pipe(
	v.string(),
	v.isoDate('not a date'),
	v.check((d) => isLocalDateTime(`${d}T00:00`), 'not a date')
);
/** The meeting's wall time in Europe/Oslo ("2026-09-03T13:00"), or '' while not set. */
const MeetingTime = v.union([v.literal(''), v.pipe(v.string(), v.check(isLocalDateTime, 'not a date-time'))]);

export const ConversationMetaSchema = v.object({
	title: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(300)),
	meetingAt: v.optional(MeetingTime, ''),
	/** The programme the participant and the coach meet in ('' for none). */
	programmeId: v.optional(v.union([v.literal(''), Id]), ''),
	createdAt: v.optional(Instant, 0)
});
export type ConversationMeta = v.InferOutput<typeof ConversationMetaSchema>;

/** One party: an account (coach, participant) or a person invited by e-mail (the manager). */
export const PartySchema = v.object({
	/** The account's id; '' for a manager who has not opened the conversation yet. */
	userId: v.optional(v.string(), ''),
	name: Name,
	email: v.optional(v.union([v.literal(''), Email]), '')
});
export type Party = v.InferOutput<typeof PartySchema>;

export const AgendaPointSchema = v.object({
	id: Id,
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(500)),
	/** Sort key: points are listed by position (then as they were made). */
	position: v.pipe(v.number(), v.finite()),
	createdAt: v.optional(Instant, 0)
});
export type AgendaPoint = v.InferOutput<typeof AgendaPointSchema>;

export const OutcomeSchema = v.object({
	id: Id,
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(1000)),
	who: v.optional(v.picklist(OUTCOME_OWNERS), 'participant'),
	due: v.optional(v.union([v.literal(''), LocalDate]), ''),
	createdAt: v.optional(Instant, 0)
});
export type Outcome = v.InferOutput<typeof OutcomeSchema>;

export const SignOffSchema = v.object({
	party: v.picklist(PARTY_ROLES),
	userId: v.string(),
	name: Name,
	signedAt: Instant,
	/** `conversationFingerprint` of the content when it was signed. */
	fingerprint: v.pipe(v.string(), v.minLength(1))
});
export type SignOff = v.InferOutput<typeof SignOffSchema>;

/** The forms: a new conversation, an agreed outcome, the manager to invite. */
export const NewConversationSchema = v.pick(ConversationMetaSchema, ['title', 'meetingAt', 'programmeId']);
export type NewConversation = v.InferInput<typeof NewConversationSchema>;
export const NewOutcomeSchema = v.pick(OutcomeSchema, ['text', 'who', 'due']);
export type NewOutcome = v.InferInput<typeof NewOutcomeSchema>;
export const ManagerSchema = v.object({ name: Name, email: Email });

/**
 * The participant's list of their own conversations, a record per conversation in their
 * workspace: it reaches all their devices with the workspace, so the list shows offline before
 * a conversation's own document has come down.
 */
export const ConversationIndexSchema = v.object({
	id: Id,
	title: ConversationMetaSchema.entries.title,
	meetingAt: v.optional(MeetingTime, ''),
	createdAt: v.optional(Instant, 0)
});
export type ConversationIndexEntry = v.InferOutput<typeof ConversationIndexSchema>;

export interface Parties {
	participant: Party | null;
	coach: Party | null;
	manager: Party | null;
}

/** One conversation as the pages read it (see sync/conversation-doc.ts). */
export interface Conversation {
	/** Null until the document has its meta (not yet on this device). */
	meta: ConversationMeta | null;
	parties: Parties;
	/** In order. */
	agenda: AgendaPoint[];
	sections: Record<PartyRole, string>;
	/** In the order they were agreed. */
	outcomes: Outcome[];
	signOffs: Partial<Record<PartyRole, SignOff>>;
}

export const emptyConversation = (): Conversation => ({
	meta: null,
	parties: { participant: null, coach: null, manager: null },
	agenda: [],
	sections: { participant: '', coach: '', manager: '' },
	outcomes: [],
	signOffs: {}
});

/** Agenda points in order: by position, then as they were made. */
export function agendaInOrder<P extends Pick<AgendaPoint, 'position' | 'createdAt' | 'id'>>(
	points: readonly P[]
): P[] {
	return [...points].sort(
		(a, b) => a.position - b.position || a.createdAt - b.createdAt || a.id.localeCompare(b.id)
	);
}

/** The position of a point added at the end. */
export function positionAtEnd(points: readonly Pick<AgendaPoint, 'position'>[]): number {
	return points.reduce((max, p) => Math.max(max, p.position), 0) + 1;
}

/**
 * Moving a point one place up (-1) or down (+1): the two points that trade places, with their new
 * positions (nothing when it is already first or last). Positions are made distinct on the way.
 */
export function moveAgendaPoint(
	agenda: readonly AgendaPoint[],
	id: string,
	direction: -1 | 1
): AgendaPoint[] {
	const ordered = agendaInOrder(agenda);
	const at = ordered.findIndex((p) => p.id === id);
	const other = at + direction;
	if (at < 0 || other < 0 || other >= ordered.length) return [];
	const a = ordered[at];
	const b = ordered[other];
	// Equal positions (two devices added at once) are told apart by their order.
	const [posA, posB] = a.position === b.position ? [at + 1, other + 1] : [a.position, b.position];
	return [
		{ ...a, position: posB },
		{ ...b, position: posA }
	];
}

/** Agreed outcomes in the order they were agreed. */
export function outcomesInOrder<O extends Pick<Outcome, 'createdAt' | 'id'>>(outcomes: readonly O[]): O[] {
	return [...outcomes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

const sameEmail = (a: string, b: string) => a !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whose part is mine: the owner is the participant; the coach and the manager are found by their
 * account id, or by e-mail (the manager's guest account has the e-mail they were invited with).
 */
export function myPart(
	ownerId: string,
	parties: Parties,
	me: { id: string; email: string } | null
): PartyRole | null {
	if (!me) return null;
	if (me.id === ownerId) return 'participant';
	for (const role of ['coach', 'manager'] as const) {
		const party = parties[role];
		if (party && ((party.userId !== '' && party.userId === me.id) || sameEmail(party.email, me.email)))
			return role;
	}
	return null;
}

/**
 * A short, stable fingerprint of what a signature covers: the agenda, the three sections and the
 * agreed outcomes. Whitespace at the ends of a text does not count. Not a cryptographic hash: it
 * tells a change apart, it does not prove anything.
 */
export function conversationFingerprint(c: Pick<Conversation, 'agenda' | 'sections' | 'outcomes'>): string {
	const canonical = JSON.stringify([
		agendaInOrder(c.agenda).map((p) => p.text.trim()),
		PARTY_ROLES.map((role) => c.sections[role].replace(/\r\n?/g, '\n').trim()),
		outcomesInOrder(c.outcomes).map((o) => [o.text.trim(), o.who, o.due])
	]);
	return fingerprintOf(canonical);
}

export type SignatureState = 'unsigned' | 'signed' | 'changed';

/** Whether a signature still covers the content as it is now. */
export function changedSinceSigned(signOff: Pick<SignOff, 'fingerprint'>, fingerprint: string): boolean {
	return signOff.fingerprint !== fingerprint;
}

/** Each party's signature: none, still valid, or made before the content changed. */
export function signatureStates(c: Conversation): Record<PartyRole, SignatureState> {
	const now = conversationFingerprint(c);
	const state = (role: PartyRole): SignatureState => {
		const signOff = c.signOffs[role];
		if (!signOff) return 'unsigned';
		return changedSinceSigned(signOff, now) ? 'changed' : 'signed';
	};
	return { participant: state('participant'), coach: state('coach'), manager: state('manager') };
}

/** All three have signed the content as it is now. */
export function allSigned(c: Conversation): boolean {
	const states = signatureStates(c);
	return PARTY_ROLES.every((role) => states[role] === 'signed');
}

/** How many of the three have signed the content as it is now. */
export function signedCount(c: Conversation): number {
	const states = signatureStates(c);
	return PARTY_ROLES.filter((role) => states[role] === 'signed').length;
}

/** The participant's conversations: the next meeting first, then those without a time, then past ones. */
export function conversationsInOrder<
	E extends Pick<ConversationIndexEntry, 'meetingAt' | 'createdAt' | 'id'>
>(entries: readonly E[], nowLocal: string): E[] {
	const rank = (e: E) => (e.meetingAt === '' ? 1 : e.meetingAt >= nowLocal ? 0 : 2);
	return [...entries].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(rank(a) === 2 ? b.meetingAt.localeCompare(a.meetingAt) : a.meetingAt.localeCompare(b.meetingAt)) ||
			b.createdAt - a.createdAt ||
			a.id.localeCompare(b.id)
	);
}
