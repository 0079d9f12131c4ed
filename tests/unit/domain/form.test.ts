import { describe, expect, it } from 'vitest';
import { invalidFields } from '$domain/form';
import { AcceptInviteSchema, CredentialsSchema, NewInviteSchema, SetupSchema } from '$domain/session';

describe('form validation from the schemas', () => {
	it('names every refused field', () => {
		expect(invalidFields(SetupSchema, { name: ' ', email: 'kari@bibliotek', password: 'kort' })).toEqual(
			new Set(['name', 'email', 'password'])
		);
		expect(invalidFields(CredentialsSchema, { email: ' kari@bibliotek.no ', password: 'x' })).toEqual(
			new Set()
		);
		expect(invalidFields(AcceptInviteSchema, { name: 'Ola', password: '1234567' })).toEqual(
			new Set(['password'])
		);
		expect(
			invalidFields(NewInviteSchema, { name: 'Anne', email: 'anne@veiledning.no', role: 'boss' })
		).toEqual(new Set(['role']));
	});
});
