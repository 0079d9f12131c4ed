/**
 * The participant shares a conversation: with their coach (a member of their programme, as
 * 'write') and with their own manager, invited by name and e-mail as a guest who opens only this
 * conversation (also 'write'). Access lives on the server, so this needs a connection; the
 * conversation itself does not.
 */
import { loadCoaches, type Coach } from './coaches';
import type { ConversationView } from './conversation-view.svelte';
import { RoomSharing, type SharingProblem } from './room-sharing.svelte';

export type InviteOutcome = { ok: true; url: string } | { ok: false; problem: SharingProblem | 'invalid' };

export class ConversationSharing {
	readonly sharing: RoomSharing;
	#coaches = $state<Coach[]>([]);
	#coachesLoaded = $state(false);
	#busy = $state(false);
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	constructor(private readonly view: ConversationView) {
		this.sharing = new RoomSharing(view.room);
	}

	/** The coaches of the conversation's programme (of all my programmes when it has none). */
	get coaches() {
		return this.#coaches;
	}
	get coachesLoaded() {
		return this.#coachesLoaded;
	}
	get busy() {
		return this.#busy;
	}
	/** The device has a network (sharing needs the server). */
	get online() {
		return this.#online;
	}
	/** The link of the manager's invite still waiting to be accepted, if any. */
	get managerInvite(): { code: string; url: string; name: string; email: string } | null {
		const manager = this.view.conversation.parties.manager;
		const invite = this.sharing.pendingInvites.find((i) => !manager || i.email === manager.email);
		return invite ? { ...invite, url: guestUrl(invite.code) } : null;
	}
	/** Whether the manager has accepted (a grant to their e-mail). */
	get managerJoined(): boolean {
		const manager = this.view.conversation.parties.manager;
		return !!manager && this.sharing.grants.some((g) => g.email === manager.email);
	}
	/** Follows the network; returns the function that stops. */
	watch(): () => void {
		const update = () => {
			this.#online = navigator.onLine;
			if (this.#online) void this.load();
		};
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}

	async load(): Promise<void> {
		if (!navigator.onLine) return;
		await Promise.all([this.sharing.load(), this.#loadCoaches()]);
	}

	/** Shares the conversation with a coach of the programme, who may write their part. */
	async shareWithCoach(userId: string): Promise<SharingProblem | null> {
		const coach = this.#coaches.find((c) => c.userId === userId);
		if (!coach) return 'not-found';
		return this.#run(async () => {
			const problem = await this.sharing.share(coach.userId, 'write');
			if (!problem)
				this.view.setParty('coach', { userId: coach.userId, name: coach.name, email: coach.email });
			return problem;
		});
	}

	/** Takes the coach's access away (and their name off the conversation). */
	async removeCoach(): Promise<SharingProblem | null> {
		const coach = this.view.conversation.parties.coach;
		if (!coach) return null;
		return this.#run(async () => {
			const problem = await this.sharing.unshare(coach.userId);
			if (!problem || problem === 'not-found') this.view.setParty('coach', null);
			return problem === 'not-found' ? null : problem;
		});
	}

	/** Invites the manager by name and e-mail; answers the link to send them. */
	async inviteManager(input: { name: string; email: string }): Promise<InviteOutcome> {
		this.#busy = true;
		try {
			const result = await this.sharing.invite(input, 'write');
			if (!result.ok) return result;
			this.view.setParty('manager', {
				userId: '',
				name: input.name.trim(),
				email: input.email.trim().toLowerCase()
			});
			return { ok: true, url: result.url };
		} finally {
			this.#busy = false;
		}
	}

	/** Withdraws the manager's invite before it is used (and their name). */
	async withdrawManagerInvite(code: string): Promise<SharingProblem | null> {
		return this.#run(async () => {
			const problem = await this.sharing.revokeInvite(code);
			if (!problem) this.view.setParty('manager', null);
			return problem;
		});
	}

	async #run(task: () => Promise<SharingProblem | null>): Promise<SharingProblem | null> {
		this.#busy = true;
		try {
			return await task();
		} finally {
			this.#busy = false;
		}
	}

	async #loadCoaches(): Promise<void> {
		const programmeId = this.view.conversation.meta?.programmeId ?? '';
		const result = await loadCoaches(programmeId ? [programmeId] : undefined);
		if (result.ok) this.#coaches = result.coaches;
		this.#coachesLoaded = true;
	}
}

/** The guest page's address for an invite code (what the server answers when it is made). */
const guestUrl = (code: string) => `${location.origin}/guest/${code}`;
