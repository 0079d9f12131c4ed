/**
 * `npm run bench:group-memory`: prints the sync server's memory per open colloquium group document.
 * It measures and prints; it asserts nothing.
 *
 * 1. Forks the real server (bench/group-memory-server.ts, `--expose-gc`, SQLite in a temporary
 *    DATA_DIR) and sets up through the HTTP API: a programme, 15 participants (invites accepted),
 *    BENCH_GROUPS groups (default 50) of all 15.
 * 2. One y-websocket client per group (Node, `ws`) writes the group's notes: three pages of rich
 *    text (paragraphs, a heading, bold and italic, written word by word with a few corrections, as
 *    typing leaves it) and waits for the server's ack that it is stored. The server's memory after
 *    a full GC: the cost of an open document with one connection.
 * 3. The other 14 members join each group, each with a presence state (name, colour, page, cursor),
 *    until every client sees all 15: the cost of a group in use.
 * 4. Everyone leaves; the rooms unload: what is left.
 * Memory is the server process's own (`process.memoryUsage()` in the child, after `gc()`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeAck, MESSAGE_ACK } from '../src/lib/sync/protocol.ts';
import { Cleanup, deferred, sleep, withTimeout } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const GROUPS = Number(process.env.BENCH_GROUPS ?? 50);
const MEMBERS = 15;
const PAGES = 3;
const PARAGRAPHS_PER_PAGE = 6;
const CONNECT_BATCH = 50;
const ADMIN = { email: 'bench@example.org', password: 'bench password 1', name: 'Koordinator' };

const log = (message: string) => console.error(`bench: ${message}`);

interface Memory {
	rss: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
}

interface Sample {
	label: string;
	rooms: number;
	sockets: number;
	memory: Memory;
}

interface Member {
	id: string;
	name: string;
	token: string;
}

interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

class ServerChild {
	url = '';
	#child: ChildProcess | null = null;
	#waiting: ((message: { type: string; [key: string]: unknown }) => void)[] = [];

	async start(dataDir: string): Promise<void> {
		const child = fork(join(ROOT, 'bench/group-memory-server.ts'), [], {
			cwd: ROOT,
			execArgv: ['--expose-gc', '--import', 'tsx'],
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				STATIC_DIR: join(dataDir, 'no-build'),
				LOG_LEVEL: 'warn',
				LEDERLOGG_ADMIN_EMAIL: ADMIN.email,
				LEDERLOGG_ADMIN_PASSWORD: ADMIN.password,
				LEDERLOGG_ADMIN_NAME: ADMIN.name
			},
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		this.#child = child;
		child.on('message', (message: { type: string }) => this.#waiting.shift()?.(message));
		child.once('exit', (code, signal) => {
			if (this.#child === child) log(`the server exited unexpectedly (${signal ?? code})`);
		});
		const listening = await withTimeout(this.#next(), 30_000, 'the server to listen');
		this.url = listening.url as string;
	}

	get pid(): number {
		return this.#child!.pid!;
	}

	async measure(label: string, sockets: number): Promise<Sample> {
		this.#child!.send({ type: 'measure' });
		const answer = await withTimeout(this.#next(), 30_000, 'the server to measure');
		return { label, sockets, rooms: answer.rooms as number, memory: answer.memory as Memory };
	}

	async stop(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		this.#child = null;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.send({ type: 'stop' });
		await withTimeout(exited, 10_000, 'the server to stop').catch(() => child.kill('SIGKILL'));
	}

	#next(): Promise<{ type: string; [key: string]: unknown }> {
		return new Promise((resolve) => this.#waiting.push(resolve));
	}
}

async function call<T>(server: ServerChild, method: string, path: string, body?: unknown, token?: string) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (token) headers.authorization = `Bearer ${token}`;
	const response = await fetch(server.url + path, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

/** The group's notes as typing leaves them: word by word, a few words taken back and retyped. */
function writeNotes(doc: Y.Doc, group: number, author: Member): void {
	const pages = doc.getMap<Y.Map<unknown>>('pages');
	const words =
		'vi snakket om hvordan biblioteket kan møte lånerne der de er og hva det krever av ledelsen'.split(' ');
	for (let p = 0; p < PAGES; p++) {
		const pageId = `g${group}-p${p}`;
		doc.transact(() => {
			const page = new Y.Map<unknown>();
			pages.set(pageId, page);
			page.set('id', pageId);
			page.set('title', `Kollokvium ${p + 1}`);
			page.set('createdAt', new Date(2025, 0, 1 + p).toISOString());
			page.set('createdBy', author.id);
			page.set('order', p);
		});
		const fragment = doc.getXmlFragment(`page:${pageId}`);
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', '2');
		heading.insert(0, [new Y.XmlText(`Møte ${p + 1}: hva vi lærte`)]);
		fragment.insert(0, [heading]);
		for (let n = 0; n < PARAGRAPHS_PER_PAGE; n++) {
			const text = new Y.XmlText();
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [text]);
			fragment.insert(fragment.length, [paragraph]);
			for (let w = 0; w < 30; w++) {
				const word = words[(w + n + p) % words.length];
				const marks = w % 11 === 3 ? { strong: {} } : w % 13 === 5 ? { em: {} } : undefined;
				doc.transact(() => text.insert(text.length, `${word} `, marks));
				if (w % 9 === 8) {
					doc.transact(() => text.delete(text.length - word.length - 1, word.length + 1));
					doc.transact(() => text.insert(text.length, `${word} `));
				}
			}
		}
	}
}

