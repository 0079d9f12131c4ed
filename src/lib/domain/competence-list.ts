/**
 * A programme's competence list: what its participants rate in the self-assessment, edited by
 * its coordinators (add, rename, move, remove).
 *
 * Stored in the programme document as one entry per competence, *over the defaults*: a default
 * competence no coordinator has touched is not stored at all, so every programme (new, old, the
 * demo) starts with the fifteen defaults without anything being written, and two devices can
 * never race to seed the list. An entry is stored when it is added, renamed, moved or removed.
 * A removed one stays as a mark with its name (`removed`): a default would otherwise come back,
 * and the name still labels old ratings and the cohort's answers.
 *
 * `COMPETENCES` (domain/competence.ts) is therefore part of the document format: changing the
 * defaults changes every programme that kept them.
 */
import * as v from 'valibot';
import { assessmentsInOrder, COMPETENCES, type Assessment, type CompetenceId } from './competence';

/** The keys the anonymous survey accepts (sync-server/programmes/surveys.ts): a-z, 0-9 and -. */
export const CompetenceIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'invalid id'));

/** The survey takes at most 50 items, so a list holds at most 50 competences. */
export const MAX_COMPETENCES = 50;

const Name = v.pipe(v.string(), v.trim(), v.maxLength(200, 'too long'));

export function isDefaultCompetence(id: string): id is CompetenceId {
	return (COMPETENCES as readonly string[]).includes(id);
}

const entries = {
	id: CompetenceIdSchema,
	/**
	 * The coordinators' name, in the language they wrote it. Empty for a default not renamed:
	 * the catalogues name it (`competence.name.<id>`), in each reader's language.
	 */
	name: v.optional(Name, ''),
	/** Sort key: the defaults are 0–14; a moved entry gets a number between its new neighbours. */
	position: v.pipe(v.number(), v.finite()),
	/** Taken off the list (kept for its name, and so a default does not come back). */
	removed: v.optional(v.boolean(), false)
};

/** One competence of a programme's list, as stored (and as read, with the defaults filled in). */
export const CompetenceSchema = v.pipe(
	v.object(entries),
	v.forward(
		v.partialCheck([['id'], ['name']], (c) => c.name !== '' || isDefaultCompetence(c.id), 'required'),
		['name']
	)
);
export type Competence = v.InferOutput<typeof CompetenceSchema>;

/**
 * What the coordinators' form checks: a name is always typed (the form then stores a default's
 * own catalogue name as empty, `competenceToSave`, so it stays translated).
 */
export const CompetenceFormSchema = v.object({
	...entries,
	name: v.pipe(Name, v.minLength(1, 'required'))
});

/** The fifteen defaults as entries, in their order. */
export function defaultCompetences(): Competence[] {
	return COMPETENCES.map((id, position) => ({ id, name: '', position, removed: false }));
}

const inOrder = (a: Competence, b: Competence) => a.position - b.position || a.id.localeCompare(b.id);

/**
 * The whole list from what the document stores: the defaults, each replaced by its stored entry
 * when there is one, and the coordinators' own entries; removed ones included, in list order.
 */
export function mergeCompetences(stored: readonly Competence[]): Competence[] {
	const byId = new Map(defaultCompetences().map((c) => [c.id, c] as const));
	for (const entry of stored) byId.set(entry.id, entry);
	return [...byId.values()].sort(inOrder);
}

/** The competences on the list now (the removed ones left out), in order. */
export function listedCompetences(competences: readonly Competence[]): Competence[] {
	return competences.filter((c) => !c.removed).sort(inOrder);
}

/** The position of a competence added at the end of the list. */
export function nextCompetencePosition(competences: readonly Competence[]): number {
	const listed = listedCompetences(competences);
	return listed.length ? Math.floor(listed[listed.length - 1].position) + 1 : 0;
}

/**
 * Moves the listed competence at `index` one place up (-1) or down (+1). Returns the entries to
 * store: usually only the moved one, placed halfway between its new neighbours (so a move made
 * offline touches nothing else); when there is no room left between (ties from offline edits,
 * or many moves), the list renumbered, those whose number changed. A move past either end
 * returns nothing.
 */
