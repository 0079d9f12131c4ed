/**
 * Presence: who else has a shared document open, on which page, in which colour. It travels as
 * Yjs awareness (small: the server caps each state), and is parsed here on the way in, so a
 * malformed state from another client is ignored, never shown.
 */
import * as v from 'valibot';

/** Names are cut to this length in presence (the server caps the whole state at 1 KiB). */
export const PRESENCE_NAME_MAX = 60;

/**
 * Cursor colours, each dark enough for white text on it (contrast ≥ 4.5:1, WCAG 1.4.3) and told
 * apart by the name on the cursor, never by colour alone.
 */
export const PRESENCE_COLOURS = [
	'#1a5fb4',
	'#b3261e',
	'#26734d',
	'#7b3fa0',
	'#8f4b00',
	'#006470',
	'#a3195b',
	'#4d5562'
] as const;

export const PresenceUserSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	name: v.pipe(v.string(), v.maxLength(PRESENCE_NAME_MAX)),
	color: v.picklist(PRESENCE_COLOURS)
});
export type PresenceUser = v.InferOutput<typeof PresenceUserSchema>;

/** What one client tells the others: who, and which page it shows (null: the group's home). */
export const PresenceStateSchema = v.object({
	user: PresenceUserSchema,
	page: v.nullable(v.pipe(v.string(), v.maxLength(64)))
});
export type PresenceState = v.InferOutput<typeof PresenceStateSchema>;

/** Someone here now: one entry per person, however many tabs or devices they have open. */
export interface Present {
	user: PresenceUser;
	/** Every page they show (one per tab or device). */
	pages: string[];
}

/** The same colour for a person on every device, from their id. */
export function colourFor(userId: string): PresenceUser['color'] {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length];
}

export function presenceUser(id: string, name: string): PresenceUser {
	const trimmed = name.trim() || '?';
	const cut =
		[...trimmed].length > PRESENCE_NAME_MAX
			? [...trimmed].slice(0, PRESENCE_NAME_MAX - 1).join('') + '…'
			: trimmed;
	return { id, name: cut, color: colourFor(id) };
}

/** Other people's states (not mine), parsed, one entry per person, by name. */
export function presentPeople(states: Iterable<unknown>, myId: string | null): Present[] {
	const people = new Map<string, Present>();
	for (const raw of states) {
		const parsed = v.safeParse(PresenceStateSchema, raw);
		if (!parsed.success || parsed.output.user.id === myId) continue;
		const { user, page } = parsed.output;
		const known = people.get(user.id) ?? { user, pages: [] };
		if (page !== null && !known.pages.includes(page)) known.pages.push(page);
		people.set(user.id, known);
	}
	return [...people.values()].sort((a, b) => a.user.name.localeCompare(b.user.name, 'nb'));
}
