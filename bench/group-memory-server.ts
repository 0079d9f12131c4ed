/**
 * The sync server as a child of `bench/group-memory.ts`, forked with `--expose-gc`: the real server
 * (SQLite in the DATA_DIR it is given) plus an IPC channel, so the bench can ask for its memory
 * after a full garbage collection. The clients run in the parent and never count here.
 *   parent → { type: 'measure' }  child → { type: 'memory', memory: process.memoryUsage(), rooms }
 *   parent → { type: 'stop' }     child closes the server and exits
 */
import { loadConfig } from '../sync-server/config.ts';
import { createSyncServer } from '../sync-server/server.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('fork this with --expose-gc and an IPC channel');
const send = process.send.bind(process);

const server = createSyncServer({ config: loadConfig() });
const { url } = await server.listen();

process.on('message', (message: { type: string }) => {
	void (async () => {
		if (message.type === 'measure') {
			// Twice with a pause: weak references and finalizers let go on the second pass.
			gc();
			await new Promise((resolve) => setTimeout(resolve, 100));
			gc();
			send({ type: 'memory', memory: process.memoryUsage(), rooms: server.endpoint.rooms.size });
		} else if (message.type === 'stop') {
			await server.close();
			process.exit(0);
		}
	})();
});

send({ type: 'listening', url });
