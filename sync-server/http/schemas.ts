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
