import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { meTooId } from '$domain/idea-market';
import { readThemes } from '$sync/idea-market-doc';

// The market's surroundings, kept small: who is signed in, the two rooms (real Y.Docs), the
// programme role, and the server's answers (the e2e test runs the real server).
const world = vi.hoisted(() => ({
	user: { id: 'kari', name: 'Kari Nordmann' } as { id: string; name: string } | null,
	role: 'participant' as string | null,
	docs: new Map<string, unknown>(),
	released: [] as string[],
	members: [] as { userId: string; name: string; email: string; role: string }[],
	createGroup: vi.fn(),
	groupsLoaded: 0
}));
vi.mock('$state/app.svelte', () => ({
	app: {
		get user() {
			return world.user;
		},
		get token() {
			return world.user ? 'token' : null;
		},
		isGuest: false
	}
}));
vi.mock('$state/room-pool', () => ({
	acquireRoom: (room: string) => ({
		shared: { doc: { doc: world.docs.get(room) }, access: 'open', everSynced: true, unacknowledged: 0 },
		opened: Promise.resolve()
	}),
	releaseRoom: (room: string) => world.released.push(room)
}));
vi.mock('$state/programmes.svelte', () => ({
	myProgrammes: { loaded: true, role: () => world.role, load: async () => {} }
}));
vi.mock('$state/groups.svelte', () => ({
	myGroups: {
		find: () => null,
		load: async () => {
			world.groupsLoaded++;
		}
	}
}));
vi.mock('$lib/api/client', () => ({
	api: {
		members: async () => ({ ok: true, value: { members: world.members } }),
		createGroup: world.createGroup
	}
}));
const { IdeaMarket } = await import('$state/idea-market.svelte');

const as = (id: string, name: string, role = 'participant') => {
	world.user = { id, name };
	world.role = role;
};

