import { decodeJwt, decodeProtectedHeader } from 'jose';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSigningKey, signToken, verifyToken } from '../../sync-server/auth/tokens.ts';

describe('tokens', () => {
	const dirs: string[] = [];
	const tempDir = () => {
		const dir = mkdtempSync(join(tmpdir(), 'lederlogg-tokens-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	const now = Date.UTC(2026, 0, 1);
	const claims = { userId: 'user-1', sessionId: 'session-1', expiresAt: now + 60_000 };

	it('creates a 32-byte key once, mode 0600, and reuses it', () => {
		const dir = tempDir();
		const key = loadSigningKey(dir);
		expect(key).toHaveLength(32);
		expect(statSync(join(dir, 'signing.key')).mode & 0o777).toBe(0o600);
		expect(loadSigningKey(dir)).toEqual(key);
		expect(loadSigningKey(tempDir())).not.toEqual(key);
	});

	it('signs HS256 with sub, sid, iat and exp, and verifies them back', async () => {
		const key = loadSigningKey(tempDir());
		const token = await signToken(key, claims, now);
		expect(decodeProtectedHeader(token).alg).toBe('HS256');
		expect(decodeJwt(token)).toEqual({
			sub: 'user-1',
			sid: 'session-1',
			iat: now / 1000,
			exp: (now + 60_000) / 1000
		});
		expect(await verifyToken(key, token, now)).toEqual(claims);
	});

	it('refuses expired, forged and malformed tokens', async () => {
		const key = loadSigningKey(tempDir());
		const token = await signToken(key, claims, now);
		expect(await verifyToken(key, token, now + 61_000)).toBeNull();
		expect(await verifyToken(loadSigningKey(tempDir()), token, now)).toBeNull();
		// Flip one bit of the signature's first byte (changing the last base64 characters can leave
		// the decoded bytes unchanged, since the final character carries padding bits).
		const [header, payload, signature] = token.split('.');
		const bytes = Buffer.from(signature, 'base64url');
		bytes[0] ^= 1;
		expect(await verifyToken(key, `${header}.${payload}.${bytes.toString('base64url')}`, now)).toBeNull();
		for (const junk of ['', 'a.b.c', 'not a token', 'e30.e30.'])
			expect(await verifyToken(key, junk, now)).toBeNull();
	});

	it('refuses an unsigned (alg none) token', async () => {
		const key = loadSigningKey(tempDir());
		const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const unsigned = `${encode({ alg: 'none' })}.${encode({ sub: 'u', sid: 's', iat: 1, exp: 9e9 })}.`;
		expect(await verifyToken(key, unsigned, now)).toBeNull();
	});
});
