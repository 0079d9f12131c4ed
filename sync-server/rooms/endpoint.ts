/**
 * The WebSocket endpoint `/sync/<room>?token=…`. Authorisation happens in the HTTP upgrade, before
 * any document is loaded or any frame sent. A refusal still completes the handshake and closes at
 * once with an application code (4401/4403/4404), because the y-websocket client stops retrying on
 * 4400–4499 but retries forever on an HTTP error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Auth, Identity } from '../auth/auth.ts';
import type { Logger } from '../log.ts';
import { CLOSE_CODES } from '../protocol.ts';
import type { RoomStorage } from '../storage/storage.ts';
import type { RoomDecision, RoomUser } from './authorize.ts';
import { Connection } from './connection.ts';
import { RoomRegistry } from './registry.ts';

export interface EndpointOptions {
	auth: Auth;
	storage: RoomStorage;
	logger: Logger;
	maxFrameBytes: number;
	/** Largest awareness state of one client (rooms/awareness.ts). */
	maxAwarenessBytes: number;
	rateLimitPerSecond: number;
	compactAfterUpdates: number;
	/** Room policy, asked at every upgrade (server.ts: `authorizeRoom` with the membership table). */
	authorize: (room: string, user: RoomUser) => RoomDecision;
	/**
	 * Told when an authorised socket opens and when it closes (server.ts records a member's last
	 * sync). Once per socket and event; a refused socket is never reported.
	 */
	onSocket?: (event: SocketEvent) => void;
}

export interface SocketEvent {
	type: 'open' | 'close';
	userId: string;
	room: string;
}

/** Rooms by name, or a test on the name (e.g. every room of a programme). */
export type Rooms = readonly string[] | ((room: string) => boolean);

function roomTest(rooms: Rooms): (room: string) => boolean {
	return typeof rooms === 'function' ? rooms : (room) => rooms.includes(room);
}

/** An open socket and whose it is, to close it on logout or when its access is removed. */
interface OpenSocket {
	connection: Connection;
	sessionId: string;
	userId: string;
	room: string;
}

const PREFIX = '/sync/';
const CLOSE_GRACE_MS = 2000;

export class SyncEndpoint {
	readonly rooms: RoomRegistry;
	#wss: WebSocketServer;
	#options: EndpointOptions;
	#open = new Set<OpenSocket>();
	#closing = false;

