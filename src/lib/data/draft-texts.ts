/** The text of my drafts on this device, for search (kept in step by the drafts' keeper). */
import * as v from 'valibot';
import { DraftTextRowSchema, type DraftTextRow } from '$domain/draft';
import { db } from './db';

export async function putDraftText(row: DraftTextRow): Promise<void> {
	await db().draftTexts.put(v.parse(DraftTextRowSchema, row));
}

export async function deleteDraftText(id: string): Promise<void> {
	await db().draftTexts.delete(id);
}

/** Every draft's text on this device (malformed rows skipped). */
export async function allDraftTexts(): Promise<DraftTextRow[]> {
	return (await db().draftTexts.toArray()).flatMap((row) => {
		const parsed = v.safeParse(DraftTextRowSchema, row);
		return parsed.success ? [parsed.output] : [];
	});
}
