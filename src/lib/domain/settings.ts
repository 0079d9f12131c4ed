import * as v from 'valibot';
import { GroupSchema } from './group';
import { StoredReportsSchema } from './pair-meeting';
import { PairSchema } from './pair';
import { SchemeOnDeviceSchema } from './registration-form';
import { MyProgrammeSchema } from './session';
import { SharedWithMeSchema } from './sharing';

/** Device-local settings, one row per key in the data layer. */
export const SettingsSchema = v.object({
	locale: v.optional(v.string()),
	/** 'local' after the user chose "use on this device only"; 'account' once signed in. */
	mode: v.optional(v.picklist(['local', 'account'])),
	/** The account whose workspace this device holds (set at first sign-in, cleared by sign-out). */
	workspaceOwner: v.optional(v.string()),
	/** The last answer of navigator.storage.persist(). */
	storagePersisted: v.optional(v.boolean()),
	/** The account's programmes, as last fetched (so the list shows offline). */
	programmes: v.optional(v.array(MyProgrammeSchema)),
	/** The documents shared with me, as last fetched (so a coach or a guest opens them offline). */
	sharedWithMe: v.optional(v.array(SharedWithMeSchema)),
	/** The account's colloquium groups, as last fetched (so they open offline). */
	groups: v.optional(v.array(GroupSchema)),
	/** Per mentor pair: the last meetings report built here, and whether the server has it. */
	pairMeetingReports: v.optional(StoredReportsSchema),
	/** Mentor schemes: the registration window, my registrations and unsent forms, by programme. */
	mentorSchemes: v.optional(v.record(v.string(), SchemeOnDeviceSchema)),
	/** The account's mentor pairs, as last fetched (so they open offline, also after they ended). */
	pairs: v.optional(v.array(PairSchema)),
	/** The pairs this device has told me about already (announced once, then dismissed). */
	seenPairs: v.optional(v.array(v.string()))
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
