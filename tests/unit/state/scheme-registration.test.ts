/**
 * Registering offline: the form is refused field by field, then kept on the device when there is
 * no connection (a new page finds it again), and dropped only when asked. Real settings store
 * (fake-indexeddb); no server (the e2e test sends to the real one).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('$state/app.svelte', () => ({ app: { token: 'token', user: { id: 'kari', name: 'Kari' } } }));
vi.mock('$state/programmes.svelte', () => ({
	myProgrammes: { items: [{ id: 'p1', name: 'Mentorordning', kind: 'mentor-scheme', role: 'participant' }] }
}));
const { SchemeRegistration, isMentorScheme } = await import('$state/scheme-registration.svelte');
const { loadSettings } = await import('$data/settings-repo');

describe('my registration (state)', () => {
	beforeAll(() => vi.stubGlobal('navigator', { onLine: false }));
	afterAll(() => vi.unstubAllGlobals());

	it('refuses an empty form per field, keeps a filled one on the device offline, and drops it when asked', async () => {
		expect(isMentorScheme('p1')).toBe(true);
		expect(isMentorScheme('p2')).toBe(false);
		const first = new SchemeRegistration('p1');
		await first.load();
		expect(await first.submit('mentee')).toBe(false);
		expect(first.errors('mentee')).toMatchObject({ library: 'required', sector: 'sector' });
		expect(first.problem('mentee')).toBeNull();

		Object.assign(first.forms.mentee, {
			library: 'Loppa bibliotek',
			sector: 'school',
			yearsAsLeader: '2',
			wantsToWorkOn: 'Budsjett'
		});
		first.changed('mentee');
		// Errors follow the typing once the form has been sent.
		expect(first.errors('mentee')).toEqual({});
		expect(await first.submit('mentee')).toBe(false);
		expect(first.problem('mentee')).toBe('offline');
		expect(first.hasDraft('mentee')).toBe(true);
		expect(first.hasDraft('mentor')).toBe(false);

		// A new page (a reload on the ferry) finds what was typed.
		const second = new SchemeRegistration('p1');
		await second.load();
		expect(second.hasDraft('mentee')).toBe(true);
		expect(second.forms.mentee).toMatchObject({
			library: 'Loppa bibliotek',
			sector: 'school',
			yearsAsLeader: '2'
		});
		expect(second.forms.mentor.library).toBe('');

		await second.discard('mentee');
		expect(second.forms.mentee.library).toBe('');
		const third = new SchemeRegistration('p1');
		await third.load();
		expect(third.hasDraft('mentee')).toBe(false);
		expect((await loadSettings()).mentorSchemes?.p1.drafts.mentee).toBeUndefined();
	});

	it('keeps typing on the device shortly after each change, without a send', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const page = new SchemeRegistration('p1');
			await page.load();
			page.forms.mentor.experience = 'Tjue år som biblioteksjef';
			page.changed('mentor');
			expect((await loadSettings()).mentorSchemes?.p1?.drafts.mentor).toBeUndefined();
			await vi.advanceTimersByTimeAsync(400);
			await page.flush();
			expect((await loadSettings()).mentorSchemes?.p1.drafts.mentor?.experience).toBe(
				'Tjue år som biblioteksjef'
			);
		} finally {
			vi.useRealTimers();
		}
	});
});
