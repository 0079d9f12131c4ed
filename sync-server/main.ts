/**
 * Entry point: `node --import tsx sync-server/main.ts`. Configuration comes from the environment
 * (see config.ts). SIGTERM/SIGINT close gracefully: pending writes are flushed before exit.
 */
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createSyncServer } from './server.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const server = createSyncServer({ config, logger });
let stopping = false;
const stop = async (signal: string) => {
	if (stopping) return;
	stopping = true;
	logger.info('shutting down', { signal });
	try {
		await server.close();
		process.exit(0);
	} catch (error) {
		logger.error('shutdown failed', { error });
		process.exit(1);
	}
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));

const { url } = await server.listen();
console.log(`Lederlogg listening on ${url}`);
