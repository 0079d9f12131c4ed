import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { invalidFields, invalidPaths } from '$domain/form';
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

describe('nested form validation', () => {
	it('names refused sub-fields by their path', () => {
		const schema = v.object({
			title: v.pipe(v.string(), v.minLength(1)),
			items: v.array(v.object({ id: v.string(), text: v.pipe(v.string(), v.minLength(1)) }))
		});
		expect(
			invalidPaths(schema, {
				title: '',
				items: [
					{ id: 'a', text: 'ok' },
					{ id: 'b', text: '' }
				]
			})
		).toEqual(new Set(['title', 'items.1.text']));
		expect(invalidPaths(schema, { title: 'x', items: 'nope' })).toEqual(new Set(['items']));
		expect(invalidPaths(schema, { title: 'x', items: [] })).toEqual(new Set());
	});
});
