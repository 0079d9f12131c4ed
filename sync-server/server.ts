/**
 * Wires the pieces into one HTTP(S) server: /api → hono, /sync/<room> → WebSocket upgrade,
 * everything else → the built SPA. `close()` stops accepting, flushes every room, closes the sockets
 * with 1001 and closes the database.
 */
import { getRequestListener } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Auth } from './auth/auth.ts';
import { hashPassword } from './auth/passwords.ts';
import { loadSigningKey } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db.ts';
import { createApi } from './http/api.ts';
import { createStaticHandler } from './http/static.ts';
import { createLogger, type Logger } from './log.ts';
import { pairRoom } from './mentor-scheme.ts';
import { Programmes } from './programmes/index.ts';
import { Sharing } from './sharing/index.ts';
import { authorizeRoom, groupRoom, programmeOfRoom } from './rooms/authorize.ts';
import { SyncEndpoint, type EndpointOptions } from './rooms/endpoint.ts';
import { SqliteStorage } from './storage/sqlite.ts';
import type { RoomStorage } from './storage/storage.ts';

export interface SyncServerOptions {
	config: Config;
	/** Room storage; defaults to SQLite in the server's database file. */
	storage?: RoomStorage;
	now?: () => number;
	logger?: Logger;
	/** Room policy; defaults to `authorizeRoom` (rooms/authorize.ts) with the membership, grant, group and pair tables. */
	authorize?: EndpointOptions['authorize'];
}

export interface SyncServer {
	listen(): Promise<{ port: number; url: string }>;
	close(): Promise<void>;
	readonly auth: Auth;
	readonly endpoint: SyncEndpoint;
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export function createSyncServer(options: SyncServerOptions): SyncServer {
	const { config, storage, now = Date.now, logger, authorize } = options;
	const log = logger ?? createLogger(config.logLevel);
	const db = openDatabase(config.dataDir);
	const roomStorage = storage ?? new SqliteStorage(db, { closeDb: false });
	const auth = new Auth({
		db,
		signingKey: loadSigningKey(config.dataDir),
		tokenTtlMs: config.tokenTtlMs,
		now
	});
	auth.sessions.prune(now());
	const programmes = new Programmes(db, auth.accounts);
	const sharing = new Sharing(db, auth.accounts);
	const endpoint = new SyncEndpoint({
		...config,
		auth,
		storage: roomStorage,
		logger: log,
		authorize:
			authorize ??
			((room, user) =>
				authorizeRoom(
					room,
					user,
					(id, userId) => programmes.members.role(id, userId),
					(grantRoom, userId) => sharing.grants.access(grantRoom, userId),
					(groupId, userId) => programmes.groups.isMember(groupId, userId),
					(pairId, userId) => programmes.pairs.isOneOfActive(pairId, userId)
				)),
		// A member's last sync: when a socket to a programme's rooms opens, and again when it closes.
		onSocket: ({ userId, room }) => {
			const programmeId = programmeOfRoom(room);
			if (programmeId) programmes.members.recordSync(programmeId, userId, now());
		}
	});
	const api = getRequestListener(
		createApi({
			auth,
			logger: log,
			now,
			trustProxy: config.trustProxy,
			programmes,
			inviteTtlMs: config.inviteTtlMs,
			onLogout: (sessionId) => endpoint.closeSession(sessionId),
			// The programme's rooms and its groups' rooms (the member left those groups with it), and
			// every socket of the member's pairs in it, the other one's too (those pairs have ended).
			onMemberRemoved: (programmeId, userId) => {
				const groups = new Set(programmes.groups.idsOfProgramme(programmeId).map(groupRoom));
				endpoint.closeUserRooms(userId, (room) => programmeOfRoom(room) === programmeId || groups.has(room));
				endpoint.closeRooms(programmes.pairs.idsOfMember(programmeId, userId).map(pairRoom));
			},
			connectedMembers: (programmeId) =>
				endpoint.connectedUsers((room) => programmeOfRoom(room) === programmeId),
			sharing,
			onGrantChanged: (room, userId, change) =>
				change === 'removed'
					? endpoint.closeUserRooms(userId, [room])
					: endpoint.reconnectUserRooms(userId, [room]),
			onGroupMembersRemoved: (groupId, userIds) => {
				for (const userId of userIds) endpoint.closeUserRooms(userId, [groupRoom(groupId)]);
			},
			onGroupDeleted: (groupId) => endpoint.closeRooms([groupRoom(groupId)]),
			onPairEnded: (pairId) => endpoint.closeRooms([pairRoom(pairId)])
		}).fetch
	);
	const serveStatic = createStaticHandler(config.staticDir);

	const handler: http.RequestListener = (req, res) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		const path = req.url ?? '/';
		if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) void api(req, res);
		else serveStatic(req, res);
	};
	const server = config.tls
		? https.createServer(
				{ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
				handler
			)
		: http.createServer(handler);
	server.on('upgrade', (req, socket, head) => endpoint.handleUpgrade(req, socket, head));
	server.on('clientError', (_error, socket) => socket.destroy());

	let closed: Promise<void> | null = null;

	return {
		auth,
		endpoint,
		async listen() {
			await bootstrapAdmin(auth, config, log);
			await new Promise<void>((resolve, reject) => {
				server.once('error', reject);
				server.listen(config.port, config.host, () => {
					server.off('error', reject);
					resolve();
				});
			});
			const { port } = server.address() as AddressInfo;
			const scheme = config.tls ? 'https' : 'http';
			return { port, url: `${scheme}://${config.host}:${port}` };
		},
		close() {
			closed ??= (async () => {
				const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
				await endpoint.close();
				server.closeAllConnections();
				await stopped;
				await roomStorage.close();
				db.close();
				log.info('server closed');
			})();
			return closed;
		}
	};
}

/** Creates the coordinator from LEDERLOGG_ADMIN_* when the server has no account yet. */
async function bootstrapAdmin(auth: Auth, config: Config, log: Logger): Promise<void> {
	if (!config.admin || auth.accounts.count() > 0) return;
	const { email, password, name } = config.admin;
	const account = auth.accounts.createFirst({
		email,
		name,
		role: 'coordinator',
		passwordHash: await hashPassword(password)
	});
	if (account) log.info('administrator created from the environment', { email: account.email });
}
