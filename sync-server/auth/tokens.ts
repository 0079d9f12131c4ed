/**
 * Access tokens: HS256 JWTs with sub = user id, sid = session id, iat, exp.
 * The key is 32 random bytes in `DATA_DIR/signing.key` (mode 0600), made once and reused,
 * so tokens survive a restart. A valid signature is not enough: the session must also be live.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIGNING_KEY_FILE = 'signing.key';
const KEY_LENGTH = 32;

export interface TokenClaims {
	userId: string;
	sessionId: string;
	/** Milliseconds since the epoch. */
	expiresAt: number;
}

export function loadSigningKey(dataDir: string): Uint8Array {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, SIGNING_KEY_FILE);
	try {
		const key = readFileSync(file);
		if (key.length !== KEY_LENGTH) throw new Error(`${file} must hold exactly ${KEY_LENGTH} bytes`);
		return new Uint8Array(key);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const key = randomBytes(KEY_LENGTH);
	try {
		writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
	} catch (error) {
		// Another process (the accounts CLI) created it first: use theirs.
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new Uint8Array(readFileSync(file));
		throw error;
	}
	chmodSync(file, 0o600);
	return new Uint8Array(key);
}

export async function signToken(key: Uint8Array, claims: TokenClaims, now = Date.now()): Promise<string> {
	return new SignJWT({ sid: claims.sessionId })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(claims.userId)
		.setIssuedAt(Math.floor(now / 1000))
		.setExpirationTime(Math.floor(claims.expiresAt / 1000))
		.sign(key);
}

/** The claims of a well-signed, unexpired token, or null. Never throws for bad input. */
export async function verifyToken(
	key: Uint8Array,
	token: string,
	now = Date.now()
): Promise<TokenClaims | null> {
	try {
		const { payload } = await jwtVerify(token, key, {
			algorithms: ['HS256'],
			currentDate: new Date(now),
			requiredClaims: ['sub', 'sid', 'exp', 'iat']
		});
		if (
			typeof payload.sub !== 'string' ||
			typeof payload.sid !== 'string' ||
			typeof payload.exp !== 'number'
		) {
			return null;
		}
		return { userId: payload.sub, sessionId: payload.sid, expiresAt: payload.exp * 1000 };
	} catch (error) {
		if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
		throw error;
	}
}
