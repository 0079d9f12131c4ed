/** Request bodies of the HTTP API. Every body is parsed with one of these before it is used. */
import * as v from 'valibot';

const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('Enter a valid email'));
const password = v.pipe(v.string(), v.maxLength(1024, 'Password is too long'));

export const LoginBody = v.object({
	email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(254)),
	password: v.pipe(password, v.minLength(1, 'Password is required'))
});

export const SetupBody = v.object({
	email,
	password: v.pipe(password, v.minLength(8, 'Password must be at least 8 characters')),
	name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Name is required'), v.maxLength(100, 'Name is too long'))
});
