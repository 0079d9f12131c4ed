/**
 * Registering for a mentor scheme (programmes/registrations.ts). Bodies are parsed with the domain's
 * schemas (through mentor-scheme.ts); a 400 names the field (`library: required`).
 *   GET    /api/programmes/:id/registration            (members) → RegistrationWindow {opensOn, closesOn, open}
 *   PUT    /api/programmes/:id/registration            (coordinators) RegistrationPeriod → RegistrationWindow
 *   PUT    /api/programmes/:id/registrations/me        (members) RegistrationDetails → {registration};
 *                                                      409 outside the period
 *   GET    /api/programmes/:id/registrations/me        (members) → {registrations}: mine, 0–2
 *   DELETE /api/programmes/:id/registrations/me/:side  (members) → 204; 404 if there is none
 *   GET    /api/programmes/:id/registrations           (coordinators) → {registrations}: names, never e-mails
 * `open` is decided with today's date in Norway. Writing to a programme that is not a mentor scheme → 409.
 * Logs carry ids and sides, never what anyone wrote.
 */
import type { Context, Hono } from 'hono';
import type { Auth } from '../auth/auth.ts';
import type { Logger } from '../log.ts';
import { RegistrationDetailsSchema, RegistrationPeriodSchema, SIDES, type Side } from '../mentor-scheme.ts';
import type { Programmes } from '../programmes/index.ts';
import type { StoredRegistration } from '../programmes/registrations.ts';
import {
	fail,
	isoDate,
	parseBody,
	programmeAccess,
	requireIdentity,
	type ApiEnv,
	type ProgrammeAccess
} from './common.ts';

export interface RegistrationRoutesOptions {
	auth: Auth;
	programmes: Programmes;
	logger: Logger;
	now: () => number;
}

export const NOT_A_SCHEME = 'This programme is not a mentor scheme';

export function registrationRoutes(api: Hono<ApiEnv>, options: RegistrationRoutesOptions): void {
	const { auth, programmes: p, logger, now } = options;
	const signedIn = requireIdentity(auth);

	/** As `programmeAccess`, and the programme must be a mentor scheme (else 409). */
	const scheme = (c: Context<ApiEnv>, coordinatorOnly: boolean): ProgrammeAccess => {
		const found = programmeAccess(c, p, coordinatorOnly);
		if (found.ok && found.programme.kind !== 'mentor-scheme') {
			return { ok: false, response: fail(c, 409, NOT_A_SCHEME) };
		}
		return found;
	};

	api.get('/programmes/:id/registration', signedIn, (c) => {
		const found = programmeAccess(c, p, false);
		if (!found.ok) return found.response;
		return c.json(p.registrations.window(found.programme.id, now()));
	});

	api.put('/programmes/:id/registration', signedIn, async (c) => {
		const found = scheme(c, true);
		if (!found.ok) return found.response;
		const body = await parseBody(c, RegistrationPeriodSchema, true);
		if (!body.ok) return fail(c, 400, body.error);
		p.registrations.setPeriod(found.programme.id, body.value);
		logger.info('registration period set', { programmeId: found.programme.id });
		return c.json(p.registrations.window(found.programme.id, now()));
	});

	api.put('/programmes/:id/registrations/me', signedIn, async (c) => {
		const found = scheme(c, false);
		if (!found.ok) return found.response;
		const body = await parseBody(c, RegistrationDetailsSchema, true);
		if (!body.ok) return fail(c, 400, body.error);
		const at = now();
		if (!p.registrations.window(found.programme.id, at)?.open) return fail(c, 409, 'Registration is closed');
		const registration = p.registrations.register(found.programme.id, found.userId, body.value, at);
		logger.info('registration saved', {
			programmeId: found.programme.id,
			userId: found.userId,
			side: body.value.side
		});
		return c.json({ registration: publicRegistration(registration) });
	});

	api.get('/programmes/:id/registrations/me', signedIn, (c) => {
		const found = programmeAccess(c, p, false);
		if (!found.ok) return found.response;
		const mine = p.registrations.mine(found.programme.id, found.userId);
		return c.json({ registrations: mine.map(publicRegistration) });
	});

	api.delete('/programmes/:id/registrations/me/:side', signedIn, (c) => {
		const found = programmeAccess(c, p, false);
		if (!found.ok) return found.response;
		const side = c.req.param('side');
		if (!isSide(side) || !p.registrations.withdraw(found.programme.id, found.userId, side)) {
			return fail(c, 404, 'No such registration');
		}
		logger.info('registration withdrawn', { programmeId: found.programme.id, userId: found.userId, side });
		return c.body(null, 204);
	});

	api.get('/programmes/:id/registrations', signedIn, (c) => {
		const found = programmeAccess(c, p, true);
		if (!found.ok) return found.response;
		const all = p.registrations.listForProgramme(found.programme.id);
		return c.json({ registrations: all.map(publicRegistration) });
	});
}

const isSide = (side: string): side is Side => (SIDES as readonly string[]).includes(side);

/** `Registration` (domain/mentor-registration.ts): the account's name, never its e-mail. */
function publicRegistration(registration: StoredRegistration) {
	const { programmeId, userId, name, details, registeredAt, updatedAt } = registration;
	return {
		programmeId,
		userId,
		name,
		details,
		registeredAt: isoDate(registeredAt),
		updatedAt: isoDate(updatedAt)
	};
}
