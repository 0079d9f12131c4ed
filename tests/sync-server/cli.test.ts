import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccounts } from '../../sync-server/cli/command.ts';
import { api, startServer, tempDir, type TestServer } from './helpers.ts';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

describe('accounts CLI (while the server runs)', () => {
	const dir = tempDir();
	let test: TestServer;

	beforeAll(async () => {
		test = await startServer(dir.path);
	});
	afterAll(async () => {
		await test.stop();
		dir.remove();
	});

	/** The real script, as `npm run accounts` starts it. */
	const spawnCli = (...args: string[]) =>
		new Promise<Run>((resolve) => {
			execFile(
				process.execPath,
				['--import', 'tsx', 'sync-server/cli/accounts.ts', ...args],
				{ env: { ...process.env, DATA_DIR: dir.path } },
				(error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
			);
		});

	/** The same commands in-process (a second database connection, like the script's). */
	const run = async (...args: string[]): Promise<Run> => {
		const out = { stdout: '', stderr: '' };
		const code = await runAccounts(args, dir.path, {
			log: (line) => (out.stdout += line + '\n'),
			error: (line) => (out.stderr += line + '\n')
		});
		return { code, ...out };
	};

	it('adds an account that can sign in at once, and never prints the password', async () => {
		const added = await spawnCli(
			'add',
			'--email',
			'Ola@Example.org',
			'--password',
			'secret pass 1',
			'--name',
			'Ola',
			'--role',
			'coordinator'
		);
		expect(added.code).toBe(0);
		expect(added.stdout).toContain('ola@example.org');
		expect(added.stdout + added.stderr).not.toContain('secret pass 1');

		const login = await api(test, 'POST', '/api/auth/login', {
			email: 'ola@example.org',
			password: 'secret pass 1'
		});
		expect(login.status).toBe(200);
		expect((await login.json()).user.role).toBe('coordinator');

		const listed = await run('list');
		expect(listed.code).toBe(0);
		expect(listed.stdout).toMatch(/ola@example\.org\tcoordinator\tOla/);
		expect(listed.stdout).not.toContain('scrypt');
	});

	it('exits 1 from the shell on bad input', async () => {
		const result = await spawnCli('add', '--email', 'x@example.org');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/Missing --password/);
	});

	it('removes an account, which ends its sessions', async () => {
		await run('add', '--email', 'gone@example.org', '--password', 'secret pass 2', '--name', 'Gone');
		const login = await api(test, 'POST', '/api/auth/login', {
			email: 'gone@example.org',
			password: 'secret pass 2'
		});
		const { token } = await login.json();
		expect((await run('remove', '--email', 'gone@example.org')).code).toBe(0);
		expect((await api(test, 'GET', '/api/auth/me', undefined, token)).status).toBe(401);
		expect((await run('remove', '--email', 'gone@example.org')).code).toBe(1);
	});

	it('fails with exit code 1 and a clear message on bad input', async () => {
		const cases: [string[], RegExp][] = [
			[[], /Missing command/],
			[['frob'], /Unknown command/],
			[['add', '--email', 'a@example.org', '--name', 'A'], /Missing --password/],
			[['add', '--email', 'nope', '--password', 'long enough', '--name', 'A'], /valid email/],
			[['add', '--email', 'b@example.org', '--password', 'short', '--name', 'B'], /at least 8/],
			[
				['add', '--email', 'c@example.org', '--password', 'long enough', '--name', 'C', '--role', 'boss'],
				/--role/
			],
			[['add', '--email', 'ola@example.org', '--password', 'long enough', '--name', 'Dup'], /already exists/],
			[['list', '--bogus'], /Unknown option/]
		];
		for (const [args, message] of cases) {
			const result = await run(...args);
			expect(result.code, args.join(' ')).toBe(1);
			expect(result.stderr, args.join(' ')).toMatch(message);
			expect(result.stdout + result.stderr).not.toContain('long enough');
		}
	});
});
