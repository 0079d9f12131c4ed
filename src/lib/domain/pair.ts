/**
 * Mentor pairs: a mentor and a mentee of one scheme, matched by its coordinator. The pair's space
 * is the room `pair:<id>`, which only the two open (the server refuses everyone else, the scheme's
 * coordinators too). The coordinator sees that a pair meets — how many meetings, on which dates —
 * from what the pair's devices report, never what the two write.
 */
import * as v from 'valibot';

export const PairPersonSchema = v.object({ userId: v.string(), name: v.string() });
export type PairPerson = v.InferOutput<typeof PairPersonSchema>;

const Iso = v.pipe(v.string(), v.isoTimestamp());

/** A pair as the server describes it (GET /api/pairs, /api/pairs/:id). */
export const PairSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	programmeId: v.string(),
	programmeName: v.string(),
	mentor: PairPersonSchema,
	mentee: PairPersonSchema,
	createdAt: Iso,
	/** When the coordinator ended the pair (null while it runs). */
	endedAt: v.nullable(Iso)
});
export type Pair = v.InferOutput<typeof PairSchema>;

/** One meeting as a pair's devices report it: its date in Norway, and whether it was held. */
export const MeetingDateSchema = v.object({
	date: v.pipe(v.string(), v.isoDate('date')),
	held: v.boolean()
});
export type MeetingDate = v.InferOutput<typeof MeetingDateSchema>;

export const MAX_REPORTED_MEETINGS = 200;

/** `PUT /api/pairs/:id/meetings`: every meeting of the pair's plan, replacing the last report. */
export const MeetingsReportSchema = v.object({
	meetings: v.pipe(v.array(MeetingDateSchema), v.maxLength(MAX_REPORTED_MEETINGS))
});
export type MeetingsReport = v.InferOutput<typeof MeetingsReportSchema>;

/** A pair as its scheme's coordinators see it (GET /api/programmes/:id/pairs): no content, only dates. */
export const CoordinatorPairSchema = v.object({
	...PairSchema.entries,
	meetings: v.array(MeetingDateSchema),
	/** When the pair's devices last reported their meetings (null: never). */
	reportedAt: v.nullable(Iso)
});
export type CoordinatorPair = v.InferOutput<typeof CoordinatorPairSchema>;

export const pairRoom = (id: string) => `pair:${id}`;
/** The pair id of `pair:<id>` ('' for other rooms). */
export const pairOfRoom = (room: string) => /^pair:([^:]+)$/.exec(room)?.[1] ?? '';

/** My side of the pair, or null if I am not one of the two. */
export function mySide(pair: Pick<Pair, 'mentor' | 'mentee'>, userId: string): 'mentor' | 'mentee' | null {
	if (pair.mentor.userId === userId) return 'mentor';
	if (pair.mentee.userId === userId) return 'mentee';
	return null;
}

/** The other one of the pair, seen from `userId`. */
export const otherOf = (pair: Pick<Pair, 'mentor' | 'mentee'>, userId: string): PairPerson =>
	pair.mentor.userId === userId ? pair.mentee : pair.mentor;

/** Held meetings and the dates, for the coordinator's overview. */
export function meetingCounts(meetings: readonly MeetingDate[], today: string) {
	const held = meetings
		.filter((m) => m.held)
		.map((m) => m.date)
		.sort();
	const planned = meetings
		.filter((m) => !m.held && m.date >= today)
		.map((m) => m.date)
		.sort();
	return {
		held: held.length,
		lastHeld: held.at(-1) ?? null,
		next: planned[0] ?? null,
		planned: planned.length
	};
}
