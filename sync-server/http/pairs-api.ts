/**
 * Mentor pairs (programmes/pairs.ts). A scheme's coordinators match and end pairs; the pair's two
 * report their meetings' dates, which is all the coordinators see of what a pair does.
 *   POST   /api/programmes/:id/pairs  (coordinators) {mentorId, menteeId} → 201 {id}
 *   GET    /api/programmes/:id/pairs  (coordinators) → {pairs: CoordinatorPair[]}
 *   GET    /api/pairs                 → {pairs: Pair[]}: mine as mentor or mentee, active and ended
 *   GET    /api/pairs/:id             (the two, and the scheme's coordinators) → {pair}
 *   DELETE /api/pairs/:id             (the scheme's coordinators) → 204; every socket of `pair:<id>` closes
 *   PUT    /api/pairs/:id/meetings    (the two, while active) MeetingsReport → 204; replaces the last report
 * Unknown programme or pair → 404, not allowed → 403, a bad body, the same account twice or an account
 * outside the scheme → 400, not a mentor scheme, an active pair of the same two or an ended pair → 409.
 * Registrations are not required and mentors' capacity is not enforced: the coordinator decides.
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { Logger } from '../log.ts';
import { MeetingsReportSchema } from '../mentor-scheme.ts';
import type { Programmes } from '../programmes/index.ts';
import type { PairRef, ReportedPair, StoredPair } from '../programmes/pairs.ts';
import {
	COORDINATORS_ONLY,
	fail,
	isoDate,
	parseBody,
	programmeAccess,
	requireIdentity,
	type ApiEnv
} from './common.ts';
import { NOT_A_SCHEME } from './registrations-api.ts';
import { PairBody } from './schemas.ts';

export interface PairRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	logger: Logger;
	now: () => number;
	/** Called after a pair was ended, to close every socket to its room. */
	onPairEnded: (pairId: string) => void;
}

/** Who may reach a pair: its two, its scheme's coordinators, or either. */
type Who = 'theTwo' | 'coordinators' | 'either';

type Found = { ok: true; pair: PairRef } | { ok: false; response: Response };

export function pairRoutes(api: Hono<ApiEnv>, options: PairRoutesOptions): void {
	const { auth, programmes: p, logger, now } = options;
	const signedIn = requireIdentity(auth);
	const me = (c: Context<ApiEnv>) => c.get('identity').account.id;

	const pair = (c: Context<ApiEnv>, who: Who): Found => {
		const found = p.pairs.ref(c.req.param('id') ?? '');
		if (!found) return { ok: false, response: fail(c, 404, 'No such pair') };
		const userId = me(c);
		const oneOfTheTwo = found.mentorId === userId || found.menteeId === userId;
		const coordinator = p.members.role(found.programmeId, userId) === 'coordinator';
		const allowed =
			who === 'theTwo' ? oneOfTheTwo : who === 'coordinators' ? coordinator : oneOfTheTwo || coordinator;
		if (!allowed) {
			const error = who === 'coordinators' ? COORDINATORS_ONLY : 'Not your pair';
			return { ok: false, response: fail(c, 403, error) };
		}
		return { ok: true, pair: found };
	};

	api.post('/programmes/:id/pairs', signedIn, async (c) => {
		const found = programmeAccess(c, p, true);
		if (!found.ok) return found.response;
		if (found.programme.kind !== 'mentor-scheme') return fail(c, 409, NOT_A_SCHEME);
		const body = await parseBody(c, PairBody);
		if (!body.ok) return fail(c, 400, body.error);
		const programmeId = found.programme.id;
		const created = p.pairs.create({ ...body.value, programmeId, createdBy: found.userId }, now());
		if (!created.ok) {
			return created.reason === 'notMembers'
				? fail(c, 400, `Not members of the scheme: ${created.ids.join(', ')}`)
				: fail(c, 409, 'These two already are an active pair');
		}
		logger.info('pair created', { programmeId, pairId: created.id });
		return c.json({ id: created.id }, 201);
	});

	api.get('/programmes/:id/pairs', signedIn, (c) => {
		const found = programmeAccess(c, p, true);
		if (!found.ok) return found.response;
		return c.json({ pairs: p.pairs.listForProgramme(found.programme.id).map(coordinatorPair) });
	});

	api.get('/pairs', signedIn, (c) => c.json({ pairs: p.pairs.listForMember(me(c)).map(publicPair) }));

	api.get('/pairs/:id', signedIn, (c) => {
		const found = pair(c, 'either');
		if (!found.ok) return found.response;
		return c.json({ pair: publicPair(p.pairs.find(found.pair.id)!) });
	});

	api.delete('/pairs/:id', signedIn, (c) => {
		const found = pair(c, 'coordinators');
		if (!found.ok) return found.response;
		const ended = p.pairs.end(found.pair.id, me(c), now());
		// Also for a pair that had ended: no socket may stay open to its room.
		options.onPairEnded(found.pair.id);
		if (ended) logger.info('pair ended', { programmeId: found.pair.programmeId, pairId: found.pair.id });
		return c.body(null, 204);
	});

	api.put('/pairs/:id/meetings', signedIn, async (c) => {
		const found = pair(c, 'theTwo');
		if (!found.ok) return found.response;
		if (found.pair.endedAt !== null) return fail(c, 409, 'The pair has ended');
		const body = await parseBody(c, MeetingsReportSchema, true);
		if (!body.ok) return fail(c, 400, body.error);
		if (!p.pairs.reportMeetings(found.pair.id, body.value.meetings, now())) {
			return fail(c, 409, 'The pair has ended');
		}
		logger.info('meetings reported', { pairId: found.pair.id, meetings: body.value.meetings.length });
		return c.body(null, 204);
	});
}

/** `Pair` (domain/pair.ts): the two by name, never their e-mails. */
function publicPair(pair: StoredPair) {
	return {
		id: pair.id,
		programmeId: pair.programmeId,
		programmeName: pair.programmeName,
		mentor: pair.mentor,
		mentee: pair.mentee,
		createdAt: isoDate(pair.createdAt),
		endedAt: pair.endedAt === null ? null : isoDate(pair.endedAt)
	};
}

/** `CoordinatorPair`: the pair and the dates its devices last reported, nothing of its content. */
function coordinatorPair(pair: ReportedPair) {
	return {
		...publicPair(pair),
		meetings: pair.meetings,
		reportedAt: pair.reportedAt === null ? null : isoDate(pair.reportedAt)
	};
}
