import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { conversationFingerprint } from '$domain/conversation';
import {
	bindSection,
	initConversation,
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

const ME = Symbol('me');
const kari = { userId: 'kari', name: 'Kari Nordmann', email: 'kari@bibliotek.no' };

/** Two devices that exchange every update, like two parties through the server. */
function connect(a: Y.Doc, b: Y.Doc) {
	a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a));
	b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b));
}

describe('conversation document', () => {
	const docs: Y.Doc[] = [];
	afterEach(() => docs.splice(0).forEach((d) => d.destroy()));
	const doc = () => {
		const d = new Y.Doc();
		docs.push(d);
		return d;
	};
	const created = () => {
		const d = doc();
		initConversation(
			d,
			{
				meta: { title: ' Trepartssamtale ', meetingAt: '2026-09-03T13:00', programmeId: '', createdAt: 7 },
				participant: kari
			},
			ME
		);
		return d;
	};

	it('an empty document has no meta and nothing else (not on this device yet)', () => {
		const { conversation, skipped } = readConversation(doc());
		expect(conversation.meta).toBeNull();
		expect(conversation.agenda).toEqual([]);
		expect(conversation.sections).toEqual({ participant: '', coach: '', manager: '' });
		expect(skipped).toEqual([]);
	});

	it('round trip: meta, parties, agenda in order, outcomes, signatures, sections', () => {
		const d = created();
		updateMeta(d, { title: 'Samtale med Lars' }, ME);
		setParty(d, 'coach', { userId: 'vera', name: 'Vera', email: 'vera@demo.no' }, ME);
		setParty(d, 'manager', { userId: '', name: 'Lars', email: 'Lars@Kommune.no' }, ME);
		putAgendaPoint(d, { id: 'b', text: 'Mål for våren', position: 2, createdAt: 2 }, ME);
		putAgendaPoint(d, { id: 'a', text: ' Status ', position: 1, createdAt: 1 }, ME);
		putOutcome(d, { id: 'o2', text: 'Møtes igjen', who: 'all', due: '', createdAt: 9 }, ME);
		putOutcome(d, { id: 'o1', text: 'Workshop', who: 'participant', due: '2027-01-15', createdAt: 8 }, ME);
		d.getText('section:coach').insert(0, 'Observasjoner');

		const { conversation, skipped } = readConversation(d);
		expect(skipped).toEqual([]);
		expect(conversation.meta).toEqual({
			title: 'Samtale med Lars',
			meetingAt: '2026-09-03T13:00',
			programmeId: '',
			createdAt: 7
		});
		expect(conversation.parties.participant).toEqual(kari);
		expect(conversation.parties.manager?.email).toBe('lars@kommune.no');
		expect(conversation.agenda.map((p) => p.text)).toEqual(['Status', 'Mål for våren']);
		expect(conversation.outcomes.map((o) => o.id)).toEqual(['o1', 'o2']);
		expect(conversation.sections.coach).toBe('Observasjoner');

		putSignOff(
			d,
			{
				party: 'coach',
				userId: 'vera',
				name: 'Vera',
				signedAt: 100,
				fingerprint: conversationFingerprint(conversation)
			},
			ME
		);
		expect(readConversation(d).conversation.signOffs.coach?.signedAt).toBe(100);

		removeAgendaPoint(d, 'a', ME);
		removeOutcome(d, 'o2', ME);
		setParty(d, 'coach', null, ME);
		const after = readConversation(d).conversation;
		expect(after.agenda.map((p) => p.id)).toEqual(['b']);
		expect(after.outcomes.map((o) => o.id)).toEqual(['o1']);
		expect(after.parties.coach).toBeNull();
	});

	it('refuses invalid changes before they are stored', () => {
		const d = created();
		expect(() => updateMeta(d, { title: '' }, ME)).toThrow();
		expect(() => putAgendaPoint(d, { id: 'a', text: '', position: 1 }, ME)).toThrow();
		expect(() => putOutcome(d, { id: 'o', text: 'x', who: 'boss' }, ME)).toThrow();
		expect(() =>
			putAgendaPoints(
				d,
				[
					{ id: 'a', text: 'ok', position: 1 },
					{ id: 'b', text: '', position: 2 }
				],
				ME
			)
		).toThrow();
		const { conversation } = readConversation(d);
		expect(conversation.meta?.title).toBe('Trepartssamtale');
		expect(conversation.agenda).toEqual([]);
	});

	it('skips what does not validate (another app version), and a signature filed under another party', () => {
		const d = created();
		d.getMap('agenda').set('bad', { id: 'bad', text: 42 });
		d.getMap('signoffs').set('manager', {
			party: 'coach',
			userId: 'x',
			name: 'X',
			signedAt: 1,
			fingerprint: 'f'
		});
		d.getMap('parties').set('coach', { name: '' });
		const { conversation, skipped } = readConversation(d);
		expect(skipped.sort()).toEqual(['agenda/bad', 'parties/coach', 'signoffs/manager']);
		expect(conversation.signOffs).toEqual({});
		expect(conversation.parties.coach).toBeNull();
	});

	it('two parties writing their sections offline, then syncing, keep both texts; the same section merges', () => {
		const participant = created();
		const coach = doc();
		Y.applyUpdate(coach, Y.encodeStateAsUpdate(participant));
		// Offline on both sides: each writes in their own section, and both in the coach's.
		participant.getText('section:participant').insert(0, 'Mine mål');
		coach.getText('section:coach').insert(0, 'Veilederens notat');
		participant.getText('section:coach').insert(0, '(fra deltakeren) ');
		Y.applyUpdate(coach, Y.encodeStateAsUpdate(participant));
		Y.applyUpdate(participant, Y.encodeStateAsUpdate(coach));
		const a = readConversation(participant).conversation;
		const b = readConversation(coach).conversation;
		expect(a).toEqual(b);
		expect(a.sections.participant).toBe('Mine mål');
		expect(a.sections.coach).toContain('Veilederens notat');
		expect(a.sections.coach).toContain('(fra deltakeren)');
	});

	it('each party signs its own key: three signatures made at once all arrive', () => {
		const devices = [created(), doc(), doc()];
		for (const d of devices.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(devices[0]));
		const fingerprint = conversationFingerprint(readConversation(devices[0]).conversation);
		(['participant', 'coach', 'manager'] as const).forEach((party, i) =>
			putSignOff(devices[i], { party, userId: party, name: party, signedAt: i, fingerprint }, ME)
		);
		for (const a of devices) for (const b of devices) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		for (const d of devices)
			expect(Object.keys(readConversation(d).conversation.signOffs).sort()).toEqual([
				'coach',
				'manager',
				'participant'
			]);
	});

	it('a move swaps two points in one change', () => {
		const d = created();
		putAgendaPoint(d, { id: 'a', text: 'A', position: 1 }, ME);
		putAgendaPoint(d, { id: 'b', text: 'B', position: 2 }, ME);
		let changes = 0;
		const stop = observeConversation(d, () => changes++);
		putAgendaPoints(
			d,
			[
				{ id: 'a', text: 'A', position: 2 },
				{ id: 'b', text: 'B', position: 1 }
			],
			ME
		);
		stop();
		expect(changes).toBe(1);
		expect(readConversation(d).conversation.agenda.map((p) => p.id)).toEqual(['b', 'a']);
	});

	it('observes changes to any part, from here or from another device', () => {
		const a = created();
		const b = doc();
		connect(a, b);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		let seen = 0;
		const stop = observeConversation(b, () => seen++);
		a.getText('section:manager').insert(0, 'Lederens del');
		putOutcome(a, { id: 'o', text: 'Avtale' }, ME);
		setParty(a, 'coach', { userId: 'v', name: 'V', email: '' }, ME);
		stop();
		a.getText('section:manager').insert(0, 'x');
		expect(seen).toBe(3);
		expect(readConversation(b).conversation.sections.manager).toBe('xLederens del');
	});

	it('binds a textarea to one section only', () => {
		const d = created();
		const listeners: Record<string, () => void> = {};
		const element = {
			value: '',
			selectionStart: 0,
			selectionEnd: 0,
			addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
			removeEventListener: () => {},
			setSelectionRange: () => {}
		} as unknown as HTMLTextAreaElement;
		const binding = bindSection(d, 'manager', element, ME);
		element.value = 'Lederens syn';
		listeners.input();
		binding.destroy();
		expect(readConversation(d).conversation.sections).toEqual({
			participant: '',
			coach: '',
			manager: 'Lederens syn'
		});
	});
});
