/** Runs the real sync server process for the benchmark and creates the account it uses. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTimeout } from './stats.ts';

export interface Account {
	email: string;
	password: string;
	name: string;
}

export interface Grant {
	token: string;
	userId: string;
}

export class BenchServer {
	readonly dataDir = mkdtempSync(join(tmpdir(), 'lederlogg-bench-'));
	url = '';
	#child: ChildProcess | null = null;
	#exited: Promise<void> = Promise.resolve();
	/** Running accounts CLI processes (they write to DATA_DIR). */
	#tools = new Map<ChildProcess, Promise<unknown>>();

	constructor(
		private readonly root: string,
		private readonly staticDir: string
	) {}

	get pid(): number {
		if (!this.#child?.pid) throw new Error('the server is not running');
		return this.#child.pid;
	}

	/** Starts `node --import tsx sync-server/main.ts` on a free port and waits for its "listening" line. */
	async start(): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
			cwd: this.root,
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				STATIC_DIR: this.staticDir,
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child = child;
		this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
		child.once('exit', (code, signal) => {
			if (this.#child === child) console.error(`bench: the server exited unexpectedly (${signal ?? code})`);
		});
		child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
		let output = '';
		const listening = new Promise<string>((resolve, reject) => {
			child.stdout?.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /Lederlogg listening on (https?:\/\/\S+)/.exec(output);
				if (match) resolve(match[1]);
			});
			child.once('exit', (code, signal) =>
				reject(new Error(`the server exited early (${signal ?? code}): ${output}`))
			);
		});
		this.url = await withTimeout(listening, 20_000, 'the server to print its URL');
	}

	/** Creates a participant with the accounts CLI, or through first-run setup if the CLI is absent. */
	async createAccount(account: Account): Promise<'cli' | 'setup'> {
		if (existsSync(join(this.root, 'sync-server/cli/accounts.ts'))) {
			const args = ['add', '--email', account.email, '--password', account.password, '--name', account.name];
			await this.#cli(args);
			return 'cli';
		}
		const response = await fetch(`${this.url}/api/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(account),
			signal: AbortSignal.timeout(10_000)
		});
		if (response.status !== 201) throw new Error(`POST /api/setup answered ${response.status}`);
		return 'setup';
	}

	async login(account: Account): Promise<Grant> {
		const response = await fetch(`${this.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: account.email, password: account.password }),
			signal: AbortSignal.timeout(10_000)
		});
		if (response.status !== 200) throw new Error(`POST /api/auth/login answered ${response.status}`);
		const grant = (await response.json()) as { token: string; user: { id: string } };
		return { token: grant.token, userId: grant.user.id };
	}

	/** The server process's resident set size in MiB, from /proc/<pid>/status (VmRSS). */
	rssMiB(): number | null {
		try {
			const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
			const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
			return match ? Number(match[1]) / 1024 : null;
		} catch {
			return null;
		}
	}

	/** SIGTERM (the server flushes and exits), SIGKILL after 10 s; then removes DATA_DIR. */
	async dispose(): Promise<void> {
		for (const [tool, exited] of this.#tools) {
			tool.kill('SIGKILL');
			await withTimeout(exited, 5_000, 'the accounts CLI to exit');
		}
		const child = this.#child;
		this.#child = null;
		if (child && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			try {
				await withTimeout(this.#exited, 10_000, 'the server to exit after SIGTERM');
			} catch (error) {
				console.error(`bench: ${(error as Error).message}; sending SIGKILL`);
				child.kill('SIGKILL');
				await withTimeout(this.#exited, 5_000, 'the server to exit after SIGKILL');
			}
		}
		rmSync(this.dataDir, { recursive: true, force: true });
	}

	#cli(args: string[]): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli/accounts.ts', ...args], {
			cwd: this.root,
			env: { ...process.env, DATA_DIR: this.dataDir },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		this.#tools.set(child, exited);
		const done = exited.then((code) => {
			this.#tools.delete(child);
			if (code !== 0) throw new Error(`accounts ${args[0]} exited ${code}: ${stderr.trim()}`);
		});
		return withTimeout(done, 20_000, `accounts ${args[0]}`);
	}
}
