import * as v from 'valibot';
import { SettingsSchema, type Settings } from '$domain/settings';
import { db } from './db';

export async function loadSettings(): Promise<Settings> {
	const rows = await db().settings.toArray();
	const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
	const parsed = v.safeParse(SettingsSchema, raw);
	// A bad stored value is dropped, never fatal: settings have safe defaults.
	return parsed.success ? parsed.output : {};
}

export async function saveSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
	v.parse(SettingsSchema, { [key]: value });
	if (value === undefined) await db().settings.delete(key);
	else await db().settings.put({ key, value });
}
