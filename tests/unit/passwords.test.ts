import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../sync-server/auth/passwords.ts';

describe('passwords', () => {
	it('hashes with scrypt and a fresh salt each time', async () => {
		const first = await hashPassword('correct horse');
		const second = await hashPassword('correct horse');
		expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
		expect(first).not.toBe(second);
		expect(first).not.toContain('correct horse');
	});

	it('verifies the right password only', async () => {
		const hash = await hashPassword('correct horse');
		expect(await verifyPassword('correct horse', hash)).toBe(true);
		expect(await verifyPassword('correct horse ', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('treats Unicode forms of one password as the same', async () => {
		const hash = await hashPassword('bl\u00e5b\u00e6r');
		expect(await verifyPassword('bla\u030ab\u00e6r', hash)).toBe(true);
	});

	it('returns false for malformed hashes instead of throwing', async () => {
		for (const bad of [
			'',
			'plain',
			'scrypt$x$8$1$c2FsdA$aGFzaA',
			'bcrypt$1$2$3$4$5',
			'scrypt$16384$8$1$c2FsdA$'
		]) {
			expect(await verifyPassword('anything', bad)).toBe(false);
		}
	});

	it('spends a verification on unknown accounts and always says no', async () => {
		expect(await verifyAgainstDummy('dummy password for timing')).toBe(false);
	});
});
