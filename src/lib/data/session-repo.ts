import * as v from 'valibot';
import { SessionSchema, type Session } from '$domain/session';
import { db } from './db';

export async function loadSession(): Promise<Session | null> {
	const row = await db().session.get('current');
	const parsed = v.safeParse(SessionSchema, row?.value);
	return parsed.success ? parsed.output : null;
}

export async function saveSession(session: Session): Promise<void> {
	await db().session.put({ key: 'current', value: v.parse(SessionSchema, session) });
}

export async function clearSession(): Promise<void> {
	await db().session.delete('current');
}
