import * as v from 'valibot';

/** The top-level fields of `input` that `schema` refuses (forms map each to its own message). */
export function invalidFields<T extends Record<string, unknown>>(
	schema: v.GenericSchema<unknown, unknown>,
	input: T
): Set<keyof T> {
	const result = v.safeParse(schema, input);
	const fields = new Set<keyof T>();
	if (!result.success) {
		for (const issue of result.issues) {
			const key = issue.path?.[0]?.key;
			if (typeof key === 'string' && key in input) fields.add(key as keyof T);
		}
	}
	return fields;
}

/**
 * Every refused place in `input` as a dotted path ("title", "agenda.1.start"): for forms with
 * lists of sub-items, where each sub-field shows its own message.
 */
export function invalidPaths(schema: v.GenericSchema<unknown, unknown>, input: unknown): Set<string> {
	const result = v.safeParse(schema, input);
	const paths = new Set<string>();
	if (!result.success) {
		for (const issue of result.issues) {
			const keys = (issue.path ?? []).map((item) => item.key);
			if (keys.length && keys.every((k) => typeof k === 'string' || typeof k === 'number')) {
				paths.add(keys.join('.'));
			}
		}
	}
	return paths;
}
