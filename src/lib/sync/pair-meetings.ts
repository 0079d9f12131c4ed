/**
 * The meetings of a mentor pair, in the pair's document (room `pair:<id>`, which only the two open).
 *
 * Shape of the meeting part (stable: both of the pair's devices read it; the agreement and the
 * evaluation of the same document are in pair-doc.ts):
 *   meetings:      Y.Map<meetingId, plain Meeting>            the shared log (meeting-log.ts); a series
 *                                                             planned at once is one Meeting per date,
 *                                                             written in one transaction
 *   meetingAgenda: Y.Map<itemId, plain MeetingAgendaItem>     one per item; `guide` names the guide a
 *                                                             picked suggestion came from
 *   agreements:    Y.Map<agreementId, plain Agreement>        the agreed follow-ups (what, who, by when)
 *   meetingHeld:   Y.Map<meetingId, plain HeldMark>           "Gjennomført", one record per meeting
 *   agreementDone: Y.Map<agreementId, plain DoneMark>         a follow-up ticked done, one per follow-up
 *   meeting-notes:<meetingId>: Y.XmlFragment (top-level)     the meeting's shared notes, rich text
 *                                                             (rich-text-schema.ts), co-edited
 * The held mark and the done tick are records of their own, so a tick and an edit of the meeting
 * made offline on the two devices both survive, and a tick never brings back a removed follow-up.
 * The notes are a top-level fragment, so the two starting them offline merge their text.
 * Nothing private is ever written here: a reflection lives only in its writer's workspace
 * (`user:<id>`, a note linked to the meeting by ids).
 *
 * The agenda picker reads the scheme's guides from the programme document (`programme:<id>`,
 * fragments `guide:<key>`), which the programme keeper keeps on the device.
 */
import type * as Y from 'yjs';
import {
	guideFragmentName,
	guideSuggestions,
	SUGGESTION_GUIDES,
	type GuideKey,
	type GuideSuggestion
} from '$domain/mentor-guides';
import { DoneMarkSchema, HeldMarkSchema, type DoneMark, type HeldMark } from '$domain/pair-meeting';
import { putMapItem, readMapItems } from './item-maps';
import { observeMeetingLog } from './meeting-log';
import { fragmentToRichDoc } from './rich-text-json';

const HELD = 'meetingHeld';
const DONE = 'agreementDone';

export const meetingNotesName = (meetingId: string) => `meeting-notes:${meetingId}`;

/** A meeting's shared notes (bind it with rich-text.ts). */
export const meetingNotes = (doc: Y.Doc, meetingId: string): Y.XmlFragment =>
	doc.getXmlFragment(meetingNotesName(meetingId));

export interface PairMarks {
	held: HeldMark[];
	done: DoneMark[];
}

export function readPairMarks(doc: Y.Doc): PairMarks {
	return {
		held: readMapItems(doc, HELD, HeldMarkSchema).items,
		done: readMapItems(doc, DONE, DoneMarkSchema).items
	};
}

export function setHeld(
	doc: Y.Doc,
	meetingId: string,
	held: boolean,
	by: string,
	at: string,
	origin: unknown
): HeldMark {
	return putMapItem(
		doc,
		HELD,
		HeldMarkSchema,
		{ id: meetingId, meetingId, held, markedBy: by, markedAt: at },
		origin
	);
}

export function setDone(
	doc: Y.Doc,
	agreementId: string,
	done: boolean,
	by: string,
	at: string,
	origin: unknown
): DoneMark {
	return putMapItem(
		doc,
		DONE,
		DoneMarkSchema,
		{ id: agreementId, agreementId, done, markedBy: by, markedAt: at },
		origin
	);
}

/** Calls back after any change to the log or its marks (here, in another tab, or from the other device). */
export function observePairMeetings(doc: Y.Doc, callback: () => void): () => void {
	const stopLog = observeMeetingLog(doc, callback);
	const marks = [doc.getMap(HELD), doc.getMap(DONE)];
	const handler = () => callback();
	for (const map of marks) map.observe(handler);
	return () => {
		stopLog();
		for (const map of marks) map.unobserve(handler);
	};
}

/** The suggestions of the guides an agenda is built from (topics, questions), read from the programme document. */
export function readGuideSuggestions(
	programmeDoc: Y.Doc
): { guide: GuideKey; suggestions: GuideSuggestion[] }[] {
	return SUGGESTION_GUIDES.map((guide) => ({
		guide,
		suggestions: guideSuggestions(
			guide,
			fragmentToRichDoc(programmeDoc.getXmlFragment(guideFragmentName(guide)))
		)
	}));
}

/** Calls back when a coordinator changes one of those guides. */
export function observeGuideSuggestions(programmeDoc: Y.Doc, callback: () => void): () => void {
	const fragments = SUGGESTION_GUIDES.map((g) => programmeDoc.getXmlFragment(guideFragmentName(g)));
	const handler = () => callback();
	for (const f of fragments) f.observeDeep(handler);
	return () => fragments.forEach((f) => f.unobserveDeep(handler));
}
