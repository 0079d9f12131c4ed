/**
 * Sharing a document I own, and the documents others share with me. Access lives on the server
 * (grants and room invites), so changing it needs a connection; the list of what is shared with me
 * is kept on the device, so a coach or a guest opens it offline too.
 */
import * as v from 'valibot';
import { sharingApi, type ApiResult } from '$lib/api/client';
import { loadSettings, saveSetting } from '$data/settings-repo';
import {
	NewRoomInviteSchema,
	sharedRoomKind,
	type RoomAccessLevel,
	type RoomGrant,
	type RoomInvite,
	type SharedWithMe
} from '$domain/sharing';
import { app } from './app.svelte';
import { handleError } from './handle-error';

export type SharingProblem = 'offline' | 'forbidden' | 'not-found' | 'failed';

function problemOf(result: ApiResult<unknown>): SharingProblem | null {
	if (result.ok) return null;
	if (result.kind === 'offline') return 'offline';
	if (result.status === 401 || result.status === 403) return 'forbidden';
	if (result.status === 404) return 'not-found';
	return 'failed';
}

/** Who a room of mine is shared with, and the verbs that change it. */
export class RoomSharing {
	#grants = $state<RoomGrant[]>([]);
	#invites = $state<RoomInvite[]>([]);
	#problem = $state<SharingProblem | null>(null);
	#loaded = $state(false);

	constructor(readonly room: string) {}

	get grants() {
		return this.#grants;
	}
	/** Invites not yet accepted. */
	get pendingInvites() {
		return this.#invites.filter((i) => i.status === 'pending');
	}
	get problem() {
		return this.#problem;
	}
	get loaded() {
		return this.#loaded;
	}
	access(userId: string): RoomAccessLevel | null {
		return this.#grants.find((g) => g.userId === userId)?.access ?? null;
	}

	async load(): Promise<void> {
		const token = app.token;
		if (!token) return void (this.#problem = 'forbidden');
		const result = await sharingApi.grants(this.room, token);
		this.#problem = problemOf(result);
		if (result.ok) {
			this.#grants = result.value.grants;
			this.#invites = result.value.invites;
		}
		this.#loaded = true;
	}

	async share(userId: string, access: RoomAccessLevel): Promise<SharingProblem | null> {
		return this.#change((token) => sharingApi.share(this.room, userId, access, token));
	}

	async unshare(userId: string): Promise<SharingProblem | null> {
		return this.#change((token) => sharingApi.unshare(this.room, userId, token));
	}

	/** Invites someone by name and email; answers the link to send them. */
	async invite(
		input: { name: string; email: string },
		access: RoomAccessLevel
	): Promise<{ ok: true; url: string; code: string } | { ok: false; problem: SharingProblem | 'invalid' }> {
		const parsed = v.safeParse(NewRoomInviteSchema, input);
		if (!parsed.success) return { ok: false, problem: 'invalid' };
		const token = app.token;
		if (!token) return { ok: false, problem: 'forbidden' };
		const result = await sharingApi.invite(this.room, { ...parsed.output, access }, token);
		if (!result.ok) return { ok: false, problem: problemOf(result) ?? 'failed' };
		await this.load();
		return { ok: true, ...result.value };
	}

	async revokeInvite(code: string): Promise<SharingProblem | null> {
		return this.#change((token) => sharingApi.revokeInvite(this.room, code, token));
	}

	async #change(call: (token: string) => Promise<ApiResult<unknown>>): Promise<SharingProblem | null> {
		const token = app.token;
		if (!token) return 'forbidden';
		const problem = problemOf(await call(token));
		if (!problem) await this.load();
		return problem;
	}
}

/** The documents shared with me: from the device at once, refreshed from the server when online. */
export class SharedWithMeList {
	#items = $state<SharedWithMe[]>([]);
	#loaded = $state(false);
	#problem = $state<SharingProblem | null>(null);

	get items() {
		return this.#items;
	}
	get loaded() {
		return this.#loaded;
	}
	/** Why the last refresh from the server did not happen (the device's list still shows). */
	get problem() {
		return this.#problem;
	}
	get plans() {
		return this.#items.filter((i) => sharedRoomKind(i.room)?.kind === 'plan');
	}
	get conversations() {
		return this.#items.filter((i) => sharedRoomKind(i.room)?.kind === 'conversation');
	}
	/** Drafts shared with me for feedback (their comments rooms come with them). */
	get drafts() {
		return this.#items.filter((i) => sharedRoomKind(i.room)?.kind === 'draft');
	}
	find(room: string): SharedWithMe | undefined {
		return this.#items.find((i) => i.room === room);
	}

	async load(): Promise<void> {
		const stored = await loadSettings().catch(() => ({ sharedWithMe: undefined }));
		if (!this.#loaded) this.#items = stored.sharedWithMe ?? [];
		this.#loaded = true;
		const token = app.token;
		if (!token) return;
		const result = await sharingApi.sharedWithMe(token);
		this.#problem = problemOf(result);
		if (!result.ok) return;
		this.#items = result.value.rooms;
		await saveSetting('sharedWithMe', result.value.rooms).catch((e) =>
			handleError(e, 'keeping what is shared with me')
		);
	}

	/** Forgets a room the server no longer lets me open (unshared), on this device too. */
	async forget(room: string): Promise<void> {
		this.#items = this.#items.filter((i) => i.room !== room);
		await saveSetting('sharedWithMe', $state.snapshot(this.#items)).catch((e) =>
			handleError(e, 'keeping what is shared with me')
		);
	}
}

/** One list for the whole page. */
export const sharedWithMe = new SharedWithMeList();
