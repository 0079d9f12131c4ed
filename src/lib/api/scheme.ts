/**
 * A mentor scheme on the server (see domain/mentor-registration.ts and domain/pair.ts): its
 * registration period, the registrations (mine, and every one for its coordinators) and its pairs
 * as the coordinators set them up. Answers are parsed with the domain schemas.
 */
import * as v from 'valibot';
import {
	RegistrationSchema,
	RegistrationWindowSchema,
	type Registration,
	type RegistrationDetails,
	type RegistrationPeriod,
	type RegistrationWindow,
	type Side
} from '$domain/mentor-registration';
import { CoordinatorPairSchema, type CoordinatorPair } from '$domain/pair';
import { call, type ApiResult } from './client';

const schemePath = (id: string, rest = '') => `/api/programmes/${encodeURIComponent(id)}${rest}`;
const Registrations = v.object({ registrations: v.array(RegistrationSchema) });

export const schemeApi = {
	/** When the scheme takes registrations, and whether it does today (members). */
	registrationWindow: (programmeId: string, token: string): Promise<ApiResult<RegistrationWindow>> =>
		call(schemePath(programmeId, '/registration'), { token }, RegistrationWindowSchema),

	/** Sets the period (coordinators). */
	setRegistrationPeriod: (
		programmeId: string,
		period: RegistrationPeriod,
		token: string
	): Promise<ApiResult<RegistrationWindow>> =>
		call(
			schemePath(programmeId, '/registration'),
			{ method: 'PUT', body: period, token },
			RegistrationWindowSchema
		),

	/** Registers me on one side, or changes my registration (409 outside the period). */
	register: (
		programmeId: string,
		details: RegistrationDetails,
		token: string
	): Promise<ApiResult<{ registration: Registration }>> =>
		call(
			schemePath(programmeId, '/registrations/me'),
			{ method: 'PUT', body: details, token },
			v.object({ registration: RegistrationSchema })
		),

	/** My registrations in the scheme (0–2, one per side). */
	myRegistrations: (
		programmeId: string,
		token: string
	): Promise<ApiResult<{ registrations: Registration[] }>> =>
		call(schemePath(programmeId, '/registrations/me'), { token }, Registrations),

	/** Withdraws my registration on one side. */
	withdraw: (programmeId: string, side: Side, token: string): Promise<ApiResult<void>> =>
		call(
			schemePath(programmeId, `/registrations/me/${encodeURIComponent(side)}`),
			{ method: 'DELETE', token },
			null
		),

	/** Every registration of the scheme (coordinators; names, never e-mails). */
	registrations: (
		programmeId: string,
		token: string
	): Promise<ApiResult<{ registrations: Registration[] }>> =>
		call(schemePath(programmeId, '/registrations'), { token }, Registrations),

	/** The scheme's pairs with their meeting reports (coordinators), active and ended. */
	programmePairs: (programmeId: string, token: string): Promise<ApiResult<{ pairs: CoordinatorPair[] }>> =>
		call(schemePath(programmeId, '/pairs'), { token }, v.object({ pairs: v.array(CoordinatorPairSchema) })),

	/** Makes a pair (coordinators). Registrations and capacity are not required by the server. */
	createPair: (
		programmeId: string,
		body: { mentorId: string; menteeId: string },
		token: string
	): Promise<ApiResult<{ id: string }>> =>
		call(schemePath(programmeId, '/pairs'), { method: 'POST', body, token }, v.object({ id: v.string() })),

	/** Ends a pair (coordinators of its scheme): its room closes for the two. */
	endPair: (pairId: string, token: string): Promise<ApiResult<void>> =>
		call(`/api/pairs/${encodeURIComponent(pairId)}`, { method: 'DELETE', token }, null)
};