function colour(index: number): string {
	return `hsl(${(index * 24) % 360} 70% 40%)`;
}

function connect(server: ServerChild, groupId: string, member: Member, doc = new Y.Doc()): Client {
	const provider = new WebsocketProvider(
		`${server.url.replace(/^http/, 'ws')}/sync`,
		`group:${groupId}`,
		doc,
		{
			params: { token: member.token },
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		}
	);
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

function synced(client: Client): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

/** Resolves when the server says everything this client sent is stored. */
function stored(client: Client): Promise<void> {
	const acked = deferred<void>();
	client.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
		if (decoding.readVarUint(decoder) === 1) acked.resolve();
	};
	(client.provider.ws as unknown as WebSocket).send(encodeAck(1));
	return acked.promise;
}

/** A presence state like the app's: who, where, and a cursor as two relative positions. */
function presence(client: Client, member: Member, index: number, pageId: string): void {
	const text = client.doc.getXmlFragment(`page:${pageId}`).get(1) as Y.XmlElement;
	const inner = text.get(0) as Y.XmlText;
	const at = (offset: number) =>
		Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(inner, Math.min(offset, inner.length)));
	client.provider.awareness.setLocalState({
		user: { id: member.id, name: member.name, color: colour(index) },
		page: pageId,
		cursor: { anchor: at(index * 3), head: at(index * 3 + 5) }
	});
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
	for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const signedKib = (bytes: number) => `${bytes >= 0 ? '+' : ''}${kib(bytes)}`;

async function main(cleanup: Cleanup): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'lederlogg-group-memory-'));
	cleanup.add('remove the data directory', () => rmSync(dataDir, { recursive: true, force: true }));
	const server = new ServerChild();
	cleanup.add('stop the server', () => server.stop());
	await server.start(dataDir);
	log(`server pid ${server.pid} at ${server.url}`);

	const admin = await call<{ token: string }>(server, 'POST', '/api/auth/login', {
		email: ADMIN.email,
		password: ADMIN.password
	});
	const { id: programmeId } = await call<{ id: string }>(
		server,
		'POST',
		'/api/programmes',
		{ name: 'Kull benk' },
		admin.token
	);
	const members: Member[] = [];
	for (let i = 0; i < MEMBERS; i++) {
		const name = `Deltaker ${i + 1}`;
		const invite = await call<{ code: string }>(
			server,
			'POST',
			`/api/programmes/${programmeId}/invites`,
			{ email: `deltaker${i + 1}@example.org`, name, role: 'participant' },
			admin.token
		);
		const accepted = await call<{ token: string; user: { id: string } }>(
			server,
			'POST',
			`/api/invites/${invite.code}/accept`,
			{ name, password: 'bench password 1' }
		);
		members.push({ id: accepted.user.id, name, token: accepted.token });
	}
	const groupIds: string[] = [];
	for (let g = 0; g <= GROUPS; g++) {
		const { id } = await call<{ id: string }>(
			server,
			'POST',
			`/api/programmes/${programmeId}/groups`,
			{ name: `Gruppe ${g + 1}`, memberIds: members.map((m) => m.id) },
			admin.token
		);
		groupIds.push(id);
	}
	log(`${MEMBERS} participants, ${GROUPS} groups of ${MEMBERS} (and one to warm up)`);
	const clients: Client[] = [];
	cleanup.add('close the clients', () => clients.splice(0).forEach((c) => c.destroy()));

	// Warm-up: one group opened and left, so what the first room costs once (code, caches) is not
	// counted against every group.
	const warmUp = groupIds.pop()!;
	const writer = connect(server, warmUp, members[0], new Y.Doc());
	writeNotes(writer.doc, GROUPS, members[0]);
	const reader = connect(server, warmUp, members[1]);
	clients.push(writer, reader);
	await withTimeout(Promise.all([synced(writer), synced(reader)]), 30_000, 'the warm-up group');
	presence(writer, members[0], 0, `g${GROUPS}-p0`);
	presence(reader, members[1], 1, `g${GROUPS}-p1`);
	await withTimeout(stored(writer), 30_000, 'the warm-up notes to be stored');
	await until(() => reader.provider.awareness.getStates().size === 2, 30_000, 'warm-up presence');
	await leave(server, clients);

	const samples: Sample[] = [await server.measure('no room open', 0)];

	// One writer per group: the group's notes, stored.
	let docBytes = 0;
	let textChars = 0;
	await inBatches(
		groupIds.map((id, g) => ({ id, g })),
		CONNECT_BATCH,
		async ({ id, g }) => {
			const doc = new Y.Doc();
			writeNotes(doc, g, members[0]);
			if (g === 0) {
				docBytes = Y.encodeStateAsUpdate(doc).byteLength;
				for (let p = 0; p < PAGES; p++) textChars += doc.getXmlFragment(`page:g0-p${p}`).toString().length;
			}
			const client = connect(server, id, members[0], doc);
			clients.push(client);
			await withTimeout(synced(client), 30_000, 'a writer to sync');
			presence(client, members[0], 0, `g${g}-p0`);
			await withTimeout(stored(client), 30_000, 'the notes to be stored');
		}
	);
	await sleep(500);
	samples.push(await server.measure('1 client per group', clients.length));

	// The other 14 members join every group, with presence.
	const joins = groupIds.flatMap((id, g) =>
		members.slice(1).map((member, i) => ({ id, g, member, index: i + 1 }))
	);
	await inBatches(joins, CONNECT_BATCH, async ({ id, g, member, index }) => {
		const client = connect(server, id, member);
		clients.push(client);
		await withTimeout(synced(client), 60_000, 'a member to sync');
		presence(client, member, index, `g${g}-p${index % PAGES}`);
	});
	await until(
		() => clients.every((c) => c.provider.awareness.getStates().size === MEMBERS),
		120_000,
		'every client to see all 15 present'
	);
	await sleep(500);
	samples.push(await server.measure(`${MEMBERS} clients per group`, clients.length));

	samples.push(await leave(server, clients));

	report(samples, docBytes, textChars);
}

