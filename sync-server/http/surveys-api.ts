/**
 * /api/programmes/:id/surveys/:survey — anonymous surveys (see programmes/surveys.ts).
 *   PUT    …/answer   {ratings} (participants) → 204: my answer, replacing my earlier one
 *   GET    …/answer   (participants) → {ratings, answeredAt}, or 404 if I have not answered
 *   DELETE …/answer   (participants) → 204: take my answer back
 *   GET    …          (coordinators) → {answers, minimum, items}: items is null below the minimum
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { Programmes } from '../programmes/index.ts';
import { fail, parseBody, requireIdentity, type ApiEnv } from './common.ts';
import { SurveyAnswerBody } from './schemas.ts';

export interface SurveyRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	now: () => number;
}

const SURVEY = /^[a-z0-9-]{1,40}$/;

export function surveyRoutes(api: Hono<ApiEnv>, { auth, programmes: p, now }: SurveyRoutesOptions): void {
	const signedIn = requireIdentity(auth);

	/** The programme, survey and caller if the caller has `role` in the programme. */
	const access = (c: Context<ApiEnv>, role: 'participant' | 'coordinator') => {
		const programme = p.programmes.find(c.req.param('id') ?? '');
		if (!programme) return { ok: false as const, response: fail(c, 404, 'No such programme') };
		const survey = c.req.param('survey') ?? '';
		if (!SURVEY.test(survey)) return { ok: false as const, response: fail(c, 404, 'No such survey') };
		const userId = c.get('identity').account.id;
		if (p.members.role(programme.id, userId) !== role) {
			return { ok: false as const, response: fail(c, 403, `Only the programme's ${role}s may do this`) };
		}
		return { ok: true as const, programmeId: programme.id, survey, userId };
	};

	api.put('/programmes/:id/surveys/:survey/answer', signedIn, async (c) => {
		const found = access(c, 'participant');
		if (!found.ok) return found.response;
		const body = await parseBody(c, SurveyAnswerBody);
		if (!body.ok) return fail(c, 400, body.error);
		p.surveys.answer(found.programmeId, found.survey, found.userId, body.value.ratings, now());
		return c.body(null, 204);
	});

	api.get('/programmes/:id/surveys/:survey/answer', signedIn, (c) => {
		const found = access(c, 'participant');
		if (!found.ok) return found.response;
		const mine = p.surveys.mine(found.programmeId, found.survey, found.userId);
		return mine ? c.json(mine) : fail(c, 404, 'You have not answered');
	});

	api.delete('/programmes/:id/surveys/:survey/answer', signedIn, (c) => {
		const found = access(c, 'participant');
		if (!found.ok) return found.response;
		p.surveys.withdraw(found.programmeId, found.survey, found.userId);
		return c.body(null, 204);
	});

	api.get('/programmes/:id/surveys/:survey', signedIn, (c) => {
		const found = access(c, 'coordinator');
		if (!found.ok) return found.response;
		return c.json(p.surveys.aggregate(found.programmeId, found.survey));
	});
}
