/** The one sync status the app shows, computed from what the sync layer reports. */

export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

export interface SyncFacts {
	mode: 'local' | 'account' | 'none';
	online: boolean;
	connection: ConnectionState;
	/** The server has sent us its state for this session's connection. */
	synced: boolean;
	/** Local changes not yet acknowledged as stored by the server. */
	pending: number;
	/** The server refused our token: the user must sign in again. */
	authFailed: boolean;
	/** A permanent refusal other than auth (e.g. too large). */
	refused: boolean;
}

export type SyncStatus =
	| { kind: 'device-only' }
	| { kind: 'sign-in-needed'; pending: number }
	| { kind: 'refused'; pending: number }
	| { kind: 'saved' }
	| { kind: 'saving'; pending: number }
	| { kind: 'waiting'; pending: number; reason: 'offline' | 'connecting' }
	| { kind: 'offline-saved' };

export function syncStatus(f: SyncFacts): SyncStatus {
	if (f.mode !== 'account') return { kind: 'device-only' };
	if (f.authFailed) return { kind: 'sign-in-needed', pending: f.pending };
	if (f.refused) return { kind: 'refused', pending: f.pending };
	if (f.connection === 'connected' && f.synced) {
		return f.pending === 0 ? { kind: 'saved' } : { kind: 'saving', pending: f.pending };
	}
	if (f.pending === 0) return { kind: 'offline-saved' };
	const reason = !f.online || f.connection === 'disconnected' ? 'offline' : 'connecting';
	return { kind: 'waiting', pending: f.pending, reason };
}
