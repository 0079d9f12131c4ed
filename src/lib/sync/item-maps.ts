/**
 * Collections of small records in a Y.Doc: one Y.Map per collection, one plain object per item,
 * replaced whole when saved (last writer wins per item, so two devices editing different items
 * offline both keep their work). Every item is parsed with its schema on the way in and out; an
 * item that does not pass (from an older or newer app) is skipped and reported, never fatal.
 * The programme document and the personal workspace's records (plan, reading log, change tasks,
 * self-assessments) are both made of these.
 */
import * as v from 'valibot';
import type * as Y from 'yjs';

type ItemSchema = v.GenericSchema<unknown, { id: string }>;

export interface ItemsRead<T> {
	items: T[];
	/** Ids of the items that did not pass the schema. */
	skipped: string[];
}

export function readMapItems<S extends ItemSchema>(
	doc: Y.Doc,
	name: string,
	schema: S
): ItemsRead<v.InferOutput<S>> {
	const items: v.InferOutput<S>[] = [];
	const skipped: string[] = [];
	for (const [id, raw] of doc.getMap<unknown>(name).entries()) {
		const parsed = v.safeParse(schema, raw);
		if (parsed.success) items.push(parsed.output);
		else skipped.push(id);
	}
	return { items, skipped };
}

/** Saves one item, validated first: nothing the schema refuses is ever stored. */
export function putMapItem<S extends ItemSchema>(
	doc: Y.Doc,
	name: string,
	schema: S,
	item: unknown,
	origin: unknown
): v.InferOutput<S> {
	const parsed = v.parse(schema, item);
	doc.transact(() => doc.getMap<unknown>(name).set(parsed.id, parsed), origin);
	return parsed;
}

export function removeMapItem(doc: Y.Doc, name: string, id: string, origin: unknown): void {
	doc.transact(() => doc.getMap<unknown>(name).delete(id), origin);
}

/**
 * Makes the collection hold exactly `items` (each validated): changed items are replaced, missing
 * ones removed, equal ones left alone (so mirroring the same state twice writes nothing).
 * Answers whether anything changed.
 */
export function mirrorMapItems<S extends ItemSchema>(
	doc: Y.Doc,
	name: string,
	schema: S,
	items: readonly unknown[],
	origin: unknown
): boolean {
	const parsed = items.map((item) => v.parse(schema, item));
	const map = doc.getMap<unknown>(name);
	const wanted = new Set(parsed.map((item) => item.id));
	let changed = false;
	doc.transact(() => {
		for (const item of parsed) {
			if (JSON.stringify(map.get(item.id)) === JSON.stringify(item)) continue;
			map.set(item.id, item);
			changed = true;
		}
		for (const id of [...map.keys()]) {
			if (wanted.has(id)) continue;
			map.delete(id);
			changed = true;
		}
	}, origin);
	return changed;
}

/** Calls back after any change to these collections (local, another tab or the server). */
export function observeMaps(doc: Y.Doc, names: readonly string[], callback: () => void): () => void {
	const maps = names.map((name) => doc.getMap(name));
	const handler = () => callback();
	for (const map of maps) map.observe(handler);
	return () => maps.forEach((map) => map.unobserve(handler));
}
