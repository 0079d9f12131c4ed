/**
 * Password hashing with scrypt (node:crypto): a random salt per password, parameters stored
 * with the hash so they can be raised later. Encoded as `scrypt$N$r$p$salt$hash` (base64url).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scryptCallback(
			password.normalize('NFC'),
			salt,
			keyLength,
			{ ...options, maxmem: 64 * 1024 * 1024 },
			(error, key) => (error ? reject(error) : resolve(key))
		);
	});
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_LENGTH);
	const hash = await scrypt(password, salt, KEY_LENGTH, PARAMS);
	const { N, r, p } = PARAMS;
	return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Constant-time comparison; false for a malformed encoding, never throws for bad input. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
	const parts = encoded.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	const salt = Buffer.from(parts[4], 'base64url');
	const expected = Buffer.from(parts[5], 'base64url');
	if (![N, r, p].every(Number.isInteger) || expected.length === 0) return false;
	try {
		const actual = await scrypt(password, salt, expected.length, { N, r, p });
		return timingSafeEqual(actual, expected);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real verification, for unknown accounts (no timing oracle). */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('dummy password for timing');
	await verifyPassword(password, await dummyHash);
	return false;
}
