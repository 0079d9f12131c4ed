/**
 * The HTTP API of the sync server: the only place that calls fetch. Answers are parsed with the
 * domain schemas; failures come back as values, never thrown, so callers can say what happened.
 * Feature modules beside it (api/scheme.ts, api/pairs.ts) build their calls on `call`.
 */
import * as v from 'valibot';
import {
	AuthResponseSchema,
	InvitationSchema,
	MyProgrammeSchema,
	MemberSchema,
	InviteSchema,
	SurveyAggregateSchema,
	SurveyAnswerSchema,
	type SurveyAggregate,
	type SurveyAnswer,
	type Member,
	type Invite,
	type MemberRole,
	type AuthResponse,
	type Invitation,
	type MyProgramme
} from '$domain/session';
import {
	RoomGrantsSchema,
	RoomGrantSchema,
	RoomInvitationSchema,
	SharedWithMeSchema,
	type RoomAccessLevel,
	type RoomGrant,
	type RoomGrants,
	type RoomInvitation,
	type SharedWithMe
} from '$domain/sharing';

import { GroupSchema, type Group } from '$domain/group';

export type ApiResult<T> =
	| { ok: true; value: T }
	| { ok: false; kind: 'offline' }
	| { ok: false; kind: 'http'; status: number; error: string };

const TIMEOUT_MS = 10_000;

export async function call<T>(
	path: string,
	init: { method?: string; body?: unknown; token?: string },
	schema: v.GenericSchema<unknown, T> | null
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method: init.method ?? 'GET',
			headers: {
				...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(init.token ? { authorization: `Bearer ${init.token}` } : {})
			},
			body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
			signal: AbortSignal.timeout(TIMEOUT_MS),
			cache: 'no-store'
		});
	} catch {
		return { ok: false, kind: 'offline' };
	}
	const json: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const error = v.safeParse(v.object({ error: v.string() }), json);
		return {
			ok: false,
			kind: 'http',
			status: response.status,
			error: error.success ? error.output.error : ''
		};
	}
	if (!schema) return { ok: true, value: undefined as T };
	const parsed = v.safeParse(schema, json);
	if (!parsed.success)
		return { ok: false, kind: 'http', status: 502, error: 'unexpected answer from server' };
	return { ok: true, value: parsed.output };
}

