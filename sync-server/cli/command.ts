/** The accounts commands, callable in-process (tests) or from the shell (accounts.ts). */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { AccountRepository, ROLES, type Role } from '../auth/accounts.ts';
import { hashPassword } from '../auth/passwords.ts';
import { openDatabase } from '../db.ts';
import { SetupBody } from '../http/schemas.ts';

const USAGE = `Usage:
  npm run accounts -- add --email E --password P --name N [--role coordinator|participant]
  npm run accounts -- list
  npm run accounts -- remove --email E`;

class UsageError extends Error {}

async function main(argv: string[], dataDir: string, out: Output): Promise<void> {
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
	if (values.help) return out.log(USAGE);
	if (!command) throw new UsageError('Missing command.');
	if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);

	const db = openDatabase(dataDir);
	const accounts = new AccountRepository(db);
	try {
		switch (command) {
			case 'add':
				return await add(accounts, values, out);
			case 'list':
				return list(accounts, out);
			case 'remove':
				return remove(accounts, values.email, out);
			default:
				throw new UsageError(`Unknown command: ${command}`);
		}
	} finally {
		db.close();
	}
}

async function add(
	accounts: AccountRepository,
	values: Record<string, string | boolean | undefined>,
	out: Output
) {
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
	out.log(`Added ${account.role} ${account.email} (${account.id})`);
}

function list(accounts: AccountRepository, out: Output) {
	const all = accounts.list();
	if (all.length === 0) return out.log('No accounts.');
	for (const account of all) {
		const created = new Date(account.createdAt).toISOString().slice(0, 10);
		out.log(`${account.email}\t${account.role}\t${account.name}\t${account.id}\t${created}`);
	}
}

function remove(accounts: AccountRepository, email: string | undefined, out: Output) {
	if (!email) throw new UsageError('Missing --email.');
	if (!accounts.remove(email)) throw new Error(`No account with the email ${email.trim().toLowerCase()}`);
	out.log(`Removed ${email.trim().toLowerCase()} and its sessions`);
}

export interface Output {
	log(line: string): void;
	error(line: string): void;
}

/** Runs one accounts command against the database in `dataDir`. Returns the exit code. */
export async function runAccounts(argv: string[], dataDir: string, out: Output = console): Promise<number> {
	try {
		await main(argv, dataDir, out);
		return 0;
	} catch (error) {
		out.error(error instanceof Error ? error.message : String(error));
		const parseError = String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
		if (error instanceof UsageError || parseError) out.error(USAGE);
		return 1;
	}
}
