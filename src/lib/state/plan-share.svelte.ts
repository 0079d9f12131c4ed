/**
 * Sharing the training plan read-only with a coach. The plan is edited in the private workspace;
 * while signed in, `planMirror` keeps a copy of it in the room `user:<me>:plan` (on the device
 * first, synced when online), and sharing is a read grant on that room to a coach of one of my
 * programmes. A coach opens the copy with `SharedPlanView`, also offline once fetched; when the
 * participant stops sharing, the server refuses the coach and the copy is deleted from their device.
 */
import { planDocument, PLAN_COLLECTIONS, type PlanDocument } from '$domain/plan';
import { planRoom } from '$domain/sharing';
import { sharedDbName } from '$sync/doc-names';
import { LOCAL_ORIGIN } from '$sync/persisted-doc';
import {
	observeSharedPlan,
	PLAN_COLLECTION_NAMES,
	readSharedPlan,
	writeSharedPlan,
	type PlanParts
} from '$sync/plan-share-doc';
import type { Workspace } from '$sync/workspace';
import { app } from './app.svelte';
import { loadCoaches, type Coach } from './coaches';
import { handleError } from './handle-error';
import { RoomSharing, sharedWithMe, type SharingProblem } from './room-sharing.svelte';
import { SharedRoom } from './shared-room.svelte';

/** How long changes gather before the shared copy is brought up to date. */
const MIRROR_DELAY_MS = 300;

function workspacePlan(workspace: Workspace): PlanParts {
	return {
		goals: workspace.records('goals', PLAN_COLLECTIONS.goals),
		goalActions: workspace.records('goalActions', PLAN_COLLECTIONS.goalActions),
		milestones: workspace.records('milestones', PLAN_COLLECTIONS.milestones),
		coachNotes: workspace.records('coachNotes', PLAN_COLLECTIONS.coachNotes)
	};
}

/**
 * Keeps the shared copy of my plan equal to the plan in my workspace, while signed in: after
 * every change to the plan (here, in another tab, from another device) and whenever the copy
 * changes from elsewhere (so it always ends equal to the workspace).
 */
class PlanMirror {
	watch(): () => void {
		const me = app.user;
		const workspace = app.workspace;
		if (!me || app.isGuest || !workspace) return () => {};
		const room = new SharedRoom(sharedDbName(planRoom(me.id)), planRoom(me.id));
		let timer: ReturnType<typeof setTimeout> | null = null;
		let stops: (() => void)[] = [];
		let stopped = false;
		const mirror = () => {
			timer = null;
			try {
				writeSharedPlan(room.doc.doc, workspacePlan(workspace), Date.now(), LOCAL_ORIGIN);
			} catch (e) {
				handleError(e, 'sharing the plan');
			}
		};
		const soon = () => (timer ??= setTimeout(mirror, MIRROR_DELAY_MS));
		room
			.open()
			.then(() => {
				if (stopped) return;
				mirror();
				stops = [
					workspace.onRecordsChanged(PLAN_COLLECTION_NAMES, soon),
					observeSharedPlan(room.doc.doc, soon, LOCAL_ORIGIN)
				];
			})
			.catch((e) => handleError(e, 'sharing the plan'));
		return () => {
			stopped = true;
			stops.forEach((stop) => stop());
			if (timer) {
				clearTimeout(timer);
				mirror();
			}
			room.destroy();
		};
	}
}

export const planMirror = new PlanMirror();

/** The participant's side: the coaches of my programmes, and whether the plan is shared with each. */
export class PlanSharing {
	readonly sharing: RoomSharing | null;
	#coaches = $state<Coach[]>([]);
	#problem = $state<SharingProblem | null>(null);
	#loaded = $state(false);

	constructor() {
		const me = app.user;
		this.sharing = me && !app.isGuest ? new RoomSharing(planRoom(me.id)) : null;
	}

	get coaches() {
		return this.#coaches;
	}
	get loaded() {
		return this.#loaded;
	}
	get problem() {
		return this.#problem ?? this.sharing?.problem ?? null;
	}
	isShared(userId: string): boolean {
		return (this.sharing?.access(userId) ?? null) !== null;
	}

	/** Asks the server for the coaches of my programmes and who the plan is shared with. */
	async load(): Promise<void> {
		if (!this.sharing) return;
		const [coaches] = await Promise.all([loadCoaches(), this.sharing.load()]);
		this.#problem = coaches.ok ? null : coaches.problem;
		if (coaches.ok) this.#coaches = coaches.coaches;
		this.#loaded = true;
	}

	share(userId: string): Promise<SharingProblem | null> {
		return this.sharing?.share(userId, 'read') ?? Promise.resolve('forbidden');
	}

	unshare(userId: string): Promise<SharingProblem | null> {
		return this.sharing?.unshare(userId) ?? Promise.resolve('forbidden');
	}
}

/** The coach's side: a participant's plan shared with me, read-only, on the device once fetched. */
export class SharedPlanView {
	readonly room: string;
	#plan = $state.raw<PlanDocument>({ goals: [], milestones: [], coachNotes: [] });
	#updatedAt = $state<number | null>(null);
	#shared = $state.raw<SharedRoom | null>(null);
	#removed = $state(false);
	/** The owner's name as last listed (the list forgets the plan once it is unshared). */
	#ownerName = $state('');

	constructor(readonly ownerId: string) {
		this.room = planRoom(ownerId);
	}

	get plan() {
		return this.#plan;
	}
	/** When the owner's device last changed the shared copy (ms), or null: nothing fetched yet. */
	get updatedAt() {
		return this.#updatedAt;
	}
	get removed() {
		return this.#removed;
	}
	get ownerName(): string {
		return sharedWithMe.find(this.room)?.owner.name ?? this.#ownerName;
	}
	get synced() {
		return this.#shared?.everSynced ?? false;
	}

	open(): () => void {
		const shared = new SharedRoom(sharedDbName(this.room), this.room);
		this.#shared = shared;
		let stops: (() => void)[] = [];
		let stopped = false;
		const read = () => {
			const parts = readSharedPlan(shared.doc.doc);
			this.#plan = planDocument(parts);
			this.#updatedAt = parts.updatedAt;
		};
		stops.push(
			shared.onAccess((access) => {
				if (access !== 'removed') return;
				this.#ownerName = this.ownerName;
				this.#removed = true;
				this.#plan = { goals: [], milestones: [], coachNotes: [] };
				void shared.discard().catch((e) => handleError(e, 'deleting an unshared plan'));
				void sharedWithMe.forget(this.room);
			})
		);
		shared
			.open()
			.then(() => {
				if (stopped) return;
				read();
				stops.push(observeSharedPlan(shared.doc.doc, read));
			})
			.catch((e) => handleError(e, 'opening a shared plan'));
		return () => {
			stopped = true;
			stops.forEach((stop) => stop());
			stops = [];
			if (!this.#removed) shared.destroy();
		};
	}
}
