/** Starts and stops the real sync server process for end-to-end tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerOptions {
	/** Serve a private copy of build/ (tests that deploy a "new version" change it). */
	copyBuild?: boolean;
	env?: Record<string, string>;
}

export class E2eServer {
	readonly dataDir = mkdtempSync(join(tmpdir(), 'lederlogg-e2e-'));
	readonly staticDir: string;
	port = 0;
	#process: ChildProcess | null = null;

	constructor(private readonly options: ServerOptions = {}) {
		this.staticDir = join(ROOT, 'build');
		if (options.copyBuild) {
			this.staticDir = join(this.dataDir, 'build');
			cpSync(join(ROOT, 'build'), this.staticDir, { recursive: true });
		}
	}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	/** Starts the server (on the same port as before, after a stop). */
	async start(): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: 'localhost',
				DATA_DIR: this.dataDir,
				STATIC_DIR: this.staticDir,
				LOG_LEVEL: 'warn',
				...this.options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#process = child;
		child.stderr?.on('data', (d) => process.stderr.write(`[server] ${d}`));
		this.port = await new Promise<number>((resolvePort, reject) => {
			let out = '';
			const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
			child.stdout?.on('data', (d: Buffer) => {
				out += d.toString();
				const match = /listening on https?:\/\/[^:]+:(\d+)/.exec(out);
				if (match) {
					clearTimeout(timer);
					resolvePort(Number(match[1]));
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`server exited with ${code}: ${out}`));
			});
		});
	}

	/** Stops the server gracefully (SIGTERM) and waits for the process to end. */
	async stop(): Promise<void> {
		const child = this.#process;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((done) => {
			child.once('exit', () => done());
			child.kill('SIGTERM');
		});
		this.#process = null;
	}

	/** Creates an account with the documented CLI (`npm run accounts -- add …`). */
	addAccount(email: string, password: string, name: string, role = 'participant'): void {
		this.#accounts(['add', '--email', email, '--password', password, '--name', name, '--role', role]);
	}

	/** Removes an account (and so every session of it) with the CLI. */
	removeAccount(email: string): void {
		this.#accounts(['remove', '--email', email]);
	}

	#accounts(args: string[]): void {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli/accounts.ts', ...args], {
			cwd: ROOT,
			env: { ...process.env, DATA_DIR: this.dataDir },
			encoding: 'utf8'
		});
		if (result.status !== 0) throw new Error(`accounts ${args[0]} failed: ${result.stderr}`);
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
