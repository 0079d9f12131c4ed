import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, MESSAGE_AWARENESS } from '../../src/lib/sync/protocol.ts';
import {
	addMember,
	clientPeer,
	createProgramme,
	createUser,
	rawPeer,
	sleep,
	startServer,
	synced,
	tempDir,
	testConfig,
	until,
	type ClientPeer,
	type RawPeer,
	type TestServer,
	type TestUser
} from './helpers.ts';

interface Entry {
	clientId: number;
	clock: number;
	/** A value to send as JSON, or `{ raw }`: these exact characters. */
	state: unknown;
}

/** An awareness frame as y-protocols writes it: count, then client id, clock and JSON per entry. */
function awarenessFrame(...entries: Entry[]): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(update, clientId);
		encoding.writeVarUint(update, clock);
		const raw = (state as { raw?: string } | null)?.raw;
		encoding.writeVarString(update, raw ?? JSON.stringify(state));
	}
	const frame = encoding.createEncoder();
	encoding.writeVarUint(frame, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
	return encoding.toUint8Array(frame);
}

/** Presence of the given JSON size in bytes. */
function stateOfBytes(bytes: number): { pad: string } {
	return { pad: 'x'.repeat(bytes - JSON.stringify({ pad: '' }).length) };
}

describe('awareness validation', () => {
	const dir = tempDir();
	let test: TestServer;
	let coordinator: TestUser;
	let alice: TestUser;
	let bob: TestUser;
	let programmeId: string;
	let room: string;
	let rooms = 0;
	let nextId = 5000;

	beforeAll(async () => {
		test = await startServer(dir.path);
		coordinator = await createUser(test, 'coordinator');
		programmeId = await createProgramme(test, coordinator);
		alice = await createUser(test);
		bob = await createUser(test);
		await addMember(test, programmeId, coordinator, alice, 'participant');
		await addMember(test, programmeId, coordinator, bob, 'participant');
	});
	// Each test in a room of its own, so what one leaves behind when it fails does not break the next.
	beforeEach(() => {
		room = `programme:${programmeId}:ideas:test-${++rooms}`;
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	/** A raw socket the server has greeted. */
	async function raw(user: TestUser, name = room): Promise<RawPeer> {
		const peer = rawPeer(test, name, user.token);
		await until(() => peer.frames.length > 0, 5000, 'greeting');
		return peer;
	}

	async function observer(user: TestUser, name = room): Promise<ClientPeer> {
		const peer = clientPeer(test, name, user.token);
		await synced(peer);
		return peer;
	}

	const stateAt = (peer: ClientPeer, clientId: number) =>
		peer.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;

	async function closeRaw(...peers: RawPeer[]): Promise<void> {
		for (const peer of peers) {
			peer.ws.close();
			await peer.closed;
		}
	}

	it('closes a socket with 4413 for a state above MAX_AWARENESS_BYTES (1024), and takes one at the limit', async () => {
		expect(test.config.maxAwarenessBytes).toBe(1024);
		const watcher = await observer(bob);
		const sender = await raw(alice);
		try {
			const id = nextId++;
			sender.ws.send(awarenessFrame({ clientId: id, clock: 1, state: stateOfBytes(1024) }));
			await until(() => stateAt(watcher, id) !== undefined, 5000, 'the state at the limit');
			sender.ws.send(awarenessFrame({ clientId: id, clock: 2, state: stateOfBytes(1025) }));
			expect((await sender.closed).code).toBe(CLOSE_CODES.tooLarge);
			// It left: its state is removed, and the oversize one never reached anyone.
			await until(() => stateAt(watcher, id) === undefined, 5000, 'the state removed');
		} finally {
			watcher.destroy();
		}
	});

	it('closes a socket with 4400 for a state that is not a JSON object or null', async () => {
		for (const state of [[1, 2], 'text', 42, true, { raw: '{"open": ' }, { raw: 'undefined' }]) {
			const sender = await raw(alice);
			sender.ws.send(awarenessFrame({ clientId: nextId++, clock: 1, state }));
			expect((await sender.closed).code, JSON.stringify(state)).toBe(CLOSE_CODES.badMessage);
		}
	});

	it('binds one client id per connection: a second new id is ignored, in the same frame or later', async () => {
		const watcher = await observer(bob);
		const sender = await raw(alice);
		try {
			const [first, second, third] = [nextId++, nextId++, nextId++];
			sender.ws.send(
				awarenessFrame(
					{ clientId: first, clock: 1, state: { user: { name: 'Alice' } } },
					{ clientId: second, clock: 1, state: { user: { name: 'Alice 2' } } }
				)
			);
			sender.ws.send(awarenessFrame({ clientId: third, clock: 1, state: { user: { name: 'Alice 3' } } }));
			// Frames are handled in order: once this arrives, the others would have too.
			sender.ws.send(
				awarenessFrame({ clientId: first, clock: 2, state: { user: { name: 'Alice', page: 'p1' } } })
			);
			await until(
				() => (stateAt(watcher, first)?.user as { page?: string } | undefined)?.page === 'p1',
				5000,
				'the bound id’s second state'
			);
			expect(stateAt(watcher, second)).toBeUndefined();
			expect(stateAt(watcher, third)).toBeUndefined();
			expect(sender.ws.readyState).toBe(sender.ws.OPEN);

			// Its own removal goes through; setting it again too.
			sender.ws.send(awarenessFrame({ clientId: first, clock: 3, state: null }));
			await until(() => stateAt(watcher, first) === undefined, 5000, 'its removal');
			sender.ws.send(awarenessFrame({ clientId: first, clock: 4, state: { user: { name: 'Alice' } } }));
			await until(() => stateAt(watcher, first) !== undefined, 5000, 'set again');
		} finally {
			await closeRaw(sender);
			watcher.destroy();
		}
	});

	it('does not relay a state for a client id another connection owns, nor remove it', async () => {
		const victim = await observer(alice);
		const watcher = await observer(coordinator);
		const spoofer = await raw(bob);
		const id = victim.doc.clientID;
		try {
			victim.provider.awareness.setLocalStateField('user', { name: 'Alice' });
			await until(
				() => (stateAt(watcher, id)?.user as { name?: string })?.name === 'Alice',
				5000,
				'Alice seen'
			);
			const clock = victim.provider.awareness.meta.get(id)!.clock;
			spoofer.ws.send(
				awarenessFrame({ clientId: id, clock: clock + 10, state: { user: { name: 'Mallory' } } })
			);
			spoofer.ws.send(awarenessFrame({ clientId: id, clock: clock + 11, state: null }));
			// Then a state of its own, so we know the spoofed frames were handled.
			const own = nextId++;
			spoofer.ws.send(awarenessFrame({ clientId: own, clock: 1, state: { user: { name: 'Bob' } } }));
			await until(() => stateAt(watcher, own) !== undefined, 5000, 'Bob’s own state');
			expect(stateAt(watcher, id)).toEqual({ user: { name: 'Alice' } });
			expect(stateAt(victim, id)).toEqual({ user: { name: 'Alice' } });
			expect(spoofer.ws.readyState).toBe(spoofer.ws.OPEN);

			// Alice's own next change still goes through (the spoof did not move the clock on).
			victim.provider.awareness.setLocalStateField('page', 'p2');
			await until(() => stateAt(watcher, id)?.page === 'p2', 5000, 'Alice’s next change');
		} finally {
			await closeRaw(spoofer);
			victim.destroy();
			watcher.destroy();
		}
	});

	it('lets a reconnected socket of the same account take its client id over with a higher clock, and no one else', async () => {
		const watcher = await observer(bob);
		const old = await raw(alice);
		const id = nextId++;
		old.ws.send(awarenessFrame({ clientId: id, clock: 1, state: { user: { name: 'Alice' } } }));
		await until(() => stateAt(watcher, id) !== undefined, 5000, 'the old socket’s state');

		const stranger = await raw(bob);
		stranger.ws.send(awarenessFrame({ clientId: id, clock: 5, state: { user: { name: 'Not Alice' } } }));
		const again = await raw(alice);
		again.ws.send(awarenessFrame({ clientId: id, clock: 1, state: { user: { name: 'Stale' } } }));
		again.ws.send(awarenessFrame({ clientId: id, clock: 2, state: { user: { name: 'Alice back' } } }));
		await until(
			() => (stateAt(watcher, id)?.user as { name: string }).name === 'Alice back',
			5000,
			'take-over'
		);

		// The half-open old socket goes: the state stays, it is the new socket's now.
		(old.ws as WebSocket).terminate();
		await old.closed;
		await sleep(200);
		expect(stateAt(watcher, id)).toEqual({ user: { name: 'Alice back' } });
		await closeRaw(again);
		await until(() => stateAt(watcher, id) === undefined, 5000, 'removed when the new socket leaves');
		await closeRaw(stranger);
		watcher.destroy();
	});

	it('keeps y-websocket clients connected while they echo each other, and removes a state when its client leaves', async () => {
		const a = await observer(alice);
		const b = await observer(bob);
		// A client that shares no presence of its own (local state null) still echoes the others'.
		const quiet = clientPeer(test, room, coordinator.token);
		quiet.provider.awareness.setLocalState(null);
		await synced(quiet);
		const closes: number[] = [];
		for (const peer of [a, b, quiet])
			(peer.provider.ws as unknown as WebSocket).on('close', (code) => closes.push(code));
		try {
			for (let i = 0; i < 20; i++) {
				a.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i + 1 });
				b.provider.awareness.setLocalStateField('cursor', { anchor: i * 2, head: i * 2 });
				await sleep(10);
			}
			await until(
				() => (stateAt(b, a.doc.clientID)?.cursor as { anchor: number })?.anchor === 19,
				5000,
				'A at B'
			);
			await until(
				() => (stateAt(a, b.doc.clientID)?.cursor as { anchor: number })?.anchor === 38,
				5000,
				'B at A'
			);
			await sleep(200);
			expect(closes).toEqual([]);
			expect(a.provider.wsconnected && b.provider.wsconnected && quiet.provider.wsconnected).toBe(true);
			expect([...a.provider.awareness.getStates().keys()].sort()).toEqual(
				[a.doc.clientID, b.doc.clientID].sort()
			);
			expect(stateAt(quiet, a.doc.clientID)?.cursor).toEqual({ anchor: 19, head: 20 });
		} finally {
			a.destroy();
			quiet.destroy();
		}
		try {
			await until(() => stateAt(b, a.doc.clientID) === undefined, 5000, 'A removed at B');
		} finally {
			b.destroy();
		}
	});

	it('relays a reader’s presence (a participant in a themes room)', async () => {
		const themes = `programme:${programmeId}:themes:e-1`;
		const reader = await observer(alice, themes);
		const facilitator = await observer(coordinator, themes);
		try {
			reader.provider.awareness.setLocalStateField('user', { name: 'Leser' });
			await until(
				() => (stateAt(facilitator, reader.doc.clientID)?.user as { name?: string })?.name === 'Leser',
				5000,
				'the reader’s presence'
			);
		} finally {
			reader.destroy();
			facilitator.destroy();
		}
	});
});

describe('MAX_AWARENESS_BYTES', () => {
	const dir = tempDir();
	let test: TestServer;
	let user: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path, { MAX_AWARENESS_BYTES: '200' });
		user = await createUser(test);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	it('sets the cap', async () => {
		const peer = rawPeer(test, `user:${user.id}`, user.token);
		await until(() => peer.frames.length > 0, 5000, 'greeting');
		peer.ws.send(awarenessFrame({ clientId: 1, clock: 1, state: stateOfBytes(200) }));
		peer.ws.send(awarenessFrame({ clientId: 1, clock: 2, state: stateOfBytes(201) }));
		expect((await peer.closed).code).toBe(CLOSE_CODES.tooLarge);
		expect(() => testConfig(dir.path, { MAX_AWARENESS_BYTES: '10' })).toThrow(/MAX_AWARENESS_BYTES/);
	});
});
