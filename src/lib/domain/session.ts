import * as v from 'valibot';

export const ROLES = ['coordinator', 'participant'] as const;

export const UserSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	name: v.string(),
	email: v.string(),
	role: v.string(),
	/** A guest (invited into one shared document) opens only the documents shared with it. */
	guest: v.optional(v.boolean(), false)
});
export type User = v.InferOutput<typeof UserSchema>;

/** What the server answers to login, setup and refresh. */
export const AuthResponseSchema = v.object({
	token: v.pipe(v.string(), v.minLength(10)),
	user: UserSchema,
	expiresAt: v.optional(v.union([v.number(), v.string()]))
});
export type AuthResponse = v.InferOutput<typeof AuthResponseSchema>;

/** The signed-in session kept on the device. */
export const SessionSchema = v.object({
	token: v.string(),
	user: UserSchema,
	/** When the token was last issued or refreshed (ms). */
	issuedAt: v.number()
});
export type Session = v.InferOutput<typeof SessionSchema>;

export const CredentialsSchema = v.object({
	email: v.pipe(v.string(), v.trim(), v.email()),
	password: v.pipe(v.string(), v.minLength(1))
});

export const SetupSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
	email: v.pipe(v.string(), v.trim(), v.email()),
	password: v.pipe(v.string(), v.minLength(8))
});

export const MEMBER_ROLES = ['coordinator', 'participant', 'coach', 'mentor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A programme the signed-in account is a member of (GET /api/programmes). */
export const MyProgrammeSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	name: v.string(),
	kind: v.string(),
	role: v.picklist(MEMBER_ROLES)
});
export type MyProgramme = v.InferOutput<typeof MyProgrammeSchema>;

/**
 * A leadership programme (modules, events, syllabus, requirements, a competence list), not a
 * mentor scheme: the reading log, the self-assessment, drafts' requirements and "Hva nå?" look
 * only at these.
 */
export const isTrainingProgramme = (programme: Pick<MyProgramme, 'kind'>) =>
	programme.kind !== 'mentor-scheme';

export const MemberSchema = v.object({
	userId: v.string(),
	name: v.string(),
	email: v.string(),
	role: v.picklist(MEMBER_ROLES),
	addedAt: v.optional(v.union([v.string(), v.number()])),
	/** When the member last had the programme open with the server (ms); null: never. */
	lastSyncedAt: v.optional(v.nullable(v.number()), null),
	/** Whether they have it open right now. */
	connected: v.optional(v.boolean(), false)
});
export type Member = v.InferOutput<typeof MemberSchema>;

export const INVITE_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const;
export const InviteSchema = v.object({
	code: v.string(),
	email: v.string(),
	name: v.string(),
	role: v.picklist(MEMBER_ROLES),
	status: v.picklist(INVITE_STATUSES),
	expiresAt: v.optional(v.union([v.string(), v.number(), v.null()]))
});
export type Invite = v.InferOutput<typeof InviteSchema>;

/** The invite form: what a coordinator fills in. */
export const NewInviteSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
	email: v.pipe(v.string(), v.trim(), v.email()),
	role: v.picklist(MEMBER_ROLES)
});

/** Adding someone who already has an account: e-mail and role. */
export const NewMemberSchema = v.pick(NewInviteSchema, ['email', 'role']);

/** The room of a programme's document, and of its discussion. */
export const programmeRoom = (id: string) => `programme:${id}`;
export const discussionRoom = (id: string) => `programme:${id}:discussion`;
/**
 * The programme id of `programme:<id>`, its discussion, or a seminar's idea market and themes
 * (`programme:<id>:ideas|themes:<eventId>`); '' for other rooms.
 */
export const programmeOfRoom = (room: string) =>
	/^programme:([^:]+)(?::discussion|:(?:ideas|themes):[A-Za-z0-9_-]{1,64})?$/.exec(room)?.[1] ?? '';

/** What the server tells an invitee before they accept (GET /api/invites/:code). */
export const InvitationSchema = v.object({
	programme: v.object({ id: v.string(), name: v.string() }),
	email: v.string(),
	name: v.string(),
	role: v.picklist(MEMBER_ROLES),
	expiresAt: v.optional(v.union([v.number(), v.string()]))
});
export type Invitation = v.InferOutput<typeof InvitationSchema>;

export const AcceptInviteSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
	password: v.pipe(v.string(), v.minLength(8))
});

/** The room that holds a user's personal workspace. */
export function personalRoom(userId: string): string {
	return `user:${userId}`;
}

/** An anonymous survey answer of mine, as the server keeps it. */
export const SurveyAnswerSchema = v.object({
	ratings: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
	answeredAt: v.number()
});
export type SurveyAnswer = v.InferOutput<typeof SurveyAnswerSchema>;

/** What coordinators see of an anonymous survey: nothing per item below the minimum of answers. */
export const SurveyAggregateSchema = v.object({
	answers: v.number(),
	minimum: v.number(),
	items: v.nullable(
		v.record(
			v.string(),
			v.object({
				count: v.number(),
				mean: v.number(),
				distribution: v.tuple([v.number(), v.number(), v.number(), v.number(), v.number()])
			})
		)
	)
});
export type SurveyAggregate = v.InferOutput<typeof SurveyAggregateSchema>;
