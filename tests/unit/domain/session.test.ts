import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { discussionRoom, MemberSchema, programmeOfRoom, programmeRoom } from '$domain/session';

describe('MemberSchema', () => {
	const member = { userId: 'u1', name: 'Kari', email: 'kari@example.no', role: 'participant' };

	it('reads when the member last synced and whether they are connected', () => {
		const parsed = v.parse(MemberSchema, { ...member, lastSyncedAt: 1_760_000_000_000, connected: true });
		expect(parsed).toMatchObject({ lastSyncedAt: 1_760_000_000_000, connected: true });
	});

	it('treats a server that does not say as never synced and not connected', () => {
		expect(v.parse(MemberSchema, member)).toMatchObject({ lastSyncedAt: null, connected: false });
		expect(v.parse(MemberSchema, { ...member, lastSyncedAt: null })).toMatchObject({ lastSyncedAt: null });
	});

	it('refuses a time that is not a number', () => {
		expect(v.safeParse(MemberSchema, { ...member, lastSyncedAt: '2026-01-01' }).success).toBe(false);
	});
});

describe('programmeOfRoom', () => {
	it('finds the programme of its document and discussion rooms, and nothing else', () => {
		expect(programmeOfRoom(programmeRoom('p1'))).toBe('p1');
		expect(programmeOfRoom(discussionRoom('p1'))).toBe('p1');
		expect(programmeOfRoom('user:p1')).toBe('');
		expect(programmeOfRoom('programme:p1:other')).toBe('');
	});

	it("finds the programme of a seminar's idea market and themes", () => {
		expect(programmeOfRoom('programme:p1:ideas:seminar-1')).toBe('p1');
		expect(programmeOfRoom('programme:p1:themes:seminar-1')).toBe('p1');
		expect(programmeOfRoom('programme:p1:ideas:')).toBe('');
		expect(programmeOfRoom('group:p1')).toBe('');
	});
});
