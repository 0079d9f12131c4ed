/**
 * Registering for a mentor scheme: a leader signs up as mentee (their library, its sector, years as
 * leader, what they want to work on, wishes for a mentor, perhaps a named one); an experienced
 * leader signs up as mentor (experience, the sectors they know, how many mentees they can take).
 * One registration per side per scheme; a scheme is one round, so taking part in several rounds is
 * registering in each. The same schema parses the form, the request body on the server
 * (sync-server/mentor-scheme.ts is its door) and the server's answer in the browser.
 * Error messages are keys (`required`, `tooLong`, …) the form turns into words.
 */
import * as v from 'valibot';

export const SECTORS = ['public', 'school', 'academic'] as const;
export type Sector = (typeof SECTORS)[number];
export const SIDES = ['mentee', 'mentor'] as const;
export type Side = (typeof SIDES)[number];

export const LIBRARY_MAX = 200;
export const LONG_TEXT_MAX = 2000;
export const WISHED_MENTOR_MAX = 120;
export const YEARS_MAX = 60;
export const CAPACITY_MAX = 5;

const text = (max: number) => v.pipe(v.string('required'), v.trim(), v.maxLength(max, 'tooLong'));
const required = (max: number) => v.pipe(text(max), v.minLength(1, 'required'));
const years = v.pipe(
	v.number('years'),
	v.integer('years'),
	v.minValue(0, 'years'),
	v.maxValue(YEARS_MAX, 'years')
);
const sector = v.picklist(SECTORS, 'sector');

export const MenteeDetailsSchema = v.object({
	side: v.literal('mentee'),
	/** The library they lead ("Loppa bibliotek"). */
	library: required(LIBRARY_MAX),
	sector,
	yearsAsLeader: years,
	/** What they want to work on with a mentor. */
	wantsToWorkOn: required(LONG_TEXT_MAX),
	/** Wishes for a mentor in their own words ('' for none). */
	wishes: v.optional(text(LONG_TEXT_MAX), ''),
	/** A mentor they wish for by name ('' for none). */
	wishedMentor: v.optional(text(WISHED_MENTOR_MAX), '')
});
export type MenteeDetails = v.InferOutput<typeof MenteeDetailsSchema>;

export const MentorDetailsSchema = v.object({
	side: v.literal('mentor'),
	/** Where they lead (or led). */
	library: required(LIBRARY_MAX),
	yearsAsLeader: years,
	/** Their experience as a leader, in their own words. */
	experience: required(LONG_TEXT_MAX),
	sectors: v.pipe(
		v.array(sector, 'sectors'),
		v.minLength(1, 'sectors'),
		v.check((s) => new Set(s).size === s.length, 'sectors')
	),
	/** How many mentees they can take this round. */
	capacity: v.pipe(
		v.number('capacity'),
		v.integer('capacity'),
		v.minValue(1, 'capacity'),
		v.maxValue(CAPACITY_MAX, 'capacity')
	)
});
export type MentorDetails = v.InferOutput<typeof MentorDetailsSchema>;

/** A registration as sent: `PUT /api/programmes/:id/registrations/me`. */
export const RegistrationDetailsSchema = v.variant(
	'side',
	[MenteeDetailsSchema, MentorDetailsSchema],
	'side'
);
export type RegistrationDetails = v.InferOutput<typeof RegistrationDetailsSchema>;

const Iso = v.pipe(v.string(), v.isoTimestamp());

/** A registration as the server answers it (mine, or every one for the scheme's coordinators). */
export const RegistrationSchema = v.object({
	programmeId: v.string(),
	userId: v.string(),
	/** The account's name (the server's, not typed in the form). */
	name: v.string(),
	details: RegistrationDetailsSchema,
	registeredAt: Iso,
	updatedAt: Iso
});
export type Registration = v.InferOutput<typeof RegistrationSchema>;

/** A calendar date "2026-09-01". */
const LocalDate = v.pipe(v.string(), v.isoDate('date'));

/**
 * When the scheme takes registrations, by calendar date in Norway, both days included; null on
 * a side means no limit on that side. `open` is the server's verdict for today.
 */
export const RegistrationPeriodSchema = v.pipe(
	v.object({
		opensOn: v.nullable(LocalDate),
		closesOn: v.nullable(LocalDate)
	}),
	v.check((p) => !p.opensOn || !p.closesOn || p.opensOn <= p.closesOn, 'order')
);
export type RegistrationPeriod = v.InferOutput<typeof RegistrationPeriodSchema>;

export const RegistrationWindowSchema = v.object({
	opensOn: v.nullable(LocalDate),
	closesOn: v.nullable(LocalDate),
	open: v.boolean()
});
export type RegistrationWindow = v.InferOutput<typeof RegistrationWindowSchema>;

/** Whether `today` ("YYYY-MM-DD", in Norway) is inside the period. */
export function isOpenOn(period: RegistrationPeriod, today: string): boolean {
	return (!period.opensOn || period.opensOn <= today) && (!period.closesOn || today <= period.closesOn);
}
