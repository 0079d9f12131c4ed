import { describe, expect, it } from 'vitest';
import { authorizeRoom } from '../../sync-server/rooms/authorize.ts';

describe('authorizeRoom', () => {
	const user = { id: 'u-1' };

	it('lets an account write its own user room only', () => {
		expect(authorizeRoom('user:u-1', user)).toEqual({ ok: true, access: 'write' });
		expect(authorizeRoom('user:u-2', user)).toEqual({ ok: false, code: 'forbidden' });
		expect(authorizeRoom('user:', user)).toEqual({ ok: false, code: 'unknownRoom' });
	});

	it('does not know other room shapes', () => {
		for (const room of ['', 'u-1', 'programme:1', 'USER:u-1', 'user', ' user:u-1']) {
			expect(authorizeRoom(room, user), room).toEqual({ ok: false, code: 'unknownRoom' });
		}
	});
});
