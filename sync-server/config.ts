/**
 * Server configuration, read from environment variables. Every variable has a default:
 *
 * | Variable                   | Default         | Meaning                                                        |
 * | -------------------------- | --------------- | -------------------------------------------------------------- |
 * | `PORT`                     | `8080`          | TCP port (`0` picks a free one; the real port is printed)      |
 * | `HOST`                     | `localhost`     | Interface to bind (`0.0.0.0` for all)                          |
 * | `DATA_DIR`                 | `./data`        | SQLite database and signing key; created if missing            |
 * | `STATIC_DIR`               | `./build`       | The built app; without it, pages answer 503                    |
 * | `LEDERLOGG_ADMIN_EMAIL`    | —               | With the password: first coordinator, created if no account    |
 * | `LEDERLOGG_ADMIN_PASSWORD` | —               | exists at start                                                |
 * | `LEDERLOGG_ADMIN_NAME`     | `Administrator` | Name of that coordinator                                       |
 * | `TOKEN_TTL_DAYS`           | `30`            | Session lifetime; each refresh extends it (sliding)            |
 * | `INVITE_TTL_DAYS`          | `14`            | How long an invite code can be used                            |
 * | `MAX_FRAME_BYTES`          | `4194304`       | Largest WebSocket frame; above it the socket closes with 4413  |
 * | `MAX_AWARENESS_BYTES`      | `1024`          | Largest presence state (JSON); above it the socket closes 4413 |
 * | `RATE_LIMIT_PER_SECOND`    | `100`           | Frames per second per socket (burst 2×); above it 4429         |
 * | `COMPACT_AFTER_UPDATES`    | `500`           | Stored updates per room before they merge into a snapshot      |
 * | `LOG_LEVEL`                | `info`          | `debug`, `info`, `warn`, `error` or `silent`                   |
 * | `TRUST_PROXY`              | `false`         | `true` behind a reverse proxy: client address from X-Forwarded-For |
 * | `TLS_CERT_FILE`            | —               | With `TLS_KEY_FILE`: serve HTTPS and WSS                       |
 * | `TLS_KEY_FILE`             | —               | PEM private key for `TLS_CERT_FILE`                            |
 */
import { resolve } from 'node:path';
import { LOG_LEVELS, type LogLevel } from './log.ts';

export interface Config {
	port: number;
	host: string;
	dataDir: string;
	staticDir: string;
	admin: { email: string; password: string; name: string } | null;
	tokenTtlMs: number;
	inviteTtlMs: number;
	maxFrameBytes: number;
	/** Largest awareness (presence) state of one client, as JSON bytes. */
	maxAwarenessBytes: number;
	rateLimitPerSecond: number;
	compactAfterUpdates: number;
	logLevel: LogLevel;
	/** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
	trustProxy: boolean;
	tls: { certFile: string; keyFile: string } | null;
}

type Env = Record<string, string | undefined>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function loadConfig(env: Env = process.env): Config {
	const adminEmail = env.LEDERLOGG_ADMIN_EMAIL;
	const adminPassword = env.LEDERLOGG_ADMIN_PASSWORD;
	return {
		port: integer(env, 'PORT', 8080, 0),
		host: env.HOST || 'localhost',
		dataDir: resolve(env.DATA_DIR || 'data'),
		staticDir: resolve(env.STATIC_DIR || 'build'),
		admin:
			adminEmail && adminPassword
				? { email: adminEmail, password: adminPassword, name: env.LEDERLOGG_ADMIN_NAME || 'Administrator' }
				: null,
		tokenTtlMs: integer(env, 'TOKEN_TTL_DAYS', 30, 1) * DAY_MS,
		inviteTtlMs: integer(env, 'INVITE_TTL_DAYS', 14, 1) * DAY_MS,
		maxFrameBytes: integer(env, 'MAX_FRAME_BYTES', 4 * 1024 * 1024, 1024),
		maxAwarenessBytes: integer(env, 'MAX_AWARENESS_BYTES', 1024, 64),
		rateLimitPerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 100, 1),
		compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1),
		logLevel: logLevel(env.LOG_LEVEL),
		trustProxy: /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? ''),
		tls:
			env.TLS_CERT_FILE && env.TLS_KEY_FILE
				? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE }
				: null
	};
}

function integer(env: Env, name: string, fallback: number, min: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) {
		throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
	}
	return value;
}

function logLevel(raw: string | undefined): LogLevel {
	if (raw === undefined || raw === '') return 'info';
	if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
		throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
	}
	return raw as LogLevel;
}
