/**
 * One draft as its page uses it: title, facts, live length, versions, and the verbs. Mine or
 * shared with me (then read-only: the server refuses any write to the text). Everything is
 * written to the device at once and synced when there is a connection.
 */
import { lengthVerdict, type DraftMeta, type DraftStatus, type DraftVersion } from '$domain/draft';
import { countText, richPlainText, type RichDoc, type TextCount } from '$domain/rich-text';
import { draftRoom } from '$domain/sharing';
import {
	addVersion,
	bindDraftTitle,
	draftBody,
	observeDraft,
	readDraftBody,
	readDraftMeta,
	readVersions,
	replaceDraftBody,
	setDraftRequirement,
	setDraftStatus
} from '$sync/draft-doc';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import { locale, t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { newRecordId } from './records.svelte';
import type { MountRichText } from './rich-text';
import { acquireRoom, releaseRoom, type PooledRoom } from './room-pool';
import type { RoomAccess } from './shared-room.svelte';

/** How often the length is recounted while typing, at most (it never runs inside a keystroke). */
const COUNT_INTERVAL_MS = 250;

export class DraftView {
	readonly room: string;
	#meta = $state.raw<DraftMeta | null>(null);
	#versions = $state.raw<DraftVersion[]>([]);
	#count = $state.raw<TextCount>({ characters: 0, charactersNoSpaces: 0, words: 0 });
	#loaded = $state(false);
	#opened = $state.raw<PooledRoom | null>(null);
	#stop: (() => void) | null = null;
	#countTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		readonly ownerId: string,
		readonly id: string
	) {
		this.room = draftRoom(ownerId, id);
	}

	get meta() {
		return this.#meta;
	}
	/** Versions, newest first. */
	get versions() {
		return this.#versions;
	}
	get count() {
		return this.#count;
	}
	/** Against the linked requirement's target, if any. */
	get verdict() {
		return lengthVerdict(this.#count.characters, this.#meta?.requirement?.targetCharacters ?? 0);
	}
	get loaded() {
		return this.#loaded;
	}
	get exists(): boolean {
		return this.#meta !== null;
	}
	get access(): RoomAccess {
		return this.#opened?.shared.access ?? 'open';
	}
	get everSynced(): boolean {
		return this.#opened?.shared.everSynced ?? false;
	}
	get isOwner(): boolean {
		return app.user?.id === this.ownerId && !app.isGuest;
	}
	/** Only the author writes the text; a submitted draft stays writable (a new round may follow). */
	get writable(): boolean {
		return this.isOwner && this.access === 'open';
	}

	async open(): Promise<void> {
		const opened = acquireRoom(this.room);
		this.#opened = opened;
		await opened.opened;
		if (this.#opened !== opened || opened.shared.access === 'removed') return;
		const doc = opened.shared.doc.doc;
		const read = () => {
			this.#meta = readDraftMeta(doc);
			this.#versions = readVersions(doc).reverse();
		};
		read();
		this.#recount();
		this.#loaded = true;
		this.#stop = observeDraft(doc, (bodyChanged) => {
			read();
			if (bodyChanged) this.#countTimer ??= setTimeout(() => this.#recount(), COUNT_INTERVAL_MS);
		});
	}

	destroy(): void {
		this.#stop?.();
		this.#stop = null;
		if (this.#countTimer) clearTimeout(this.#countTimer);
		this.#countTimer = null;
		if (this.#opened) releaseRoom(this.room);
		this.#opened = null;
	}

	/** The text as it is now, as plain data. */
	body(): RichDoc {
		const doc = this.#doc();
		return doc ? readDraftBody(doc) : { type: 'doc', content: [{ type: 'paragraph' }] };
	}

	/** Mounts the editor on the text (the editor code loads now). */
	mountBody: MountRichText = async (element, options) => {
		const { mountEditor } = await import('$sync/rich-text');
		const doc = this.#doc();
		if (!doc) throw new Error('The draft is not open');
		return mountEditor(element, draftBody(doc), { ...options, editable: this.writable });
	};

	/** A Svelte action: binds the title field. */
	bindTitle = (element: HTMLInputElement) => {
		const doc = this.#doc();
		if (!doc) return {};
		const binding = bindDraftTitle(doc, element, LOCAL_ORIGIN);
		return { destroy: () => binding.destroy() };
	};

	/**
	 * Sets the status. Marking it submitted stores a locked version of the text as handed in
	 * (each time: a second hand-in gets its own).
	 */
	setStatus(status: DraftStatus, now = Date.now()): void {
		const doc = this.#write();
		if (status === 'submitted' && this.#meta?.status !== 'submitted') {
			this.#addVersion('submitted', t('drafts.version.submittedName', { date: locale.dateTime(now) }), now);
		}
		setDraftStatus(doc, status, LOCAL_ORIGIN);
	}

	setRequirement(requirement: DraftMeta['requirement']): void {
		setDraftRequirement(this.#write(), requirement, LOCAL_ORIGIN);
	}

	/** Names the text as it is now. Throws a ValiError for an empty or too long name. */
	saveVersion(name: string, now = Date.now()): DraftVersion {
		const trimmed = name.trim();
		if (!trimmed) throw new Error('A version needs a name');
		return this.#addVersion('named', trimmed, now);
	}

	/** Restores a version: the current text is kept as a version first, then replaced (a new state). */
	restore(versionId: string, now = Date.now()): void {
		const doc = this.#write();
		const version = this.#versions.find((v) => v.id === versionId);
		if (!version) throw new Error('No such version');
		doc.transact(() => {
			this.#addVersion('before-restore', t('drafts.version.beforeRestoreName', { name: version.name }), now);
			replaceDraftBody(doc, version.doc, LOCAL_ORIGIN);
		}, LOCAL_ORIGIN);
	}

	#addVersion(kind: DraftVersion['kind'], name: string, now: number): DraftVersion {
		const doc = this.#write();
		const body = readDraftBody(doc);
		return addVersion(
			doc,
			{
				id: newRecordId(),
				kind,
				name: name.slice(0, 300),
				createdAt: now,
				authorName: app.user?.name ?? '',
				doc: body,
				characters: countText(richPlainText(body)).characters
			},
			LOCAL_ORIGIN
		);
	}

	#recount(): void {
		this.#countTimer = null;
		const doc = this.#doc();
		if (doc) this.#count = countText(richPlainText(readDraftBody(doc)));
	}

	#doc() {
		return this.#opened?.shared.doc.doc ?? null;
	}

	#write() {
		const doc = this.#doc();
		if (!doc || !this.writable) throw new Error('This draft cannot be changed here');
		return doc;
	}
}
