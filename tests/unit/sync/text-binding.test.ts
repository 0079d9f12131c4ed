import { describe, expect, it } from 'vitest';
import { diff } from '$sync/text-binding';

const apply = (a: string, d: ReturnType<typeof diff>) =>
	a.slice(0, d.index) + d.insert + a.slice(d.index + d.remove);

describe('text diff', () => {
	const cases: [string, string][] = [
		['', 'hei'],
		['hei', ''],
		['Økt forståelse', 'Økt god forståelse'],
		['abcabc', 'abc'],
		['ærlig', 'ærlighet'],
		['a😀b', 'a😁b'],
		['😀', '']
	];
	for (const [a, b] of cases) {
		it(`turns "${a}" into "${b}" with one edit`, () => {
			const d = diff(a, b);
			expect(apply(a, d)).toBe(b);
		});
	}

	it('never splits a surrogate pair', () => {
		const d = diff('a😀b', 'a😁b');
		expect(d.remove).toBe(2);
		expect(d.insert).toBe('😁');
	});
});
