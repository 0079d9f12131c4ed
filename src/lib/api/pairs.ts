/**
 * The mentor pairs I am one of (see domain/pair.ts): the list across schemes, one pair, and the
 * meetings report the pair's devices send so the coordinator sees that the two meet.
 */
import * as v from 'valibot';
import { PairSchema, type MeetingsReport, type Pair } from '$domain/pair';
import { call, type ApiResult } from './client';

const pairPath = (id: string) => `/api/pairs/${encodeURIComponent(id)}`;

export const pairsApi = {
	/** Mine, as mentor or mentee, active and ended, across schemes. */
	myPairs: (token: string): Promise<ApiResult<{ pairs: Pair[] }>> =>
		call('/api/pairs', { token }, v.object({ pairs: v.array(PairSchema) })),

	/** One pair (the two and the scheme's coordinators; 403 for others, 404 unknown). */
	pair: (id: string, token: string): Promise<ApiResult<{ pair: Pair }>> =>
		call(pairPath(id), { token }, v.object({ pair: PairSchema })),

	/** Replaces the pair's meetings report (the two, active pair only). */
	reportMeetings: (pairId: string, report: MeetingsReport, token: string): Promise<ApiResult<void>> =>
		call(`${pairPath(pairId)}/meetings`, { method: 'PUT', body: report, token }, null)
};
