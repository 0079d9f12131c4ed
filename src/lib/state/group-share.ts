/**
 * Sharing one of my private notes into a colloquium group: a copy of its text becomes a new page
 * of the group's notes, saying whose note it was and when it was shared. The note itself stays in
 * my private workspace, unchanged; later edits on either side stay on that side. Works offline:
 * the group's document is on the device and the page syncs when there is a connection.
 */
import * as v from 'valibot';
import { GroupPageSchema, groupRoom, nextPageOrder, type GroupPage } from '$domain/group';
import { addPageWithText, readPages } from '$sync/group-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { fragmentToRichDoc } from '$sync/rich-text-json';
import { app } from './app.svelte';
import { newRecordId } from './records.svelte';
import { acquireRoom, releaseRoom } from './room-pool';

/** Copies the note into the group as a new page; answers the page's id. */
export async function shareNoteIntoGroup(noteId: string, groupId: string, now = new Date()): Promise<string> {
	const workspace = app.workspace;
	const user = app.user;
	if (!workspace || !user) throw new Error('Sign in to share into a group.');
	const note = workspace.readNote(noteId);
	const body = workspace.noteBody(noteId);
	if (!note || !body) throw new Error(`No note ${noteId} in the workspace.`);
	const text = fragmentToRichDoc(body);

	const room = groupRoom(groupId);
	const opened = acquireRoom(room);
	try {
		await opened.opened;
		if (opened.shared.access === 'removed') throw new Error('No longer a member of this group.');
		const doc = opened.shared.doc.doc;
		const page: GroupPage = v.parse(GroupPageSchema, {
			id: newRecordId(),
			title: note.title.trim().slice(0, 200),
			createdAt: now.toISOString(),
			createdBy: user.id,
			order: nextPageOrder(readPages(doc)),
			sharedFrom: {
				authorId: user.id,
				authorName: user.name,
				noteTitle: note.title.trim().slice(0, 200),
				sharedAt: now.toISOString()
			}
		});
		addPageWithText(doc, page, text, LOCAL_ORIGIN);
		await opened.shared.flush();
		return page.id;
	} finally {
		releaseRoom(room);
	}
}
