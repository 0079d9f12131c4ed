/** Request bodies of the HTTP API. Every body is parsed with one of these before it is used. */
import * as v from 'valibot';
import { MEMBER_ROLES } from '../programmes/memberships.ts';
import { PROGRAMME_KINDS } from '../programmes/programmes.ts';

const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('Enter a valid email'));
const name = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'Name is required'),
	v.maxLength(100, 'Name is too long')
);
const password = v.pipe(v.string(), v.maxLength(1024, 'Password is too long'));

export const LoginBody = v.object({
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(254)),
	password: v.pipe(password, v.minLength(1, 'Password is required'))
});

export const SetupBody = v.object({
	email,
	password: v.pipe(password, v.minLength(8, 'Password must be at least 8 characters')),
	name
});

const memberRole = v.picklist(MEMBER_ROLES, `Role must be one of ${MEMBER_ROLES.join(', ')}`);

export const ProgrammeBody = v.object({
	name,
	kind: v.optional(
		v.picklist(PROGRAMME_KINDS, `Kind must be one of ${PROGRAMME_KINDS.join(', ')}`),
		'programme'
	)
});

export const InviteBody = v.object({ email, name, role: memberRole });

export const AcceptBody = v.object({
	name,
	password: v.pipe(password, v.minLength(8, 'Password must be at least 8 characters'))
});

export const MemberBody = v.object({ email, role: memberRole });

const access = v.picklist(['read', 'write'] as const, 'Access must be read or write');

/** Sharing a room with an account. */
export const GrantBody = v.object({ access });

/** Inviting someone by name and email into one room. */
export const RoomInviteBody = v.object({ email, name, access });

/** An anonymous survey answer: up to 50 items, each rated 1 to 5. */
export const SurveyAnswerBody = v.object({
	ratings: v.pipe(
		v.record(
			v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'Item keys are 1–64 of a-z, 0-9 and -')),
			v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
		),
		v.check((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'Rate 1 to 50 items')
	)
});

export const MAX_GROUP_MEMBERS = 200;

const groupName = v.pipe(
	v.string('Name must be text'),
	v.trim(),
	v.minLength(1, 'Name is required'),
	v.maxLength(120, 'Name is too long (at most 120 characters)')
);

/** Account ids of a group's members (members of its programme; checked by the repository). */
const memberIds = v.pipe(
	v.array(
		v.pipe(v.string('memberIds must be account ids'), v.minLength(1), v.maxLength(100)),
		'memberIds must be a list of account ids'
	),
	v.maxLength(MAX_GROUP_MEMBERS, `A group has at most ${MAX_GROUP_MEMBERS} members`)
);

/** A new colloquium group. */
export const GroupBody = v.object({ name: groupName, memberIds });

/** A group's new member set. */
export const GroupMembersBody = v.object({ memberIds });

/** A group's new name. */
export const GroupNameBody = v.object({ name: groupName });

const accountId = (field: string) =>
	v.pipe(
		v.string(`${field} must be an account id`),
		v.minLength(1, `${field} must be an account id`),
		v.maxLength(100, `${field} must be an account id`)
	);

/** A new mentor pair: two different accounts (members of the scheme; checked by the repository). */
export const PairBody = v.pipe(
	v.object({ mentorId: accountId('mentorId'), menteeId: accountId('menteeId') }),
	v.check((b) => b.mentorId !== b.menteeId, 'The mentor and the mentee must be two different accounts')
);
