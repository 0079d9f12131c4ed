/**
 * Sharing a draft of mine for feedback. Whoever it is shared with may read the text (a read grant
 * on the draft's room) and write comments (a write grant on its comments room): the server drops
 * any change they make to the text. Unsharing takes both away, and the server closes their
 * sockets, so the copies leave their devices (see room-pool.ts).
 *
 * Who can be chosen: the coaches of my programmes first, then the other participants. Access
 * lives on the server, so this needs a connection (the draft itself does not). A colloquium
 * group is to come as a target of its own (`ShareTarget`), next to a person.
 */
import { draftCommentsRoom, draftRoom } from '$domain/sharing';
import { loadProgrammePeople, type ProgrammePerson } from './coaches';
import { RoomSharing, type SharingProblem } from './room-sharing.svelte';

/** Whom a draft is shared with: one person for now (a group later). */
export type ShareTarget = { kind: 'person'; userId: string };

/** One person as the sharing section lists them. */
export interface SharePerson extends ProgrammePerson {
	shared: boolean;
}

export class DraftSharing {
	/** The text: read for those it is shared with. */
	readonly text: RoomSharing;
	/** The comments: write for those it is shared with. */
	readonly comments: RoomSharing;
	#people = $state.raw<ProgrammePerson[]>([]);
	#peopleProblem = $state<SharingProblem | null>(null);
	#loaded = $state(false);
	#busy = $state<string | null>(null);

	constructor(ownerId: string, id: string) {
		this.text = new RoomSharing(draftRoom(ownerId, id));
		this.comments = new RoomSharing(draftCommentsRoom(ownerId, id));
	}

	get loaded() {
		return this.#loaded;
	}
	/** The person whose access is being changed right now. */
	get busy() {
		return this.#busy;
	}
	/** Why the list or the grants could not be fetched ('offline': sharing needs a connection). */
	get problem(): SharingProblem | null {
		return this.#peopleProblem ?? this.text.problem ?? this.comments.problem;
	}

	/**
	 * Coaches first, then participants, each with whether it is shared with them; then anyone it is
	 * shared with who is in none of my programmes any more (so it can still be unshared).
	 */
	get people(): SharePerson[] {
		const rows: SharePerson[] = this.#people.map((p) => ({ ...p, shared: this.isShared(p.userId) }));
		for (const grant of [...this.text.grants, ...this.comments.grants]) {
			if (rows.some((r) => r.userId === grant.userId)) continue;
			rows.push({
				userId: grant.userId,
				name: grant.name,
				email: grant.email,
				programmes: [],
				coach: false,
				shared: true
			});
		}
		return rows;
	}

	/** Shared with them: either grant counts (unsharing removes both). */
	isShared(userId: string): boolean {
		return this.text.access(userId) !== null || this.comments.access(userId) !== null;
	}

	/** Asks the server for the people of my programmes and whom the draft is shared with. */
	async load(): Promise<void> {
		const [people] = await Promise.all([
			loadProgrammePeople(['coach', 'participant']),
			this.text.load(),
			this.comments.load()
		]);
		this.#peopleProblem = people.ok ? null : people.problem;
		if (people.ok) this.#people = people.people;
		this.#loaded = true;
	}

	/** Lets them read the text and comment on it. */
	share(target: ShareTarget): Promise<SharingProblem | null> {
		const { userId } = target;
		return this.#run(userId, async () => {
			const problem = await this.text.share(userId, 'read');
			if (problem) return problem;
			const comments = await this.comments.share(userId, 'write');
			// Never half shared: without the comments, the text is not shared either.
			if (comments) await this.text.unshare(userId);
			return comments;
		});
	}

	/** Takes both away. */
	unshare(target: ShareTarget): Promise<SharingProblem | null> {
		const { userId } = target;
		return this.#run(userId, async () => {
			const problems = [await this.comments.unshare(userId), await this.text.unshare(userId)];
			// Not found: that part was not shared (any more), which is what was asked.
			return problems.find((p) => p !== null && p !== 'not-found') ?? null;
		});
	}

	async #run(userId: string, task: () => Promise<SharingProblem | null>): Promise<SharingProblem | null> {
		this.#busy = userId;
		try {
			return await task();
		} finally {
			this.#busy = null;
		}
	}
}
