import { describe, expect, it } from 'vitest';
import {
	emptyForm,
	formOf,
	registrationDetails,
	registrationErrors,
	type MenteeForm,
	type MentorForm
} from '$domain/registration-form';

describe('registration forms', () => {
	it('name every refused field of an empty form with the schema’s message key', () => {
		expect(registrationErrors(emptyForm('mentee'))).toEqual({
			library: 'required',
			sector: 'sector',
			yearsAsLeader: 'years',
			wantsToWorkOn: 'required'
		});
		expect(registrationErrors({ ...emptyForm('mentor'), capacity: '9' })).toEqual({
			library: 'required',
			yearsAsLeader: 'years',
			experience: 'required',
			sectors: 'sectors',
			capacity: 'capacity'
		});
	});

	it('turn a filled form into details (numbers as numbers, text trimmed) and back', () => {
		const form: MenteeForm = {
			side: 'mentee',
			library: ' Loppa bibliotek ',
			sector: 'school',
			yearsAsLeader: ' 2 ',
			wantsToWorkOn: 'Budsjett',
			wishes: '',
			wishedMentor: 'Sigrid'
		};
		expect(registrationErrors(form)).toEqual({});
		const details = registrationDetails(form)!;
		expect(details).toEqual({
			side: 'mentee',
			library: 'Loppa bibliotek',
			sector: 'school',
			yearsAsLeader: 2,
			wantsToWorkOn: 'Budsjett',
			wishes: '',
			wishedMentor: 'Sigrid'
		});
		expect(formOf(details)).toMatchObject({ yearsAsLeader: '2', library: 'Loppa bibliotek' });

		const mentor: MentorForm = {
			side: 'mentor',
			library: 'Tromsø',
			yearsAsLeader: '20',
			experience: 'Mye',
			sectors: ['public', 'public'],
			capacity: '2'
		};
		expect(registrationErrors(mentor)).toEqual({ sectors: 'sectors' });
		expect(registrationDetails({ ...mentor, sectors: ['public'] })).toMatchObject({
			capacity: 2,
			yearsAsLeader: 20
		});
	});

	it('refuse numbers that are not whole, and too long texts', () => {
		const form = {
			...emptyForm('mentee'),
			library: 'x'.repeat(201),
			sector: 'public',
			yearsAsLeader: '2,5',
			wantsToWorkOn: 'a'
		};
		expect(registrationErrors(form)).toEqual({ library: 'tooLong', yearsAsLeader: 'years' });
		expect(registrationDetails(form)).toBeNull();
	});
});
