import { describe, expect, it } from 'vitest';
import { syncStatus, type SyncFacts } from '$domain/sync-status';

const facts = (over: Partial<SyncFacts> = {}): SyncFacts => ({
	mode: 'account',
	online: true,
	connection: 'connected',
	synced: true,
	pending: 0,
	authFailed: false,
	refused: false,
	...over
});

describe('sync status', () => {
	it('says "saved on the server" only when connected, synced and nothing pending', () => {
		expect(syncStatus(facts())).toEqual({ kind: 'saved' });
		expect(syncStatus(facts({ pending: 3 }))).toEqual({ kind: 'saving', pending: 3 });
		expect(syncStatus(facts({ synced: false, connection: 'connecting', pending: 2 }))).toEqual({
			kind: 'waiting',
			pending: 2,
			reason: 'connecting'
		});
	});

	it('counts waiting changes when offline', () => {
		expect(
			syncStatus(facts({ online: false, connection: 'disconnected', synced: false, pending: 4 }))
		).toEqual({
			kind: 'waiting',
			pending: 4,
			reason: 'offline'
		});
		expect(syncStatus(facts({ online: false, connection: 'disconnected', synced: false }))).toEqual({
			kind: 'offline-saved'
		});
	});

	it('asks to sign in again after an auth refusal, and is device-only without an account', () => {
		expect(syncStatus(facts({ authFailed: true, pending: 1 }))).toEqual({
			kind: 'sign-in-needed',
			pending: 1
		});
		expect(syncStatus(facts({ mode: 'local', pending: 9 }))).toEqual({ kind: 'device-only' });
	});
});
