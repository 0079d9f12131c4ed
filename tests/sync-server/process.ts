/** Runs the real server process (`node --import tsx sync-server/main.ts`) for crash and shutdown tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as encoding from 'lib0/encoding';
import { MESSAGE_SYNC } from '../../src/lib/sync/protocol.ts';

export const ADMIN = { email: 'admin@example.org', password: 'admin password' };

export interface ServerProcess {
	child: ChildProcess;
	url: string;
	wsUrl: string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			STATIC_DIR: dataDir + '/no-build',
			LOG_LEVEL: 'warn',
			LEDERLOGG_ADMIN_EMAIL: ADMIN.email,
			LEDERLOGG_ADMIN_PASSWORD: ADMIN.password,
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /Lederlogg listening on http:\/\/([^\s]+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve({ child, url: `http://${match[1]}`, wsUrl: `ws://${match[1]}`, exited });
			}
		});
		void exited.then(() => reject(new Error(`server exited early: ${output}`)));
	});
}

export async function loginAdmin(server: ServerProcess): Promise<{ token: string; userId: string }> {
	const response = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(ADMIN)
	});
	const grant = (await response.json()) as { token: string; user: { id: string } };
	return { token: grant.token, userId: grant.user.id };
}

export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}