export const api = {
	login: (email: string, password: string): Promise<ApiResult<AuthResponse>> =>
		call('/api/auth/login', { method: 'POST', body: { email, password } }, AuthResponseSchema),

	refresh: (token: string): Promise<ApiResult<AuthResponse>> =>
		call('/api/auth/refresh', { method: 'POST', token }, AuthResponseSchema),

	logout: (token: string): Promise<ApiResult<void>> =>
		call('/api/auth/logout', { method: 'POST', token }, null),

	setupNeeded: (): Promise<ApiResult<{ needed: boolean }>> =>
		call('/api/setup', {}, v.object({ needed: v.boolean() })),

	setup: (body: { name: string; email: string; password: string }): Promise<ApiResult<AuthResponse>> =>
		call('/api/setup', { method: 'POST', body }, AuthResponseSchema),

	myProgrammes: (token: string): Promise<ApiResult<{ programmes: MyProgramme[] }>> =>
		call('/api/programmes', { token }, v.object({ programmes: v.array(MyProgrammeSchema) })),

	members: (programmeId: string, token: string): Promise<ApiResult<{ members: Member[] }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/members`,
			{ token },
			v.object({ members: v.array(MemberSchema) })
		),

	addMember: (
		programmeId: string,
		body: { email: string; role: MemberRole },
		token: string
	): Promise<ApiResult<{ member: Member }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/members`,
			{ method: 'POST', body, token },
			v.object({ member: MemberSchema })
		),

	removeMember: (programmeId: string, userId: string, token: string): Promise<ApiResult<void>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/members/${encodeURIComponent(userId)}`,
			{ method: 'DELETE', token },
			null
		),

	invites: (programmeId: string, token: string): Promise<ApiResult<{ invites: Invite[] }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/invites`,
			{ token },
			v.object({ invites: v.array(InviteSchema) })
		),

	createInvite: (
		programmeId: string,
		body: { name: string; email: string; role: MemberRole },
		token: string
	): Promise<ApiResult<{ code: string; url: string }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/invites`,
			{ method: 'POST', body, token },
			v.object({ code: v.string(), url: v.string() })
		),

	revokeInvite: (programmeId: string, code: string, token: string): Promise<ApiResult<void>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/invites/${encodeURIComponent(code)}`,
			{ method: 'DELETE', token },
			null
		),

	/** Anonymous surveys (the competence self-assessment): my answer, and the coordinators' aggregate. */
	answerSurvey: (
		programmeId: string,
		survey: string,
		ratings: Record<string, number>,
		token: string
	): Promise<ApiResult<void>> =>
		call(surveyPath(programmeId, survey) + '/answer', { method: 'PUT', body: { ratings }, token }, null),

	mySurveyAnswer: (programmeId: string, survey: string, token: string): Promise<ApiResult<SurveyAnswer>> =>
		call(surveyPath(programmeId, survey) + '/answer', { token }, SurveyAnswerSchema),

	withdrawSurveyAnswer: (programmeId: string, survey: string, token: string): Promise<ApiResult<void>> =>
		call(surveyPath(programmeId, survey) + '/answer', { method: 'DELETE', token }, null),

	surveyAggregate: (
		programmeId: string,
		survey: string,
		token: string
	): Promise<ApiResult<SurveyAggregate>> =>
		call(surveyPath(programmeId, survey), { token }, SurveyAggregateSchema),

	/** Colloquium groups (see domain/group.ts). */
	myGroups: (token: string): Promise<ApiResult<{ groups: Group[] }>> =>
		call('/api/groups', { token }, v.object({ groups: v.array(GroupSchema) })),

	group: (groupId: string, token: string): Promise<ApiResult<{ group: Group }>> =>
		call(`/api/groups/${encodeURIComponent(groupId)}`, { token }, v.object({ group: GroupSchema })),

	programmeGroups: (programmeId: string, token: string): Promise<ApiResult<{ groups: Group[] }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/groups`,
			{ token },
			v.object({ groups: v.array(GroupSchema) })
		),

	createGroup: (
		programmeId: string,
		body: { name: string; memberIds: string[] },
		token: string
	): Promise<ApiResult<{ id: string }>> =>
		call(
			`/api/programmes/${encodeURIComponent(programmeId)}/groups`,
			{ method: 'POST', body, token },
			v.object({ id: v.string() })
		),

	setGroupMembers: (
		groupId: string,
		memberIds: string[],
		token: string
	): Promise<ApiResult<{ group: Group }>> =>
		call(
			`/api/groups/${encodeURIComponent(groupId)}/members`,
			{ method: 'PUT', body: { memberIds }, token },
			v.object({ group: GroupSchema })
		),

	renameGroup: (groupId: string, name: string, token: string): Promise<ApiResult<{ group: Group }>> =>
		call(
			`/api/groups/${encodeURIComponent(groupId)}`,
			{ method: 'PATCH', body: { name }, token },
			v.object({ group: GroupSchema })
		),

	deleteGroup: (groupId: string, token: string): Promise<ApiResult<void>> =>
		call(`/api/groups/${encodeURIComponent(groupId)}`, { method: 'DELETE', token }, null),

	invitation: (code: string): Promise<ApiResult<Invitation>> =>
		call(`/api/invites/${encodeURIComponent(code)}`, {}, InvitationSchema),

	/** Accepts an invitation: a new account (name, password), or an existing one signed in (token). */
	acceptInvite: (
		code: string,
		body: { name: string; password: string } | Record<string, never>,
		token?: string
	): Promise<ApiResult<AuthResponse>> =>
		call(
			`/api/invites/${encodeURIComponent(code)}/accept`,
			{ method: 'POST', body, token },
			AuthResponseSchema
		)
};

/** Sharing documents I own (see domain/sharing.ts); the room is one path segment. */
export const sharingApi = {
	sharedWithMe: (token: string): Promise<ApiResult<{ rooms: SharedWithMe[] }>> =>
		call('/api/shared', { token }, v.object({ rooms: v.array(SharedWithMeSchema) })),

	grants: (room: string, token: string): Promise<ApiResult<RoomGrants>> =>
		call(roomPath(room, '/grants'), { token }, RoomGrantsSchema),

	share: (
		room: string,
		userId: string,
		access: RoomAccessLevel,
		token: string
	): Promise<ApiResult<{ grant: Pick<RoomGrant, 'userId' | 'access'> }>> =>
		call(
			roomPath(room, `/grants/${encodeURIComponent(userId)}`),
			{ method: 'PUT', body: { access }, token },
			v.object({ grant: v.pick(RoomGrantSchema, ['userId', 'access']) })
		),

	/** Unshares (the owner), or leaves (the grantee, with their own id). */
	unshare: (room: string, userId: string, token: string): Promise<ApiResult<void>> =>
		call(roomPath(room, `/grants/${encodeURIComponent(userId)}`), { method: 'DELETE', token }, null),

	invite: (
		room: string,
		body: { name: string; email: string; access: RoomAccessLevel },
		token: string
	): Promise<ApiResult<{ code: string; url: string }>> =>
		call(
			roomPath(room, '/invites'),
			{ method: 'POST', body, token },
			v.object({ code: v.string(), url: v.string() })
		),

	revokeInvite: (room: string, code: string, token: string): Promise<ApiResult<void>> =>
		call(roomPath(room, `/invites/${encodeURIComponent(code)}`), { method: 'DELETE', token }, null),

	invitation: (code: string): Promise<ApiResult<RoomInvitation>> =>
		call(`/api/room-invites/${encodeURIComponent(code)}`, {}, RoomInvitationSchema),

	/** Accepts a room invite: as a new guest (name, password), or as the signed-in account (token). */
	accept: (
		code: string,
		body: { name: string; password: string } | Record<string, never>,
		token?: string
	): Promise<ApiResult<AuthResponse & { room: string }>> =>
		call(
			`/api/room-invites/${encodeURIComponent(code)}/accept`,
			{ method: 'POST', body, token },
			v.object({ ...AuthResponseSchema.entries, room: v.string() })
		)
};

const roomPath = (room: string, rest: string) => `/api/rooms/${encodeURIComponent(room)}${rest}`;

const surveyPath = (programmeId: string, survey: string) =>
	`/api/programmes/${encodeURIComponent(programmeId)}/surveys/${encodeURIComponent(survey)}`;

/** The sync endpoint on the same origin as the app (ws: or wss:). */
export function syncUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}
