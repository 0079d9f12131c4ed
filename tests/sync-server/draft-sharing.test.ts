/**
 * A draft shared for feedback: a read grant on the draft's room and a write grant on its comments
 * room. The coach reads the text and writes comments; the server drops every change the coach
 * makes to the text; unsharing closes both rooms to the coach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	api,
	clientPeer,
	createProgramme,
	createUser,
	rawPeer,
	startServer,
	synced,
	tempDir,
	until,
	type ClientPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('a draft shared for feedback', () => {
	const dir = tempDir();
	let test: TestServer;
	let participant: TestUser;
	let coach: TestUser;
	let draftRoom: string;
	let commentsRoom: string;

	const grants = (room: string, rest = '') => `/api/rooms/${encodeURIComponent(room)}/grants${rest}`;

	beforeAll(async () => {
		test = await startServer(dir.path);
		const coordinator = await createUser(test, 'coordinator');
		const programmeId = await createProgramme(test, coordinator);
		participant = await createUser(test);
		coach = await createUser(test);
		await addMember(test, programmeId, coordinator, participant, 'participant');
		await addMember(test, programmeId, coordinator, coach, 'coach');
		draftRoom = `user:${participant.id}:draft:d-1`;
		commentsRoom = `user:${participant.id}:draft-comments:d-1`;
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function opens(room: string, token: string): Promise<number | 'open'> {
		const peer = rawPeer(test, room, token);
		const settled = await Promise.race([
			until(() => peer.frames.length > 0).then(() => 'open' as const),
			peer.closed
		]);
		peer.ws.close();
		await peer.closed;
		return settled === 'open' ? 'open' : settled.code;
	}

	const closeCode = (peer: ClientPeer) =>
		new Promise<number>((resolve) =>
			peer.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0))
		);

	const bodyText = (doc: Y.Doc) => doc.getXmlFragment('body').toString();

	function writeParagraph(doc: Y.Doc, text: string) {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(text)]);
		const body = doc.getXmlFragment('body');
		body.insert(body.length, [paragraph]);
	}

	it('lets the coach comment but never change the text, until it is unshared', async () => {
		const ownerText = clientPeer(test, draftRoom, participant.token);
		const ownerComments = clientPeer(test, commentsRoom, participant.token);
		await Promise.all([synced(ownerText), synced(ownerComments)]);
		writeParagraph(ownerText.doc, 'Små bibliotek, store endringer.');
		await synced(ownerText);

		// Before sharing the coach opens neither room.
		expect(await opens(draftRoom, coach.token)).toBe(CLOSE_CODES.forbidden);
		expect(await opens(commentsRoom, coach.token)).toBe(CLOSE_CODES.forbidden);

		const read = await api(
			test,
			'PUT',
			grants(draftRoom, `/${coach.id}`),
			{ access: 'read' },
			participant.token
		);
		const write = await api(
			test,
			'PUT',
			grants(commentsRoom, `/${coach.id}`),
			{ access: 'write' },
			participant.token
		);
		expect([read.status, write.status]).toEqual([200, 200]);

		const coachText = clientPeer(test, draftRoom, coach.token);
		const coachComments = clientPeer(test, commentsRoom, coach.token);
		await Promise.all([synced(coachText), synced(coachComments)]);
		await until(() => bodyText(coachText.doc).includes('store endringer'), 5000, 'the text at the coach');

		// A comment from the coach reaches the author.
		coachComments.doc.getMap('comments').set('c-1', { id: 'c-1', text: 'Utdyp gjerne.' });
		await until(() => ownerComments.doc.getMap('comments').has('c-1'), 5000, 'the comment at the author');

		// The coach's change to the text is dropped: the author never gets it, and a later edit of
		// the author's still reaches the coach.
		writeParagraph(coachText.doc, 'Skrevet av veilederen.');
		writeParagraph(ownerText.doc, 'Et nytt avsnitt.');
		await until(
			() => bodyText(coachText.doc).includes('Et nytt avsnitt.'),
			5000,
			'a later edit of the author'
		);
		await synced(ownerText);
		expect(bodyText(ownerText.doc)).not.toContain('veilederen');
		const fresh = clientPeer(test, draftRoom, participant.token);
		await synced(fresh);
		expect(bodyText(fresh.doc)).toContain('Et nytt avsnitt.');
		expect(bodyText(fresh.doc)).not.toContain('veilederen');
		fresh.destroy();

		// The grants as the author lists them.
		const listed = (await (
			await api(test, 'GET', grants(commentsRoom), undefined, participant.token)
		).json()) as {
			grants: { userId: string; access: string }[];
		};
		expect(listed.grants).toEqual([expect.objectContaining({ userId: coach.id, access: 'write' })]);

		// Unsharing both closes both of the coach's sockets, and neither room opens again.
		const textClosed = closeCode(coachText);
		const commentsClosed = closeCode(coachComments);
		const removed = await Promise.all([
			api(test, 'DELETE', grants(draftRoom, `/${coach.id}`), undefined, participant.token),
			api(test, 'DELETE', grants(commentsRoom, `/${coach.id}`), undefined, participant.token)
		]);
		expect(removed.map((r) => r.status)).toEqual([204, 204]);
		expect(await textClosed).toBe(CLOSE_CODES.forbidden);
		expect(await commentsClosed).toBe(CLOSE_CODES.forbidden);
		coachText.destroy();
		coachComments.destroy();
		expect(await opens(draftRoom, coach.token)).toBe(CLOSE_CODES.forbidden);
		expect(await opens(commentsRoom, coach.token)).toBe(CLOSE_CODES.forbidden);
		const shared = (await (await api(test, 'GET', '/api/shared', undefined, coach.token)).json()) as {
			rooms: unknown[];
		};
		expect(shared.rooms).toEqual([]);
		ownerText.destroy();
		ownerComments.destroy();
	});
});
