import { afterAll, describe, expect, it } from 'vitest';
import { COMPETENCES } from '$domain/competence';
import { listedCompetences } from '$domain/competence-list';
import { guideSuggestions } from '$domain/mentor-guides';
import { readProgramme } from '$sync/programme-doc';
import { readGuide } from '$sync/scheme-guides';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../scripts/demo/seed.ts';
import { DEMO_SCHEME_NAME, DEMO_SCHEME_PEOPLE } from '../../scripts/demo/scheme.ts';
import { api, clientPeer, login, startServer, synced, tempDir, until } from './helpers.ts';

describe('npm run demo', () => {
	const dir = tempDir();
	afterAll(() => dir.remove());

	it('loads one account per role and a full programme that members sync, once', async () => {
		const first = await seedDemo(dir.path);
		expect(first.created).toBe(true);
		expect(await seedDemo(dir.path)).toEqual({
			programmeId: first.programmeId,
			schemeId: first.schemeId,
			created: false
		});

		const test = await startServer(dir.path);
		const room = `programme:${first.programmeId}`;
		for (const person of DEMO_PEOPLE) {
			const { token } = await login(test, person.email, DEMO_PASSWORD);
			const peer = clientPeer(test, room, token);
			await synced(peer);
			await until(() => readProgramme(peer.doc).programme.modules.length === 4, 5000, 'the programme');
			const { programme, skipped } = readProgramme(peer.doc);
			expect(skipped).toEqual([]);
			expect(programme.modules.reduce((sum, m) => sum + m.credits, 0)).toBe(40);
			expect(programme.events.length).toBeGreaterThanOrEqual(6);
			expect(programme.lectures).toHaveLength(10);
			expect(programme.requirements.map((r) => r.targetCharacters)).toEqual(
				expect.arrayContaining([2000, 20000])
			);
			expect(listedCompetences(programme.competences).map((c) => c.id)).toEqual([...COMPETENCES]);
			peer.destroy();
		}
		await test.stop();
	});

	it('has a mentor scheme open for registration, with its guides, where Kari and Sigrid register themselves', async () => {
		const { schemeId } = await seedDemo(dir.path);
		const test = await startServer(dir.path);
		const as = async (email: string) => (await login(test, email, DEMO_PASSWORD)).token;
		const coordinator = await as('koordinator@demo.lederlogg.no');

		const mine = await (await api(test, 'GET', '/api/programmes', undefined, coordinator)).json();
		expect(mine.programmes).toContainEqual(
			expect.objectContaining({
				id: schemeId,
				name: DEMO_SCHEME_NAME,
				kind: 'mentor-scheme',
				role: 'coordinator'
			})
		);
		const window = await (
			await api(test, 'GET', `/api/programmes/${schemeId}/registration`, undefined, coordinator)
		).json();
		expect(window.open).toBe(true);

		const all = await (
			await api(test, 'GET', `/api/programmes/${schemeId}/registrations`, undefined, coordinator)
		).json();
		const registered = all.registrations.map(
			(r: { name: string; details: { side: string } }) => `${r.name}:${r.details.side}`
		);
		expect(registered.sort()).toEqual(
			[...DEMO_SCHEME_PEOPLE.map((p) => `${p.name}:${p.registration.side}`), 'Per Hansen:mentor'].sort()
		);
		for (const email of ['deltaker@demo.lederlogg.no', 'mentor@demo.lederlogg.no']) {
			const token = await as(email);
			const own = await (
				await api(test, 'GET', `/api/programmes/${schemeId}/registrations/me`, undefined, token)
			).json();
			expect(own.registrations).toEqual([]);
		}

		const peer = clientPeer(test, `programme:${schemeId}`, await as('deltaker@demo.lederlogg.no'));
		await synced(peer);
		await until(
			() => guideSuggestions('topics', readGuide(peer.doc, 'topics')).length > 5,
			5000,
			'the guides'
		);
		expect(guideSuggestions('questions', readGuide(peer.doc, 'questions')).length).toBeGreaterThan(5);
		peer.destroy();
		await test.stop();
	});
});
