import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	agendaInOrder,
	allSigned,
	changedSinceSigned,
	ConversationMetaSchema,
	conversationFingerprint,
	conversationsInOrder,
	emptyConversation,
	ManagerSchema,
	moveAgendaPoint,
	myPart,
	NewOutcomeSchema,
	OutcomeSchema,
	positionAtEnd,
	signatureStates,
	signedCount,
	type AgendaPoint,
	type Conversation,
	type PartyRole
} from '$domain/conversation';

const point = (id: string, position: number, createdAt = 0): AgendaPoint => ({
	id,
	text: `Punkt ${id}`,
	position,
	createdAt
});

function conversation(): Conversation {
	return {
		...emptyConversation(),
		meta: { title: 'Trepartssamtale', meetingAt: '2026-09-03T13:00', programmeId: '', createdAt: 1 },
		parties: {
			participant: { userId: 'kari', name: 'Kari Nordmann', email: 'kari@bibliotek.no' },
			coach: { userId: 'vera', name: 'Vera Veileder', email: 'vera@demo.no' },
			manager: { userId: '', name: 'Lars Leder', email: 'lars@kommune.no' }
		},
		agenda: [point('a', 1), point('b', 2)],
		sections: { participant: 'Mine mål', coach: 'Observasjoner', manager: 'Lederens syn' },
		outcomes: [{ id: 'o1', text: 'Workshop i januar', who: 'participant', due: '2027-01-15', createdAt: 5 }]
	};
}

const sign = (c: Conversation, party: PartyRole, fingerprint = conversationFingerprint(c)) => {
	c.signOffs[party] = { party, userId: party, name: party, signedAt: 10, fingerprint };
};

describe('three-party conversation: schemas', () => {
	it('accepts a meeting time in Oslo wall time, or none; refuses a date that does not exist', () => {
		expect(v.parse(ConversationMetaSchema, { title: ' Samtale ' })).toEqual({
			title: 'Samtale',
			meetingAt: '',
			programmeId: '',
			createdAt: 0
		});
		expect(v.safeParse(ConversationMetaSchema, { title: 'S', meetingAt: '2026-02-30T10:00' }).success).toBe(
			false
		);
		expect(v.safeParse(ConversationMetaSchema, { title: '', meetingAt: '' }).success).toBe(false);
	});

	it('an outcome needs text; who defaults to the participant; a due date is optional but real', () => {
		expect(v.parse(OutcomeSchema, { id: 'x', text: ' Les Kotter ' })).toMatchObject({
			text: 'Les Kotter',
			who: 'participant',
			due: ''
		});
		expect(v.safeParse(NewOutcomeSchema, { text: '  ', who: 'all', due: '' }).success).toBe(false);
		expect(v.safeParse(NewOutcomeSchema, { text: 'x', who: 'boss', due: '' }).success).toBe(false);
		expect(v.safeParse(NewOutcomeSchema, { text: 'x', who: 'all', due: '2026-13-01' }).success).toBe(false);
	});

	it('the manager is invited with a name and an e-mail, kept in lower case', () => {
		expect(v.parse(ManagerSchema, { name: 'Lars', email: ' Lars@Kommune.NO ' }).email).toBe(
			'lars@kommune.no'
		);
		expect(v.safeParse(ManagerSchema, { name: 'Lars', email: 'lars' }).success).toBe(false);
	});
});

describe('three-party conversation: whose part is mine', () => {
	const { parties } = conversation();

	it('the owner is the participant', () => {
		expect(myPart('kari', parties, { id: 'kari', email: 'kari@bibliotek.no' })).toBe('participant');
	});

	it('the coach by account id, the manager by e-mail (any case) until their id is known', () => {
		expect(myPart('kari', parties, { id: 'vera', email: 'other@demo.no' })).toBe('coach');
		expect(myPart('kari', parties, { id: 'guest1', email: 'LARS@kommune.no' })).toBe('manager');
		expect(
			myPart(
				'kari',
				{ ...parties, manager: { userId: 'guest1', name: 'Lars', email: '' } },
				{ id: 'guest1', email: 'x@y.no' }
			)
		).toBe('manager');
	});

	it('anyone else takes no part; an empty e-mail matches nobody', () => {
		expect(myPart('kari', parties, { id: 'mentor', email: 'mentor@demo.no' })).toBeNull();
		expect(myPart('kari', parties, null)).toBeNull();
		expect(
			myPart('kari', { ...parties, manager: { userId: '', name: 'Lars', email: '' } }, { id: 'x', email: '' })
		).toBeNull();
	});
});

