/** Naming a version of a draft: what the "Navngi en versjon" form accepts. */
import * as v from 'valibot';

export const VERSION_NAME_MAX = 300;

/** A version's name as typed: trimmed, not empty, at most 300 characters. */
export const VersionNameSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'missing'),
	v.maxLength(VERSION_NAME_MAX, 'tooLong')
);

export type VersionNameProblem = 'missing' | 'tooLong';

/** The trimmed name, or what is wrong with it. */
export function parseVersionName(input: string): { name: string } | { problem: VersionNameProblem } {
	const result = v.safeParse(VersionNameSchema, input);
	if (result.success) return { name: result.output };
	return { problem: result.issues[0].message === 'tooLong' ? 'tooLong' : 'missing' };
}
