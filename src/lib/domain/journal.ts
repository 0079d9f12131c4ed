import * as v from 'valibot';

/** One local change not yet acknowledged by the server (the sync journal, kept on the device). */
export const JournalRowSchema = v.object({
	seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
	room: v.pipe(v.string(), v.minLength(1)),
	at: v.number(),
	bytes: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type JournalRow = v.InferOutput<typeof JournalRowSchema>;

/** A change in the write-ahead log (localStorage), its update as base64. */
export const WalEntrySchema = v.object({
	...JournalRowSchema.entries,
	bytes: v.optional(v.number()),
	update: v.pipe(v.string(), v.base64())
});
