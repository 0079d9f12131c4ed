/**
 * A tiny structured logger: one line per event, `time level message {fields}`.
 * Secrets never reach the output: fields named like a secret are replaced, and URLs lose their `token`.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Fields = Record<string, unknown>;

export interface Logger {
	debug(message: string, fields?: Fields): void;
	info(message: string, fields?: Fields): void;
	warn(message: string, fields?: Fields): void;
	error(message: string, fields?: Fields): void;
}

const SECRET_FIELD = /token|password|authorization|secret|key/i;

export function createLogger(level: LogLevel, write: (line: string) => void = defaultWrite): Logger {
	const threshold = LOG_LEVELS.indexOf(level);
	const emit = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: Fields) => {
		if (LOG_LEVELS.indexOf(at) < threshold) return;
		const suffix = fields ? ' ' + JSON.stringify(redact(fields)) : '';
		write(`${new Date().toISOString()} ${at} ${message}${suffix}`);
	};
	return {
		debug: (message, fields) => emit('debug', message, fields),
		info: (message, fields) => emit('info', message, fields),
		warn: (message, fields) => emit('warn', message, fields),
		error: (message, fields) => emit('error', message, fields)
	};
}

/** Removes the `token` query parameter from a request URL (path and query only). */
export function stripToken(url: string): string {
	const queryAt = url.indexOf('?');
	if (queryAt === -1) return url;
	const params = new URLSearchParams(url.slice(queryAt + 1));
	params.delete('token');
	const query = params.toString();
	return url.slice(0, queryAt) + (query ? '?' + query : '');
}

function redact(fields: Fields): Fields {
	const out: Fields = {};
	for (const [name, value] of Object.entries(fields)) {
		if (SECRET_FIELD.test(name)) out[name] = '[redacted]';
		else if (value instanceof Error) out[name] = value.stack ?? value.message;
		else if (name === 'url' && typeof value === 'string') out[name] = stripToken(value);
		else out[name] = value;
	}
	return out;
}

function defaultWrite(line: string): void {
	process.stderr.write(line + '\n');
}
