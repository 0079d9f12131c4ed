import { decodeJwt, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/sync/protocol.ts';
import {
	api,
	clientPeer,
	createUser,
	rawPeer,
	startServer,
	tempDir,
	type TestServer,
	type TestUser
} from './helpers.ts';

describe('socket refusals', () => {
	const dir = tempDir();
	let test: TestServer;
	let user: TestUser;
	let other: TestUser;

	beforeAll(async () => {
		test = await startServer(dir.path);
		user = await createUser(test);
		other = await createUser(test);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	async function expectRefused(room: string, token: string | undefined, code: number) {
		const peer = rawPeer(test, room, token);
		const closed = await peer.closed;
		expect(closed.code).toBe(code);
		expect(peer.frames).toHaveLength(0);
	}

	async function sign(claims: { sub: string; sid: string }, exp: number, key: Uint8Array) {
		return new SignJWT({ sid: claims.sid })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(claims.sub)
			.setIssuedAt(exp - 3600)
			.setExpirationTime(exp)
			.sign(key);
	}

	it('accepts the owner of a user room', async () => {
		const peer = rawPeer(test, `user:${user.id}`, user.token);
		await peer.opened;
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(peer.frames.length).toBeGreaterThan(0); // sync step 1
		peer.ws.close();
		await peer.closed;
	});

	it('closes with 4401 without a token', () =>
		expectRefused(`user:${user.id}`, undefined, CLOSE_CODES.unauthorized));

	it('closes with 4401 for a token signed with another key', async () => {
		const { sub, sid } = decodeJwt(user.token) as { sub: string; sid: string };
		const forged = await sign({ sub, sid }, Math.floor(Date.now() / 1000) + 3600, randomBytes(32));
		await expectRefused(`user:${user.id}`, forged, CLOSE_CODES.unauthorized);
	});

	it('closes with 4401 for an expired token of a live session', async () => {
		const key = new Uint8Array(readFileSync(join(dir.path, 'signing.key')));
		const { sub, sid } = decodeJwt(user.token) as { sub: string; sid: string };
		const fresh = await sign({ sub, sid }, Math.floor(Date.now() / 1000) + 3600, key);
		const expired = await sign({ sub, sid }, Math.floor(Date.now() / 1000) - 60, key);
		// The same claims with a future expiry are accepted, so only the expiry makes the difference.
		const accepted = rawPeer(test, `user:${user.id}`, fresh);
		await accepted.opened;
		accepted.ws.close();
		await accepted.closed;
		await expectRefused(`user:${user.id}`, expired, CLOSE_CODES.unauthorized);
	});

	it('closes with 4401 after logout, and logout closes open sockets with 4401', async () => {
		const victim = await createUser(test);
		const open = rawPeer(test, `user:${victim.id}`, victim.token);
		await open.opened;
		expect((await api(test, 'POST', '/api/auth/logout', undefined, victim.token)).status).toBe(204);
		expect((await open.closed).code).toBe(CLOSE_CODES.unauthorized);
		await expectRefused(`user:${victim.id}`, victim.token, CLOSE_CODES.unauthorized);
	});

	it("closes with 4403 for someone else's room", () =>
		expectRefused(`user:${other.id}`, user.token, CLOSE_CODES.forbidden));

	it('closes with 4404 for an unknown room shape', async () => {
		await expectRefused('programme-x', user.token, CLOSE_CODES.unknownRoom);
		await expectRefused('', user.token, CLOSE_CODES.unknownRoom);
	});

	it('answers 404 for upgrades outside /sync/', async () => {
		const ws = new WebSocket(`${test.wsUrl}/elsewhere?token=${user.token}`);
		const status = await new Promise<number | undefined>((resolve) => {
			ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
			ws.on('open', () => resolve(undefined));
		});
		ws.on('error', () => {});
		ws.terminate();
		expect(status).toBe(404);
	});

	it('stops the y-websocket client from reconnecting after a refusal', async () => {
		const peer = clientPeer(test, `user:${user.id}`, 'not-a-token');
		try {
			const closed = await new Promise<number>((resolve) =>
				peer.provider.on('closed', (event: { code: number }) => resolve(event.code))
			);
			expect(closed).toBe(CLOSE_CODES.unauthorized);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(peer.provider.wsconnecting).toBe(false);
			expect(peer.provider.shouldConnect).toBe(false);
		} finally {
			peer.destroy();
		}
	});
});