	constructor(options: EndpointOptions) {
		this.#options = options;
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: 2 * options.maxFrameBytes });
		this.rooms = new RoomRegistry(options);
	}

	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		socket.on('error', () => socket.destroy());
		this.#upgrade(req, socket, head).catch((error: unknown) => {
			// The path only: the query carries the token, which is never logged.
			this.#options.logger.error('upgrade failed', { path: req.url?.split('?')[0], error });
			socket.destroy();
		});
	}

	/** Closes every socket of a revoked session with 4401. */
	closeSession(sessionId: string): void {
		this.#closeWhere((open) => open.sessionId === sessionId, CLOSE_CODES.unauthorized, 'signed out');
	}

	/** Closes every socket of the account in these rooms with 4403 (it lost access to them). */
	closeUserRooms(userId: string, rooms: Rooms): void {
		const inRooms = roomTest(rooms);
		this.#closeWhere(
			(open) => open.userId === userId && inRooms(open.room),
			CLOSE_CODES.forbidden,
			'access removed'
		);
	}

	/** Closes every socket in these rooms with 4403 (the room is gone, e.g. a deleted group). */
	closeRooms(rooms: Rooms): void {
		this.#closeWhere((open) => roomTest(rooms)(open.room), CLOSE_CODES.forbidden, 'room removed');
	}

	/** Closes every socket of the account in these rooms with 1001: it reconnects with its new access. */
	reconnectUserRooms(userId: string, rooms: Rooms): void {
		const inRooms = roomTest(rooms);
		this.#closeWhere(
			(open) => open.userId === userId && inRooms(open.room),
			CLOSE_CODES.goingAway,
			'access changed'
		);
	}

	/** The accounts with a socket open to any of these rooms right now. */
	connectedUsers(rooms: Rooms): Set<string> {
		const inRooms = roomTest(rooms);
		const users = new Set<string>();
		for (const open of this.#open) if (inRooms(open.room)) users.add(open.userId);
		return users;
	}

	/** Shutdown: refuse new sockets, flush every room, close sockets with 1001. */
	async close(): Promise<void> {
		this.#closing = true;
		await this.rooms.close(CLOSE_CODES.goingAway, 'server shutting down');
		for (const ws of this.#wss.clients) ws.close(CLOSE_CODES.goingAway, 'server shutting down');
		await waitForClose([...this.#wss.clients], CLOSE_GRACE_MS);
		// A socket terminated after the grace period reports its close later, when the caller may
		// have closed the database: report its end now.
		for (const open of [...this.#open]) this.#release(open);
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
	}

	async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (this.#closing || !url.pathname.startsWith(PREFIX)) {
			socket.end(
				`HTTP/1.1 ${this.#closing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
			);
			return;
		}
		const roomName = decodeRoom(url.pathname.slice(PREFIX.length));
		const identity = await this.#options.auth.authenticate(url.searchParams.get('token'));
		let refusal: { code: number; reason: string } | null = null;
		let access: 'read' | 'write' = 'read';
		if (!identity) refusal = { code: CLOSE_CODES.unauthorized, reason: 'unauthorized' };
		else if (roomName === null) refusal = { code: CLOSE_CODES.unknownRoom, reason: 'unknown room' };
		else {
			const decision = this.#options.authorize(roomName, identity.account);
			if (decision.ok) access = decision.access;
			else if (decision.code === 'forbidden') refusal = { code: CLOSE_CODES.forbidden, reason: 'forbidden' };
			else refusal = { code: CLOSE_CODES.unknownRoom, reason: 'unknown room' };
		}
		if (socket.destroyed) return;
		this.#wss.handleUpgrade(req, socket, head, (ws) => {
			if (refusal || !identity || roomName === null) {
				this.#options.logger.info('socket refused', { room: roomName, reason: refusal?.reason });
				ws.on('error', () => {});
				ws.close(refusal?.code ?? CLOSE_CODES.unauthorized, refusal?.reason ?? 'unauthorized');
				return;
			}
			this.#accept(ws, roomName, access, identity);
		});
	}

	#accept(ws: WebSocket, roomName: string, access: 'read' | 'write', identity: Identity): void {
		const { logger, maxFrameBytes, maxAwarenessBytes, rateLimitPerSecond } = this.#options;
		const { sessionId } = identity;
		const open = { sessionId, userId: identity.account.id, room: roomName } as OpenSocket;
		open.connection = new Connection(ws, {
			roomName,
			access,
			sessionId,
			userId: identity.account.id,
			maxFrameBytes,
			maxAwarenessBytes,
			rateLimitPerSecond,
			logger,
			onClose: () => this.#release(open)
		});
		const { connection } = open;
		this.#open.add(open);
		this.#report('open', open);
		this.rooms.join(roomName, connection).catch(() => {
			// Logged by the registry; the client keeps its data and retries later.
			connection.close(CLOSE_CODES.unavailable, 'document failed to load');
		});
	}

	/** The one way sockets are closed from outside (logout, access removed or changed, room removed). */
	#closeWhere(test: (open: OpenSocket) => boolean, code: number, reason: string): void {
		for (const open of [...this.#open]) if (test(open)) open.connection.close(code, reason);
	}

	#release(open: OpenSocket): void {
		if (this.#open.delete(open)) this.#report('close', open);
	}

	/** A failing listener is logged; it never breaks the socket or the server. */
	#report(type: SocketEvent['type'], { userId, room }: OpenSocket): void {
		try {
			this.#options.onSocket?.({ type, userId, room });
		} catch (error) {
			this.#options.logger.error('socket listener failed', { room, type, error });
		}
	}
}

function decodeRoom(raw: string): string | null {
	try {
		const name = decodeURIComponent(raw);
		return name.length > 0 && name.length <= 200 ? name : null;
	} catch {
		return null;
	}
}

function waitForClose(sockets: WebSocket[], graceMs: number): Promise<void> {
	const open = sockets.filter((ws) => ws.readyState !== ws.CLOSED);
	if (open.length === 0) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			for (const ws of open) ws.terminate();
			resolve();
		}, graceMs);
		let left = open.length;
		for (const ws of open) {
			ws.once('close', () => {
				if (--left === 0) {
					clearTimeout(timer);
					resolve();
				}
			});
		}
	});
}