describe('the idea market (state)', () => {
	let ideas: Y.Doc;
	let themes: Y.Doc;
	beforeEach(() => {
		vi.stubGlobal('navigator', { onLine: true });
		ideas = new Y.Doc();
		themes = new Y.Doc();
		world.docs.set('programme:prog1:ideas:oppstart', ideas);
		world.docs.set('programme:prog1:themes:oppstart', themes);
		world.released = [];
		world.members = [
			{ userId: 'kari', name: 'Kari Nordmann', email: 'k@x.no', role: 'participant' },
			{ userId: 'per', name: 'Per Hansen', email: 'p@x.no', role: 'coach' },
			{ userId: 'ingrid', name: 'Ingrid Lien', email: 'i@x.no', role: 'coordinator' }
		];
		world.createGroup.mockReset();
		world.groupsLoaded = 0;
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		ideas.destroy();
		themes.destroy();
	});

	async function open() {
		const market = new IdeaMarket('prog1', 'oppstart');
		await market.open();
		return market;
	}

	it('lets authors edit and remove only their own posts and comments; "me too" only on others\'', async () => {
		as('kari', 'Kari Nordmann');
		const market = await open();
		const mine = market.post('  For lite tid til fag  ', 1);
		expect(mine.text).toBe('For lite tid til fag');
		expect(() => market.post('   ')).toThrow();
		expect(() => market.setMeToo(mine.id, true)).toThrow(/own author/);

		as('per', 'Per Hansen', 'coach');
		expect(() => market.edit(mine.id, 'Mitt nå')).toThrow(/Only its author/);
		expect(() => market.remove(mine.id)).toThrow(/Only its author/);
		market.setMeToo(mine.id, true);
		expect(market.hasMeToo(mine.id)).toBe(true);
		const comment = market.comment(mine.id, 'Samme her', 2);
		expect(market.board[0].posts[0].meToos.map((m) => m.id)).toEqual([meTooId(mine.id, 'per')]);

		as('kari', 'Kari Nordmann');
		expect(() => market.removeComment(comment.id)).toThrow(/Only its author/);
		expect(market.edit(mine.id, 'For lite tid', 5)).toMatchObject({ text: 'For lite tid', editedAt: 5 });
		market.remove(mine.id);
		expect(market.board[0].posts).toEqual([]);
		market.destroy();
		expect(world.released.sort()).toEqual([
			'programme:prog1:ideas:oppstart',
			'programme:prog1:themes:oppstart'
		]);
	});

	it('gives the themes to the coordinators only', async () => {
		as('kari', 'Kari Nordmann');
		const market = await open();
		expect(market.isFacilitator).toBe(false);
		expect(() => market.createTheme('Lokaler')).toThrow(/facilitator/);
		expect(await market.makeGroup('t1')).toEqual({ ok: false, problem: 'forbidden' });
		expect(readThemes(themes).themes).toEqual([]);
		market.destroy();
	});

	it('makes a group of a theme with the people behind it who are still members, and links the theme to it', async () => {
		as('kari', 'Kari Nordmann');
		const market = await open();
		const post = market.post('Møterom', 1);
		as('per', 'Per Hansen', 'coach');
		market.setMeToo(post.id, true);
		as('anne', 'Anne Aas');
		market.setMeToo(post.id, true); // Anne has left the programme since.
		as('ingrid', 'Ingrid Lien', 'coordinator');
		expect(market.isFacilitator).toBe(true);
		const theme = market.createTheme('  Rom  ');
		market.place(post.id, theme.id);
		expect(() => market.place(post.id, 'nope')).toThrow(/No such theme/);
		await market.loadMembers();
		expect(market.peopleBehind(theme.id).map((p) => p.name)).toEqual(['Kari Nordmann', 'Per Hansen']);

		world.createGroup.mockResolvedValueOnce({ ok: true, value: { id: 'g1' } });
		const made = await market.makeGroup(theme.id);
		expect(made).toEqual({
			ok: true,
			groupId: 'g1',
			people: [
				{ userId: 'kari', name: 'Kari Nordmann' },
				{ userId: 'per', name: 'Per Hansen' }
			]
		});
		expect(world.createGroup).toHaveBeenCalledWith(
			'prog1',
			{ name: 'Rom', memberIds: ['kari', 'per'] },
			'token'
		);
		expect(readThemes(themes).themes).toEqual([{ id: theme.id, name: 'Rom', order: 1, groupId: 'g1' }]);
		expect(world.groupsLoaded).toBe(1);
		// Made once: asking again answers the same group without asking the server.
		expect(await market.makeGroup(theme.id)).toMatchObject({ ok: true, groupId: 'g1' });
		expect(world.createGroup).toHaveBeenCalledTimes(1);
		market.destroy();
	});

	it('makes only the people the facilitator confirmed members', async () => {
		as('kari', 'Kari Nordmann');
		const market = await open();
		const post = market.post('Møterom', 1);
		as('ingrid', 'Ingrid Lien', 'coordinator');
		const theme = market.createTheme('Rom');
		market.place(post.id, theme.id);
		await market.loadMembers();
		const confirmed = market.peopleBehind(theme.id);
		as('per', 'Per Hansen', 'coach');
		market.setMeToo(post.id, true); // after the confirmation was shown
		as('ingrid', 'Ingrid Lien', 'coordinator');
		world.createGroup.mockResolvedValueOnce({ ok: true, value: { id: 'g2' } });
		await market.makeGroup(theme.id, confirmed);
		expect(world.createGroup).toHaveBeenCalledWith('prog1', { name: 'Rom', memberIds: ['kari'] }, 'token');
		market.destroy();
	});

	it('makes nothing and changes nothing when offline or refused, and says why', async () => {
		as('ingrid', 'Ingrid Lien', 'coordinator');
		const market = await open();
		const theme = market.createTheme('Rom');
		const before = readThemes(themes);
		vi.stubGlobal('navigator', { onLine: false });
		expect(await market.makeGroup(theme.id)).toEqual({ ok: false, problem: 'offline' });
		vi.stubGlobal('navigator', { onLine: true });
		world.createGroup.mockResolvedValueOnce({ ok: false, kind: 'offline' });
		expect(await market.makeGroup(theme.id)).toEqual({ ok: false, problem: 'offline' });
		world.createGroup.mockResolvedValueOnce({ ok: false, kind: 'http', status: 400, error: 'unknown ids' });
		expect(await market.makeGroup(theme.id)).toEqual({ ok: false, problem: 'invalid' });
		world.createGroup.mockResolvedValueOnce({ ok: false, kind: 'http', status: 403, error: 'no' });
		expect(await market.makeGroup(theme.id)).toEqual({ ok: false, problem: 'forbidden' });
		world.createGroup.mockResolvedValueOnce({ ok: false, kind: 'http', status: 500, error: '' });
		expect(await market.makeGroup(theme.id)).toEqual({ ok: false, problem: 'failed' });
		expect(readThemes(themes)).toEqual(before);
		expect(world.groupsLoaded).toBe(0);
		market.destroy();
	});
});
