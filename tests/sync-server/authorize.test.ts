import { describe, expect, it } from 'vitest';
import type { MemberRole } from '../../sync-server/programmes/memberships.ts';
import { authorizeRoom, programmeOfRoom, type MembershipLookup } from '../../sync-server/rooms/authorize.ts';

describe('authorizeRoom', () => {
	const user = { id: 'u-1' };
	const nobody: MembershipLookup = () => null;
	const as =
		(role: MemberRole): MembershipLookup =>
		(programmeId, userId) =>
			programmeId === 'p-1' && userId === 'u-1' ? role : null;

	it('lets an account write its own user room only', () => {
		expect(authorizeRoom('user:u-1', user, nobody)).toEqual({ ok: true, access: 'write' });
		expect(authorizeRoom('user:u-2', user, nobody)).toEqual({ ok: false, code: 'forbidden' });
		expect(authorizeRoom('user:', user, nobody)).toEqual({ ok: false, code: 'unknownRoom' });
	});

	it('lets coordinators write a programme room and other members read it', () => {
		expect(authorizeRoom('programme:p-1', user, as('coordinator'))).toEqual({ ok: true, access: 'write' });
		for (const role of ['participant', 'coach', 'mentor'] as const) {
			expect(authorizeRoom('programme:p-1', user, as(role)), role).toEqual({ ok: true, access: 'read' });
		}
	});

	it('lets every member write the discussion room', () => {
		for (const role of ['coordinator', 'participant', 'coach', 'mentor'] as const) {
			const decision = authorizeRoom('programme:p-1:discussion', user, as(role));
			expect(decision, role).toEqual({ ok: true, access: 'write' });
		}
	});

	it('forbids the rooms of programmes the account is not in, or that do not exist', () => {
		for (const room of ['programme:p-2', 'programme:p-2:discussion', 'programme:nope']) {
			expect(authorizeRoom(room, user, as('coordinator')), room).toEqual({ ok: false, code: 'forbidden' });
		}
	});

	it('does not know other room shapes', () => {
		const rooms = [
			'',
			'u-1',
			'USER:u-1',
			'user',
			' user:u-1',
			'programme:',
			'programme:p-1:other',
			'programme:p-1:'
		];
		for (const room of rooms) {
			expect(authorizeRoom(room, user, as('coordinator')), room).toEqual({ ok: false, code: 'unknownRoom' });
		}
	});
});

describe('programmeOfRoom', () => {
	it('names the programme of its document and its discussion, and nothing else', () => {
		expect(programmeOfRoom('programme:p-1')).toBe('p-1');
		expect(programmeOfRoom('programme:p-1:discussion')).toBe('p-1');
		for (const room of ['user:u-1', 'programme:', 'programme:p-1:other', 'p-1']) {
			expect(programmeOfRoom(room), room).toBeNull();
		}
	});
});
