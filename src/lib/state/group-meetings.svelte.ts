/**
 * One colloquium group's meeting log (the shared log of meeting-log.svelte.ts, in the group's
 * room): its people are the group's members, each one ticked present or not.
 */
import { api } from '$lib/api/client';
import { groupRoom, type Group, type GroupMember } from '$domain/group';
import { t } from '$i18n/locale.svelte';
import { app } from './app.svelte';
import { myGroups } from './groups.svelte';
import { handleError } from './handle-error';
import { MeetingLogView, type MeetingCalendar } from './meeting-log.svelte';
import type { PooledRoom } from './room-pool';

export class GroupMeetings extends MeetingLogView {
	#fetched = $state.raw<Group | null>(null);
	#open = false;

	constructor(readonly groupId: string) {
		super(groupRoom(groupId));
	}

	/** The group as my list (or the server) knows it; null until known. */
	get group(): Group | null {
		return myGroups.find(this.groupId) ?? this.#fetched;
	}
	get members(): GroupMember[] {
		return this.group?.members ?? [];
	}
	get people(): GroupMember[] {
		return this.members;
	}
	get tracksAttendance(): boolean {
		return true;
	}

	protected override acquire(): PooledRoom {
		this.#open = true;
		void this.#findGroup().catch((e) => handleError(e, 'loading the group'));
		return super.acquire();
	}

	protected override release(opened: PooledRoom): void {
		this.#open = false;
		super.release(opened);
	}

	protected calendar(): MeetingCalendar {
		const name = this.group?.name || t('meetings.ics.group');
		return {
			scope: this.groupId,
			name,
			title: t('meetings.ics.title', { group: name }),
			allFileName: t('meetings.ics.allName', { group: name })
		};
	}

	/** Who is in the group: my list on the device first, else the server. */
	async #findGroup(): Promise<void> {
		if (!myGroups.loaded) await myGroups.load();
		if (myGroups.find(this.groupId)) return;
		const token = app.token;
		if (!token || !navigator.onLine) return;
		const result = await api.group(this.groupId, token);
		if (result.ok && this.#open) this.#fetched = result.value.group;
	}
}
