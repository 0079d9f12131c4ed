/**
 * The registration forms of a mentor scheme as typed: every field a string (numbers as typed, a
 * sector not chosen yet ''), so a half-filled form can be kept on the device — offline, or after
 * a refused submit — and nothing typed is lost. `registrationInput` turns a form into what
 * `RegistrationDetailsSchema` parses; `registrationErrors` names each refused field with the
 * schema's message key (`required`, `tooLong`, `years`, `sector`, `sectors`, `capacity`).
 */
import * as v from 'valibot';
import {
	LIBRARY_MAX,
	LONG_TEXT_MAX,
	RegistrationDetailsSchema,
	RegistrationSchema,
	RegistrationWindowSchema,
	WISHED_MENTOR_MAX,
	type RegistrationDetails,
	type Side
} from './mentor-registration';

const Typed = v.pipe(v.string(), v.maxLength(LONG_TEXT_MAX * 2));

export const MenteeFormSchema = v.object({
	side: v.literal('mentee'),
	library: Typed,
	sector: Typed,
	yearsAsLeader: Typed,
	wantsToWorkOn: Typed,
	wishes: Typed,
	wishedMentor: Typed
});
export type MenteeForm = v.InferOutput<typeof MenteeFormSchema>;

export const MentorFormSchema = v.object({
	side: v.literal('mentor'),
	library: Typed,
	yearsAsLeader: Typed,
	experience: Typed,
	sectors: v.pipe(v.array(Typed), v.maxLength(10)),
	capacity: Typed
});
export type MentorForm = v.InferOutput<typeof MentorFormSchema>;

export type RegistrationForm = MenteeForm | MentorForm;
export type FormOf<S extends Side> = S extends 'mentee' ? MenteeForm : MentorForm;

/** The fields a form can refuse, per side, in the order the form shows them. */
export const MENTEE_FIELDS = [
	'library',
	'sector',
	'yearsAsLeader',
	'wantsToWorkOn',
	'wishes',
	'wishedMentor'
] as const;
export const MENTOR_FIELDS = ['library', 'yearsAsLeader', 'experience', 'sectors', 'capacity'] as const;
export type RegistrationField = (typeof MENTEE_FIELDS)[number] | (typeof MENTOR_FIELDS)[number];

/** The longest text each text field takes (for "at most {max} characters"). */
export const FIELD_MAX: Partial<Record<RegistrationField, number>> = {
	library: LIBRARY_MAX,
	wantsToWorkOn: LONG_TEXT_MAX,
	wishes: LONG_TEXT_MAX,
	experience: LONG_TEXT_MAX,
	wishedMentor: WISHED_MENTOR_MAX
};

export function emptyForm<S extends Side>(side: S): FormOf<S> {
	const form: RegistrationForm =
		side === 'mentee'
			? { side, library: '', sector: '', yearsAsLeader: '', wantsToWorkOn: '', wishes: '', wishedMentor: '' }
			: { side: 'mentor', library: '', yearsAsLeader: '', experience: '', sectors: [], capacity: '1' };
	return form as FormOf<S>;
}

/** A stored registration as the form shows it, for editing. */
export function formOf(details: RegistrationDetails): RegistrationForm {
	if (details.side === 'mentee') return { ...details, yearsAsLeader: String(details.yearsAsLeader) };
	return {
		...details,
		sectors: [...details.sectors],
		yearsAsLeader: String(details.yearsAsLeader),
		capacity: String(details.capacity)
	};
}

/** "12" → 12; anything else stays as typed, for the schema to refuse. */
function wholeNumber(typed: string): number | string {
	const trimmed = typed.trim();
	return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** What the schema parses: numbers where numbers belong, the rest as typed. */
export function registrationInput(form: RegistrationForm): unknown {
	if (form.side === 'mentee') return { ...form, yearsAsLeader: wholeNumber(form.yearsAsLeader) };
	return { ...form, yearsAsLeader: wholeNumber(form.yearsAsLeader), capacity: wholeNumber(form.capacity) };
}

export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

/** Each refused field with the message key of its first problem; empty when the form is fine. */
export function registrationErrors(form: RegistrationForm): RegistrationErrors {
	const result = v.safeParse(RegistrationDetailsSchema, registrationInput(form));
	const errors: RegistrationErrors = {};
	if (result.success) return errors;
	for (const issue of result.issues) {
		const key = issue.path?.[0]?.key;
		if (typeof key !== 'string' || key === 'side' || key in errors) continue;
		errors[key as RegistrationField] = issue.message;
	}
	return errors;
}

/** The details to send, or null when the form has errors. */
export function registrationDetails(form: RegistrationForm): RegistrationDetails | null {
	const result = v.safeParse(RegistrationDetailsSchema, registrationInput(form));
	return result.success ? result.output : null;
}

/**
 * What the device keeps of a scheme for me (settings `mentorSchemes`, by programme id): the
 * registration window and my registrations as last fetched (shown offline), and what I typed in a
 * form but have not sent yet (kept until it is sent, so nothing typed is lost offline).
 */
export const SchemeOnDeviceSchema = v.object({
	window: v.nullable(RegistrationWindowSchema),
	mine: v.array(RegistrationSchema),
	drafts: v.object({
		mentee: v.optional(MenteeFormSchema),
		mentor: v.optional(MentorFormSchema)
	})
});
export type SchemeOnDevice = v.InferOutput<typeof SchemeOnDeviceSchema>;
