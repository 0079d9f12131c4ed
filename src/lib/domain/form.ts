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
