/** Presence: colours readable with white text, one entry per person, malformed states ignored. */
import { describe, expect, it } from 'vitest';
import {
	colourFor,
	PRESENCE_COLOURS,
	PRESENCE_NAME_MAX,
	presenceUser,
	presentPeople
} from '$domain/presence';

/** WCAG relative luminance and contrast against white. */
function contrastWithWhite(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	return 1.05 / (l + 0.05);
}

describe('presence', () => {
	it('uses colours on which white names have at least 4.5:1 contrast', () => {
		for (const colour of PRESENCE_COLOURS) expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
	});

	it('gives a person the same colour everywhere, and spreads people over the palette', () => {
		expect(colourFor('kari')).toBe(colourFor('kari'));
		const colours = new Set(Array.from({ length: 40 }, (_, i) => colourFor(`user-${i}`)));
		expect(colours.size).toBeGreaterThan(4);
	});

	it('cuts long names so a state stays small', () => {
		const user = presenceUser('u1', 'Å'.repeat(200));
		expect([...user.name].length).toBe(PRESENCE_NAME_MAX);
		expect(user.name.endsWith('…')).toBe(true);
		expect(presenceUser('u2', '   ').name).toBe('?');
	});

	it('lists other people once each, with every page they show, by name', () => {
		const kari = presenceUser('kari', 'Kari Nordmann');
		const per = presenceUser('per', 'Per Hansen');
		const me = presenceUser('me', 'Meg');
		const people = presentPeople(
			[
				{ user: per, page: 'p1' },
				{ user: kari, page: 'p1' },
				{ user: kari, page: 'p2' }, // her laptop and her phone
				{ user: kari, page: null },
				{ user: me, page: 'p1' }
			],
			'me'
		);
		expect(people.map((p) => [p.user.name, p.pages])).toEqual([
			['Kari Nordmann', ['p1', 'p2']],
			['Per Hansen', ['p1']]
		]);
	});

	it('ignores states that do not parse (an old client, a forged colour)', () => {
		const people = presentPeople(
			[
				{},
				null,
				{ user: { id: 'x', name: 'X', color: 'red; background:url(x)' }, page: null },
				{ user: { id: 'y', name: 'Y' }, page: 'p' },
				{ user: presenceUser('z', 'Zara'), page: 'p' }
			],
			null
		);
		expect(people.map((p) => p.user.name)).toEqual(['Zara']);
	});
});
