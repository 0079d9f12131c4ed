/**
 * Account administration from the shell, safe while the server runs (SQLite WAL):
 *   npm run accounts -- add --email E --password P --name N [--role coordinator|participant]
 *   npm run accounts -- list
 *   npm run accounts -- remove --email E
 * Reads DATA_DIR like the server. Never prints a password. Exit code 1 on any error.
 */
import { loadConfig } from '../config.ts';
import { runAccounts } from './command.ts';

process.exitCode = await runAccounts(process.argv.slice(2), loadConfig().dataDir);
