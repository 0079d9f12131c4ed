import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	api,
	clientPeer,
	createProgramme,
	createUser,
	login,
	rawPeer,
	startServer,
	synced,
	tempDir,
	until,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('shared rooms', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let participant: TestUser;
	let coach: TestUser;
	let stranger: TestUser;
	let planRoom: string;
	let conversationRoom: string;

	const path = (room: string, rest = '') => `/api/rooms/${encodeURIComponent(room)}${rest}`;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		const programmeId = await createProgramme(test, coordinator);
		participant = await createUser(test);
		coach = await createUser(test);
		stranger = await createUser(test);
		await addMember(test, programmeId, coordinator, participant, 'participant');
		await addMember(test, programmeId, coordinator, coach, 'coach');
		planRoom = `user:${participant.id}:plan`;
		conversationRoom = `user:${participant.id}:conversation:c-1`;
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	/** 'open' once the server has sent a frame; the close code if it refused. */
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

	it('keeps an owned room private to its owner until it is shared', async () => {
		expect(await opens(planRoom, participant.token)).toBe('open');
		for (const other of [coach, coordinator, stranger]) {
			expect(await opens(planRoom, other.token)).toBe(CLOSE_CODES.forbidden);
		}
		const listed = await api(test, 'GET', path(planRoom, '/grants'), undefined, coach.token);
		expect(listed.status).toBe(403);
	});

	it('shares read-only with a coach of the same programme, who can read but not write', async () => {
		const owner = clientPeer(test, planRoom, participant.token);
		owner.doc.getMap('goals').set('g-1', 'Bedre møter');
		await synced(owner);

		const granted = await api(
			test,
			'PUT',
			path(planRoom, `/grants/${coach.id}`),
			{ access: 'read' },
			participant.token
		);
		expect(granted.status).toBe(200);

		const reader = clientPeer(test, planRoom, coach.token);
		await synced(reader);
		await until(() => reader.doc.getMap('goals').get('g-1') === 'Bedre møter', 5000, 'the plan at the coach');
		// The coach's write is dropped by the server: the owner never sees it.
		reader.doc.getMap('goals').set('g-2', 'fra veilederen');
		owner.doc.getMap('goals').set('g-3', 'etterpå');
		await until(() => reader.doc.getMap('goals').get('g-3') === 'etterpå', 5000, 'a later owner edit');
		expect(owner.doc.getMap('goals').get('g-2')).toBeUndefined();

		const shared = (await (await api(test, 'GET', '/api/shared', undefined, coach.token)).json()) as {
			rooms: { room: string; access: string; owner: { id: string } }[];
		};
		expect(shared.rooms).toEqual([
			expect.objectContaining({
				room: planRoom,
				access: 'read',
				owner: expect.objectContaining({ id: participant.id })
			})
		]);

		// Unsharing closes the coach's open socket with 4403, and the room is refused afterwards.
		const closed = new Promise<number>((resolve) =>
			reader.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0))
		);
		const removed = await api(
			test,
			'DELETE',
			path(planRoom, `/grants/${coach.id}`),
			undefined,
			participant.token
		);
		expect(removed.status).toBe(204);
		expect(await closed).toBe(CLOSE_CODES.forbidden);
		reader.destroy();
		owner.destroy();
		expect(await opens(planRoom, coach.token)).toBe(CLOSE_CODES.forbidden);
	});

	it('never shares with someone outside the owner’s programmes, nor lets others share', async () => {
		const toStranger = await api(
			test,
			'PUT',
			path(planRoom, `/grants/${stranger.id}`),
			{ access: 'read' },
			participant.token
		);
		expect(toStranger.status).toBe(404);
		const byCoach = await api(
			test,
			'PUT',
			path(planRoom, `/grants/${coach.id}`),
			{ access: 'write' },
			coach.token
		);
		expect(byCoach.status).toBe(403);
		const workspace = await api(
			test,
			'PUT',
			path(`user:${participant.id}`, `/grants/${coach.id}`),
			{ access: 'read' },
			participant.token
		);
		expect(workspace.status).toBe(404);
		const bad = await api(
			test,
			'PUT',
			path(planRoom, `/grants/${coach.id}`),
			{ access: 'admin' },
			participant.token
		);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: 'Access must be read or write' });
	});

	it('lets a guest manager into one conversation and nothing else, also after signing in again', async () => {
		const created = await api(
			test,
			'POST',
			path(conversationRoom, '/invites'),
			{ name: 'Mona Leder', email: 'mona@kommune.no', access: 'write' },
			participant.token
		);
		expect(created.status).toBe(201);
		const { code, url } = (await created.json()) as { code: string; url: string };
		expect(url).toMatch(new RegExp(`/guest/${code}$`));

		const shown = (await (await api(test, 'GET', `/api/room-invites/${code}`)).json()) as Record<
			string,
			unknown
		>;
		expect(shown).toMatchObject({
			room: conversationRoom,
			email: 'mona@kommune.no',
			name: 'Mona Leder',
			access: 'write',
			owner: { name: expect.any(String) }
		});

		const tooShort = await api(test, 'POST', `/api/room-invites/${code}/accept`, {
			name: 'Mona',
			password: 'kort'
		});
		expect(tooShort.status).toBe(400);
		const accepted = await api(test, 'POST', `/api/room-invites/${code}/accept`, {
			name: 'Mona Leder',
			password: 'trepart-2026'
		});
		expect(accepted.status).toBe(200);
		const grant = (await accepted.json()) as {
			token: string;
			user: { id: string; guest: boolean };
			room: string;
		};
		expect(grant.user.guest).toBe(true);
		expect(grant.room).toBe(conversationRoom);

		// Single use.
		expect(
			(await api(test, 'POST', `/api/room-invites/${code}/accept`, { name: 'X', password: 'trepart-2026' }))
				.status
		).toBe(410);

		// The conversation is writable by the guest and the owner sees the guest's section.
		const owner = clientPeer(test, conversationRoom, participant.token);
		const guest = clientPeer(test, conversationRoom, grant.token);
		await Promise.all([synced(owner), synced(guest)]);
		guest.doc.getText('manager').insert(0, 'Fra lederens side');
		await until(
			() => owner.doc.getText('manager').toString() === 'Fra lederens side',
			5000,
			'the guest edit'
		);
		owner.destroy();
		guest.destroy();

		// Nothing else: not their own workspace, not the participant's plan or workspace, no programme.
		const { token } = await login(test, 'mona@kommune.no', 'trepart-2026');
		for (const room of [
			`user:${grant.user.id}`,
			`user:${grant.user.id}:plan`,
			planRoom,
			`user:${participant.id}`,
			`user:${participant.id}:conversation:c-2`
		]) {
			expect(await opens(room, token), room).toBe(CLOSE_CODES.forbidden);
		}
		expect(await opens(conversationRoom, token)).toBe('open');
		const programmes = (await (await api(test, 'GET', '/api/programmes', undefined, token)).json()) as {
			programmes: unknown[];
		};
		expect(programmes.programmes).toEqual([]);
		const sharing = await api(
			test,
			'POST',
			path(`user:${grant.user.id}:plan`, '/invites'),
			{ name: 'A', email: 'a@b.no', access: 'read' },
			token
		);
		expect(sharing.status).toBe(403);

		// The owner sees the guest among the grants.
		const listed = (await (
			await api(test, 'GET', path(conversationRoom, '/grants'), undefined, participant.token)
		).json()) as {
			grants: { userId: string; guest: boolean; access: string }[];
			invites: { code: string; status: string }[];
		};
		expect(listed.grants).toEqual([
			expect.objectContaining({ userId: grant.user.id, guest: true, access: 'write' })
		]);
		expect(listed.invites).toEqual([expect.objectContaining({ code, status: 'used' })]);
	});

	it('refuses an invite for an existing account unless it signs in as that email', async () => {
		const created = await api(
			test,
			'POST',
			path(conversationRoom, '/invites'),
			{ name: 'Coach', email: coach.email, access: 'write' },
			participant.token
		);
		const { code } = (await created.json()) as { code: string };
		const anonymous = await api(test, 'POST', `/api/room-invites/${code}/accept`, {
			name: 'Coach',
			password: 'whatever-long'
		});
		expect(anonymous.status).toBe(409);
		const wrong = await api(test, 'POST', `/api/room-invites/${code}/accept`, undefined, stranger.token);
		expect(wrong.status).toBe(403);
		const right = await api(test, 'POST', `/api/room-invites/${code}/accept`, undefined, coach.token);
		expect(right.status).toBe(200);
		expect(await opens(conversationRoom, coach.token)).toBe('open');
		// The grantee may leave.
		const left = await api(
			test,
			'DELETE',
			path(conversationRoom, `/grants/${coach.id}`),
			undefined,
			coach.token
		);
		expect(left.status).toBe(204);
		expect(await opens(conversationRoom, coach.token)).toBe(CLOSE_CODES.forbidden);
	});

	it('lowering write to read makes the open socket reconnect as a reader', async () => {
		const room = `user:${participant.id}:conversation:c-3`;
		await api(test, 'PUT', path(room, `/grants/${coach.id}`), { access: 'write' }, participant.token);
		const owner = clientPeer(test, room, participant.token);
		const writer = clientPeer(test, room, coach.token);
		await Promise.all([synced(owner), synced(writer)]);
		writer.doc.getText('t').insert(0, 'a');
		await until(() => owner.doc.getText('t').toString() === 'a');
		const lowered = await api(
			test,
			'PUT',
			path(room, `/grants/${coach.id}`),
			{ access: 'read' },
			participant.token
		);
		expect(lowered.status).toBe(200);
		await until(() => !writer.provider.wsconnected, 5000, 'the writer to be disconnected');
		await until(() => writer.provider.synced, 5000, 'the reconnect');
		writer.doc.getText('t').insert(1, 'b');
		owner.doc.getText('t').insert(0, '>');
		await until(() => writer.doc.getText('t').toString().startsWith('>'), 5000, 'the owner edit');
		expect(owner.doc.getText('t').toString()).toBe('>a');
		owner.destroy();
		writer.destroy();
	});

	it('does not know room names it cannot share', async () => {
		for (const room of ['user:', `user:${participant.id}:`, `user:${participant.id}:Plan`, `programme:x`]) {
			const response = await api(test, 'GET', path(room, '/grants'), undefined, participant.token);
			expect(response.status, room).toBe(404);
		}
		expect(new Y.Doc()).toBeTruthy();
	});
});
