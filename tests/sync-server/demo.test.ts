import { afterAll, describe, expect, it } from 'vitest';
import { COMPETENCES } from '$domain/competence';
import { listedCompetences } from '$domain/competence-list';
import { readProgramme } from '$sync/programme-doc';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '../../scripts/demo/seed.ts';
import { clientPeer, login, startServer, synced, tempDir, until } from './helpers.ts';

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
});