/** Closes every client and waits for the server to unload their rooms. */
async function leave(server: ServerChild, clients: Client[]): Promise<Sample> {
	for (const client of clients.splice(0)) client.destroy();
	const deadline = Date.now() + 60_000;
	let after = await server.measure('everyone left', 0);
	while (after.rooms > 0 && Date.now() < deadline) {
		await sleep(250);
		after = await server.measure('everyone left', 0);
	}
	return after;
}

function report(samples: Sample[], docBytes: number, textChars: number): void {
	const [base, one, full, left] = samples;
	console.log(`\nServer memory per open colloquium group document (${GROUPS} groups of ${MEMBERS} members)`);
	console.log(
		`Each group: ${PAGES} pages of rich text, ${textChars} characters of XML in all; its Yjs state ${kib(docBytes)}`
	);
	console.log('\n| state | rooms | sockets | RSS | heap used | external + array buffers |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	for (const { label, rooms, sockets, memory } of samples) {
		console.log(
			`| ${label} | ${rooms} | ${sockets} | ${mib(memory.rss)} | ${mib(memory.heapUsed)} | ${mib(memory.external + memory.arrayBuffers)} |`
		);
	}
	const per = (a: Sample, b: Sample, n: number, key: keyof Memory) => (b.memory[key] - a.memory[key]) / n;
	const row = (label: string, a: Sample, b: Sample, n: number) =>
		console.log(
			`| ${label} | ${signedKib(per(a, b, n, 'heapUsed'))} | ${signedKib(per(a, b, n, 'rss'))} | ${signedKib(per(a, b, n, 'external') + per(a, b, n, 'arrayBuffers'))} |`
		);
	console.log('\n| per … | heap used | RSS | external + array buffers |');
	console.log('| --- | ---: | ---: | ---: |');
	row('open group document, 1 client', base, one, GROUPS);
	row(`open group document, ${MEMBERS} clients`, base, full, GROUPS);
	row('further connection (with presence)', one, full, GROUPS * (MEMBERS - 1));
	row('group after everyone left', base, left, GROUPS);
	console.log(
		'\nRSS includes what V8 and the allocator keep after a GC, so it moves in steps; heap used is the tighter figure.'
	);
}

// Every y-websocket provider in Node listens for the process's exit.
process.setMaxListeners(0);
const cleanup = new Cleanup();
process.on('SIGINT', () => void cleanup.run().then(() => process.exit(130)));
main(cleanup)
	.catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => cleanup.run());
