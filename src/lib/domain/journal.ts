import * as v from 'valibot';

/**
 * One local change not yet acknowledged by the server (the sync journal, kept on the device).
 * `instance` is the page that made it: each open tab numbers its own changes, and a tab's
 * acknowledgements clear only its own rows. Rows of a closed tab are adopted at start-up.
 */
export const JournalRowSchema = v.object({
	instance: v.pipe(v.string(), v.minLength(1)),
	seq: v.pipe(v.number(), v.integer()),
	room: v.pipe(v.string(), v.minLength(1)),
	at: v.number(),
	bytes: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type JournalRow = v.InferOutput<typeof JournalRowSchema>;

/** A change in the write-ahead log (localStorage), its update as base64. */
export const WalEntrySchema = v.object({
	seq: v.pipe(v.number(), v.integer()),
	room: v.pipe(v.string(), v.minLength(1)),
	at: v.number(),
	update: v.pipe(v.string(), v.base64())
});
