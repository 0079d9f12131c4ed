/** Test harness: a real server on port 0 with a temp DATA_DIR and real SQLite, plus peers to talk to it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { hashPassword } from '../../sync-server/auth/passwords.ts';
import { loadConfig, type Config } from '../../sync-server/config.ts';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../sync-server/server.ts';

export interface TestServer {
	server: SyncServer;
	config: Config;
	url: string;
	wsUrl: string;
	stop(): Promise<void>;
}

export function tempDir(prefix = 'lederlogg-test-'): { path: string; remove(): void } {
	const path = mkdtempSync(join(tmpdir(), prefix));
	return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
	return loadConfig({
		PORT: '0',
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		STATIC_DIR: join(dataDir, 'no-build'),
		LOG_LEVEL: 'silent',
		...env
	});
}

export async function startServer(
	dataDir: string,
	env: Record<string, string> = {},
	options: Partial<SyncServerOptions> = {}
): Promise<TestServer> {
	const config = testConfig(dataDir, env);
	const server = createSyncServer({ config, ...options });
	const { port } = await server.listen();
	const url = `http://127.0.0.1:${port}`;
	return { server, config, url, wsUrl: `ws://127.0.0.1:${port}`, stop: () => server.close() };
}

export interface TestUser {
	id: string;
	email: string;
	password: string;
	token: string;
}

let users = 0;

/** Creates an account directly in the repository and signs in through the API. */
export async function createUser(
	test: TestServer,
	role: 'coordinator' | 'participant' = 'participant'
): Promise<TestUser> {
	const email = `user${++users}@example.org`;
	const password = 'correct horse battery';
	const account = test.server.auth.accounts.create({
		email,
		name: `User ${users}`,
		role,
		passwordHash: await hashPassword(password)
	});
	const { token } = await login(test, email, password);
	return { id: account.id, email, password, token };
}

export async function login(test: TestServer, email: string, password: string): Promise<{ token: string }> {
	const response = await api(test, 'POST', '/api/auth/login', { email, password });
	if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
	return (await response.json()) as { token: string };
}

export function api(test: TestServer, method: string, path: string, body?: unknown, token?: string) {
	const headers: Record<string, string> = {};
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (token) headers.authorization = `Bearer ${token}`;
	return fetch(test.url + path, {
		method,
		headers,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
}

/** A raw socket that records every frame and the close event. */
export interface RawPeer {
	ws: WebSocket;
	frames: Uint8Array[];
	opened: Promise<void>;
	closed: Promise<{ code: number; reason: string }>;
}

export function rawPeer(test: TestServer, room: string, token?: string): RawPeer {
	const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
	const ws = new WebSocket(`${test.wsUrl}/sync/${encodeURIComponent(room)}${query}`);
	const frames: Uint8Array[] = [];
	ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)));
	ws.on('error', () => {});
	const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	return { ws, frames, opened, closed };
}

/** A y-websocket client exactly as the app uses it. */
export interface ClientPeer {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

export function clientPeer(test: TestServer, room: string, token: string, doc = new Y.Doc()): ClientPeer {
	const provider = new WebsocketProvider(`${test.wsUrl}/sync`, room, doc, {
		params: { token },
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return {
		doc,
		provider,
		destroy() {
			provider.awareness.destroy();
			provider.destroy();
			doc.destroy();
		}
	};
}

export function synced(peer: ClientPeer): Promise<void> {
	if (peer.provider.synced) return Promise.resolve();
	return new Promise((resolve) => peer.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

/** Polls until `check` returns true, or fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates a programme through the API as `coordinator` and returns its id. */
export async function createProgramme(
	test: TestServer,
	coordinator: TestUser,
	name = 'Kull 1'
): Promise<string> {
	const response = await api(test, 'POST', '/api/programmes', { name }, coordinator.token);
	if (response.status !== 201) throw new Error(`creating a programme failed: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

/** Adds an existing account to a programme through the API. */
export async function addMember(
	test: TestServer,
	programmeId: string,
	coordinator: TestUser,
	member: TestUser,
	role: 'coordinator' | 'participant' | 'coach' | 'mentor'
): Promise<void> {
	const body = { email: member.email, role };
	const response = await api(test, 'POST', `/api/programmes/${programmeId}/members`, body, coordinator.token);
	if (response.status !== 201) throw new Error(`adding a member failed: ${response.status}`);
}

/** 'open' once the server has sent a frame (then closes it); the close code if it refused. */
export async function roomOpens(test: TestServer, room: string, token: string): Promise<number | 'open'> {
	const peer = rawPeer(test, room, token);
	const seen: { code: number | null } = { code: null };
	void peer.closed.then(({ code }) => (seen.code = code));
	await until(() => peer.frames.length > 0 || seen.code !== null, 5000, `${room} to open or close`);
	const { code } = seen;
	peer.ws.close();
	await peer.closed;
	return code ?? 'open';
}

/** Creates a colloquium group through the API as `coordinator` and returns its id. */
export async function createGroup(
	test: TestServer,
	programmeId: string,
	coordinator: TestUser,
	members: readonly TestUser[],
	name = 'Gruppe 1'
): Promise<string> {
	const body = { name, memberIds: members.map((m) => m.id) };
	const response = await api(test, 'POST', `/api/programmes/${programmeId}/groups`, body, coordinator.token);
	if (response.status !== 201) throw new Error(`creating a group failed: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

/** Creates a mentor scheme through the API as `coordinator` and returns its id. */
export async function createScheme(
	test: TestServer,
	coordinator: TestUser,
	name = 'Mentorordning 2026'
): Promise<string> {
	const body = { name, kind: 'mentor-scheme' };
	const response = await api(test, 'POST', '/api/programmes', body, coordinator.token);
	if (response.status !== 201) throw new Error(`creating a scheme failed: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

/** Matches a mentor and a mentee of the scheme through the API and returns the pair's id. */
export async function createPair(
	test: TestServer,
	schemeId: string,
	coordinator: TestUser,
	mentor: TestUser,
	mentee: TestUser
): Promise<string> {
	const body = { mentorId: mentor.id, menteeId: mentee.id };
	const response = await api(test, 'POST', `/api/programmes/${schemeId}/pairs`, body, coordinator.token);
	if (response.status !== 201) throw new Error(`creating a pair failed: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}
