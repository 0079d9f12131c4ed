import { describe, expect, it } from 'vitest';
import { createLogger, stripToken } from '../../sync-server/log.ts';

describe('logger', () => {
	it('strips the token from URLs and keeps the rest', () => {
		expect(stripToken('/sync/user:1?token=abc.def.ghi')).toBe('/sync/user:1');
		expect(stripToken('/sync/user:1?x=1&token=abc&y=2')).toBe('/sync/user:1?x=1&y=2');
		expect(stripToken('/api/health')).toBe('/api/health');
	});

	it('never writes secrets, and respects the level', () => {
		const lines: string[] = [];
		const logger = createLogger('info', (line) => lines.push(line));
		logger.debug('hidden');
		logger.info('login', { email: 'a@b.no', password: 'hunter2', token: 'jwt', url: '/sync/r?token=jwt' });
		logger.error('boom', { error: new Error('bad') });
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain('a@b.no');
		expect(lines[0]).not.toMatch(/hunter2|jwt/);
		expect(lines[1]).toMatch(/ error boom .*bad/);
		createLogger('silent', (line) => lines.push(line)).error('nothing');
		expect(lines).toHaveLength(2);
	});
});