describe('three-party conversation: signatures', () => {
	it('nobody has signed a new conversation', () => {
		const c = conversation();
		expect(signatureStates(c)).toEqual({ participant: 'unsigned', coach: 'unsigned', manager: 'unsigned' });
		expect(allSigned(c)).toBe(false);
		expect(signedCount(c)).toBe(0);
	});

	it('all three signed the same content', () => {
		const c = conversation();
		for (const party of ['participant', 'coach', 'manager'] as const) sign(c, party);
		expect(allSigned(c)).toBe(true);
		expect(signedCount(c)).toBe(3);
	});

	it('a change to a section, the agenda or an outcome after signing shows on every earlier signature', () => {
		for (const change of [
			(c: Conversation) => (c.sections.coach += ' og mer'),
			(c: Conversation) => (c.agenda = [...c.agenda, point('c', 3)]),
			(c: Conversation) => (c.outcomes = [{ ...c.outcomes[0], due: '2027-02-01' }]),
			(c: Conversation) => (c.outcomes = [{ ...c.outcomes[0], who: 'manager' }])
		]) {
			const c = conversation();
			sign(c, 'participant');
			sign(c, 'coach');
			change(c);
			sign(c, 'manager');
			expect(signatureStates(c)).toEqual({ participant: 'changed', coach: 'changed', manager: 'signed' });
			expect(allSigned(c)).toBe(false);
			expect(signedCount(c)).toBe(1);
		}
	});

	it('the title, the time, who takes part and whitespace at the ends do not count as changes', () => {
		const c = conversation();
		const before = conversationFingerprint(c);
		c.meta = { ...c.meta!, title: 'Ny tittel', meetingAt: '2026-10-01T10:00' };
		c.parties.manager = { ...c.parties.manager!, userId: 'guest1' };
		c.sections.participant = '  Mine mål\r\n';
		expect(conversationFingerprint(c)).toBe(before);
		expect(changedSinceSigned({ fingerprint: before }, conversationFingerprint(c))).toBe(false);
	});

	it('fingerprints tell the parts apart (the same text moved to another section is a change)', () => {
		const a = conversation();
		const b = conversation();
		b.sections = {
			participant: a.sections.coach,
			coach: a.sections.participant,
			manager: a.sections.manager
		};
		expect(conversationFingerprint(a)).not.toBe(conversationFingerprint(b));
		expect(conversationFingerprint(emptyConversation())).toMatch(/^[0-9a-z]+$/);
	});
});

describe('three-party conversation: agenda order', () => {
	it('by position, then as made; a new point goes last', () => {
		const points = [point('c', 2, 3), point('a', 1), point('b', 2, 1)];
		expect(agendaInOrder(points).map((p) => p.id)).toEqual(['a', 'b', 'c']);
		expect(positionAtEnd(points)).toBe(3);
		expect(positionAtEnd([])).toBe(1);
	});

	it('moving swaps a point with its neighbour; nothing past the ends', () => {
		const agenda = [point('a', 1), point('b', 2), point('c', 3)];
		const moved = moveAgendaPoint(agenda, 'c', -1);
		expect(moved.map((p) => [p.id, p.position])).toEqual([
			['c', 2],
			['b', 3]
		]);
		const after = agenda.map((p) => moved.find((m) => m.id === p.id) ?? p);
		expect(agendaInOrder(after).map((p) => p.id)).toEqual(['a', 'c', 'b']);
		expect(moveAgendaPoint(agenda, 'a', -1)).toEqual([]);
		expect(moveAgendaPoint(agenda, 'c', 1)).toEqual([]);
		expect(moveAgendaPoint(agenda, 'nope', 1)).toEqual([]);
	});

	it('two points added at once on two devices (same position) can still be moved apart', () => {
		const agenda = [point('a', 1, 1), point('b', 1, 2)];
		const moved = moveAgendaPoint(agenda, 'b', -1);
		const after = agenda.map((p) => moved.find((m) => m.id === p.id) ?? p);
		expect(agendaInOrder(after).map((p) => p.id)).toEqual(['b', 'a']);
	});
});

describe('three-party conversation: my list', () => {
	it('upcoming meetings first (soonest first), then those without a time, then past ones (latest first)', () => {
		const entries = [
			{ id: 'past1', meetingAt: '2026-01-10T10:00', createdAt: 1 },
			{ id: 'none', meetingAt: '', createdAt: 2 },
			{ id: 'soon', meetingAt: '2026-06-01T09:00', createdAt: 3 },
			{ id: 'later', meetingAt: '2026-09-01T09:00', createdAt: 4 },
			{ id: 'past2', meetingAt: '2026-03-10T10:00', createdAt: 5 }
		];
		expect(conversationsInOrder(entries, '2026-05-01T12:00').map((e) => e.id)).toEqual([
			'soon',
			'later',
			'none',
			'past2',
			'past1'
		]);
	});
});
