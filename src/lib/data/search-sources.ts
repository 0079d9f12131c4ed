/** Live reads of the device's tables for search (the note index has its own, `watchNotes`). */
import { liveQuery, type Subscription } from 'dexie';
import type { DraftTextRow } from '$domain/draft';
import { allDraftTexts } from './draft-texts';

/** Every draft's text, now and after each change to the table. */
export function watchDraftTexts(onRows: (rows: DraftTextRow[]) => void): Subscription {
	return liveQuery(allDraftTexts).subscribe({ next: onRows, error: (e) => console.error(e) });
}
