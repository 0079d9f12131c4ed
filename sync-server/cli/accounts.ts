/**
 * Account administration from the shell, safe while the server runs (SQLite WAL):
 *   npm run accounts -- add --email E --password P --name N [--role coordinator|participant]
 *   npm run accounts -- list
 *   npm run accounts -- remove --email E
 * Reads DATA_DIR like the server. Never prints a password. Exit code 1 on any error.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { AccountRepository, ROLES, type Role } from '../auth/accounts.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db.ts';
import { SetupBody } from '../http/schemas.ts';

const USAGE = `Usage:
  npm run accounts -- add --email E --password P --name N [--role coordinator|participant]
  npm run accounts -- list
  npm run accounts -- remove --email E`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
	const { positionals, values } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			email: { type: 'string' },
			password: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	const [command, ...extra] = positionals;
	if (values.help) return console.log(USAGE);
	if (!command) throw new UsageError('Missing command.');
	if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);

	const db = openDatabase(loadConfig().dataDir);
	const accounts = new AccountRepository(db);
	try {
		switch (command) {
			case 'add':
				return await add(accounts, values);
			case 'list':
				return list(accounts);
			case 'remove':
				return remove(accounts, values.email);
			default:
				throw new UsageError(`Unknown command: ${command}`);
		}
	} finally {
		db.close();
	}
}

async function add(accounts: AccountRepository, values: Record<string, string | boolean | undefined>) {
	const role = (values.role ?? 'participant') as Role;
	if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
	for (const option of ['email', 'password', 'name']) {
		if (typeof values[option] !== 'string') throw new UsageError(`Missing --${option}.`);
	}
	const parsed = v.safeParse(SetupBody, {
		email: values.email,
		password: values.password,
		name: values.name
	});
	if (!parsed.success) throw new UsageError(parsed.issues[0].message);
	const { email, password, name } = parsed.output;
	const account = accounts.create({ email, name, role, passwordHash: await hashPassword(password) });
	console.log(`Added ${account.role} ${account.email} (${account.id})`);
}

function list(accounts: AccountRepository) {
	const all = accounts.list();
	if (all.length === 0) return console.log('No accounts.');
	for (const account of all) {
		const created = new Date(account.createdAt).toISOString().slice(0, 10);
		console.log(`${account.email}\t${account.role}\t${account.name}\t${account.id}\t${created}`);
	}
}

function remove(accounts: AccountRepository, email: string | undefined) {
	if (!email) throw new UsageError('Missing --email.');
	if (!accounts.remove(email)) throw new Error(`No account with the email ${email.trim().toLowerCase()}`);
	console.log(`Removed ${email.trim().toLowerCase()} and its sessions`);
}

try {
	await main(process.argv.slice(2));
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	const parseError = String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
	if (error instanceof UsageError || parseError) console.error(USAGE);
	process.exitCode = 1;
}