export function movedCompetences(
	competences: readonly Competence[],
	index: number,
	delta: -1 | 1
): Competence[] {
	const listed = listedCompetences(competences);
	const target = index + delta;
	if (index < 0 || index >= listed.length || target < 0 || target >= listed.length) return [];
	const before = delta < 0 ? listed[target - 1] : listed[target];
	const after = delta < 0 ? listed[target] : listed[target + 1];
	const low = before?.position ?? after.position - 1;
	const high = after?.position ?? before.position + 1;
	const middle = (low + high) / 2;
	if (low < middle && middle < high) return [{ ...listed[index], position: middle }];
	const was = new Map(listed.map((c) => [c.id, c.position] as const));
	const order = [...listed];
	order.splice(target, 0, ...order.splice(index, 1));
	return order.map((c, position) => ({ ...c, position })).filter((c) => was.get(c.id) !== c.position);
}

/**
 * The entry the form stores: a default whose typed name is its catalogue name (`defaultName`, in
 * the coordinator's language) keeps an empty name, so every reader sees it in their language.
 */
export function competenceToSave(entry: Competence, defaultName: string | null): Competence {
	const ownName = isDefaultCompetence(entry.id) && defaultName !== null && entry.name === defaultName.trim();
	return ownName ? { ...entry, name: '' } : entry;
}

/** The ratings of the competences on the list (what is shared with a programme's cohort). */
export function ratingsOnList(
	ratings: Readonly<Record<string, number>>,
	competences: readonly Competence[]
): Record<string, number> {
	return Object.fromEntries(
		listedCompetences(competences)
			.filter((c) => Object.hasOwn(ratings, c.id))
			.map((c) => [c.id, ratings[c.id]])
	);
}

/** A competence as the self-assessment shows it; `name` empty: the catalogue's name (or none). */
export interface ShownCompetence {
	id: string;
	name: string;
	/** False for one rated earlier that is not on the list now (removed, or from another list). */
	listed: boolean;
}

/**
 * What the self-assessment shows: the competences on the list, in order, then every other one
 * that has been rated (a removed one under its name on the list, else the name it had when it
 * was last rated). Ratings are kept by id, so nothing rated is ever hidden.
 */
export function shownCompetences(
	competences: readonly Competence[],
	assessments: readonly Assessment[]
): ShownCompetence[] {
	const listed = listedCompetences(competences);
	const onList = new Set(listed.map((c) => c.id));
	const known = new Map(competences.map((c) => [c.id, c] as const));
	const lastName = new Map<string, string>();
	for (const a of assessmentsInOrder(assessments))
		for (const [id, name] of Object.entries(a.names)) if (name) lastName.set(id, name);
	const others = new Set<string>();
	for (const a of assessments) for (const id of Object.keys(a.ratings)) if (!onList.has(id)) others.add(id);
	const rest = [...others].sort((a, b) => {
		const pa = known.get(a)?.position ?? Infinity;
		const pb = known.get(b)?.position ?? Infinity;
		return pa === pb ? a.localeCompare(b) : pa - pb;
	});
	return [
		...listed.map((c) => ({ id: c.id, name: c.name, listed: true })),
		...rest.map((id) => ({ id, name: known.get(id)?.name || lastName.get(id) || '', listed: false }))
	];
}

/** One competence in the cohort's anonymous aggregate, as coordinators see it. */
export interface CohortRow {
	id: string;
	/** Empty: the catalogue's name (or none). */
	name: string;
	/** False for one answered but no longer on the list. */
	listed: boolean;
	/** Null when no one who shared has rated it. */
	mean: number | null;
	count: number;
}

/**
 * The cohort's averages by the programme's list: every competence on it (rated or not yet), then
 * those answered but taken off it since; highest average first, the unrated in list order.
 */
export function cohortRows(
	competences: readonly Competence[],
	items: Readonly<Record<string, { mean: number; count: number }>>
): CohortRow[] {
	const known = new Map(competences.map((c) => [c.id, c] as const));
	const listed = listedCompetences(competences);
	const onList = new Set(listed.map((c) => c.id));
	const others = Object.keys(items)
		.filter((id) => !onList.has(id))
		.sort(
			(a, b) =>
				(known.get(a)?.position ?? Infinity) - (known.get(b)?.position ?? Infinity) || a.localeCompare(b)
		);
	return [...listed.map((c) => c.id), ...others]
		.map((id, order) => ({
			row: {
				id,
				name: known.get(id)?.name ?? '',
				listed: onList.has(id),
				mean: items[id]?.mean ?? null,
				count: items[id]?.count ?? 0
			},
			order
		}))
		.sort((a, b) => (b.row.mean ?? 0) - (a.row.mean ?? 0) || a.order - b.order)
		.map(({ row }) => row);
}
