/**
 * A mentor scheme's guides (example questions, suggested topics, guidelines, the method) as its
 * pages use them: read from the scheme's programme document, which the ProgrammeKeeper keeps on
 * every member's device (so they read offline); coordinators write them in the rich-text editor,
 * starting from the suggested text if they like. The server refuses members' writes to the room.
 */
import { GUIDE_KEYS, type GuideKey } from '$domain/mentor-guides';
import { defaultGuide } from '$domain/mentor-guide-defaults';
import { emptyRichDoc, type RichDoc } from '$domain/rich-text';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { guideFragment, isGuideEmpty, observeGuide, readGuide, writeGuide } from '$sync/scheme-guides';
import { acquireProgramme, releaseProgramme, type ProgrammeRooms } from './programme-rooms';
import { myProgrammes } from './programmes.svelte';
import type { MountRichText } from './rich-text';

const emptyGuides = (): Record<GuideKey, RichDoc> =>
	Object.fromEntries(GUIDE_KEYS.map((key) => [key, emptyRichDoc()])) as Record<GuideKey, RichDoc>;

export class SchemeGuides {
	#guides = $state.raw<Record<GuideKey, RichDoc>>(emptyGuides());
	#loaded = $state(false);
	#rooms = $state.raw<ProgrammeRooms | null>(null);
	#stops: (() => void)[] = [];

	constructor(readonly programmeId: string) {}

	get loaded() {
		return this.#loaded;
	}
	/** Coordinators write (and the room lets them). */
	get canEdit(): boolean {
		return (
			myProgrammes.role(this.programmeId) === 'coordinator' && (this.#rooms?.main.access ?? 'open') === 'open'
		);
	}
	get removed(): boolean {
		return this.#rooms?.main.access === 'removed';
	}
	guide(key: GuideKey): RichDoc {
		return this.#guides[key];
	}
	isEmpty(key: GuideKey): boolean {
		return isGuideEmpty(this.#guides[key]);
	}

	async open(): Promise<void> {
		const rooms = acquireProgramme(this.programmeId);
		this.#rooms = rooms;
		await rooms.opened;
		if (this.#rooms !== rooms) return; // destroyed meanwhile
		const doc = rooms.main.doc.doc;
		const read = (key: GuideKey) => (this.#guides = { ...this.#guides, [key]: readGuide(doc, key) });
		for (const key of GUIDE_KEYS) {
			read(key);
			this.#stops.push(observeGuide(doc, key, () => read(key)));
		}
		this.#loaded = true;
	}

	destroy(): void {
		for (const stop of this.#stops.splice(0)) stop();
		if (this.#rooms) releaseProgramme(this.programmeId);
		this.#rooms = null;
	}

	/** The editor of one guide: editable for coordinators, read-only for everyone else. */
	mount =
		(key: GuideKey): MountRichText =>
		async (element, options) => {
			const { mountEditor } = await import('$sync/rich-text');
			const rooms = this.#rooms;
			if (!rooms) throw new Error('The scheme is not open.');
			await rooms.opened;
			return mountEditor(element, guideFragment(rooms.main.doc.doc, key), {
				...options,
				editable: this.canEdit && options?.editable !== false
			});
		};

	/** Puts the suggested text into an empty guide (coordinators). */
	useSuggestion(key: GuideKey): void {
		const rooms = this.#rooms;
		if (!rooms || !this.canEdit) throw new Error('Only coordinators write the guides.');
		if (!this.isEmpty(key)) return;
		writeGuide(rooms.main.doc.doc, key, defaultGuide(key), LOCAL_ORIGIN);
	}
}
