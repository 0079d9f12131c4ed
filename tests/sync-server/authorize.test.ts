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

describe('authorizeRoom: owned rooms and guests', () => {
	const owner = { id: 'u-1' };
	const nobody: MembershipLookup = () => null;
	const grants: Record<string, 'read' | 'write'> = {
		'user:u-1:plan|u-2': 'read',
		'user:u-1:conversation:c-1|g-1': 'write'
	};
	const grantOf = (room: string, userId: string) => grants[`${room}|${userId}`] ?? null;

	it('lets the owner write and others only as granted', () => {
		expect(authorizeRoom('user:u-1:plan', owner, nobody, grantOf)).toEqual({ ok: true, access: 'write' });
		expect(authorizeRoom('user:u-1:plan', { id: 'u-2' }, nobody, grantOf)).toEqual({
			ok: true,
			access: 'read'
		});
		expect(authorizeRoom('user:u-1:plan', { id: 'u-3' }, nobody, grantOf)).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(authorizeRoom('user:u-1:conversation:c-1', { id: 'g-1', guest: true }, nobody, grantOf)).toEqual({
			ok: true,
			access: 'write'
		});
	});

	it('never grants the private workspace, and a guest opens nothing of its own', () => {
		expect(authorizeRoom('user:u-1', { id: 'u-2' }, nobody, () => 'write')).toEqual({
			ok: false,
			code: 'forbidden'
		});
		const guest = { id: 'g-1', guest: true };
		expect(authorizeRoom('user:g-1', guest, nobody, grantOf)).toEqual({ ok: false, code: 'forbidden' });
		expect(authorizeRoom('user:g-1:plan', guest, nobody, grantOf)).toEqual({ ok: false, code: 'forbidden' });
		expect(authorizeRoom('user:u-1:plan', guest, nobody, grantOf)).toEqual({ ok: false, code: 'forbidden' });
	});

	it('does not know malformed owned room names', () => {
		for (const room of ['user:u-1:', 'user:u-1:Plan', 'user:u-1:plan:', 'user:u-1:plan:a:b', 'user::plan']) {
			expect(
				authorizeRoom(room, owner, nobody, () => 'write'),
				room
			).toEqual({ ok: false, code: 'unknownRoom' });
		}
	});
});

describe('authorizeRoom: idea markets and groups', () => {
	const user = { id: 'u-1' };
	const as =
		(role: MemberRole): MembershipLookup =>
		(programmeId, userId) =>
			programmeId === 'p-1' && userId === 'u-1' ? role : null;
	const inGroup = (groupId: string, userId: string) => groupId === 'g-1' && userId === 'u-1';

	it('lets every member write the ideas room; only coordinators write the themes room, others read', () => {
		for (const role of ['coordinator', 'participant', 'coach', 'mentor'] as const) {
			expect(authorizeRoom('programme:p-1:ideas:e-1', user, as(role)), role).toEqual({
				ok: true,
				access: 'write'
			});
			expect(authorizeRoom('programme:p-1:themes:e_1', user, as(role)), role).toEqual({
				ok: true,
				access: role === 'coordinator' ? 'write' : 'read'
			});
		}
		expect(authorizeRoom('programme:p-2:ideas:e-1', user, as('coordinator'))).toEqual({
			ok: false,
			code: 'forbidden'
		});
		for (const room of [
			'programme:p-1:ideas',
			'programme:p-1:ideas:',
			'programme:p-1:themes:a:b',
			'programme:p-1:ideas:é'
		]) {
			expect(authorizeRoom(room, user, as('coordinator')), room).toEqual({ ok: false, code: 'unknownRoom' });
		}
	});

	it('lets the members of a group write its room, and nobody else (not a coordinator, not a guest)', () => {
		expect(authorizeRoom('group:g-1', user, as('participant'), undefined, inGroup)).toEqual({
			ok: true,
			access: 'write'
		});
		expect(authorizeRoom('group:g-2', user, as('coordinator'), undefined, inGroup)).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(
			authorizeRoom('group:g-1', { id: 'u-1', guest: true }, as('participant'), undefined, inGroup)
		).toEqual({
			ok: false,
			code: 'forbidden'
		});
		for (const room of ['group:', 'group:g-1:pages', 'groups:g-1']) {
			expect(
				authorizeRoom(room, user, as('coordinator'), undefined, () => true),
				room
			).toEqual({
				ok: false,
				code: 'unknownRoom'
			});
		}
	});
});

describe('authorizeRoom: pair rooms', () => {
	const inPair = (pairId: string, userId: string) => pairId === 'pr-1' && userId === 'u-1';
	const coordinator = () => 'coordinator' as const;

	it('lets the active pair’s two write its room, and nobody else (not a coordinator, not a guest)', () => {
		expect(authorizeRoom('pair:pr-1', { id: 'u-1' }, coordinator, undefined, undefined, inPair)).toEqual({
			ok: true,
			access: 'write'
		});
		for (const [room, user] of [
			['pair:pr-1', { id: 'u-2' }],
			['pair:pr-2', { id: 'u-1' }],
			['pair:pr-1', { id: 'u-1', guest: true }]
		] as const) {
			expect(authorizeRoom(room, user, coordinator, undefined, undefined, inPair), room).toEqual({
				ok: false,
				code: 'forbidden'
			});
		}
		for (const room of ['pair:', 'pair:pr-1:notes', 'pairs:pr-1']) {
			expect(
				authorizeRoom(room, { id: 'u-1' }, coordinator, undefined, undefined, () => true),
				room
			).toEqual({
				ok: false,
				code: 'unknownRoom'
			});
		}
	});
});

describe('programmeOfRoom', () => {
	it('names the programme of its document, discussion, idea markets and themes, and nothing else', () => {
		expect(programmeOfRoom('programme:p-1')).toBe('p-1');
		expect(programmeOfRoom('programme:p-1:discussion')).toBe('p-1');
		expect(programmeOfRoom('programme:p-1:ideas:e-1')).toBe('p-1');
		expect(programmeOfRoom('programme:p-1:themes:e-1')).toBe('p-1');
		for (const room of ['user:u-1', 'programme:', 'programme:p-1:other', 'p-1', 'group:g-1']) {
			expect(programmeOfRoom(room), room).toBeNull();
		}
	});
});
