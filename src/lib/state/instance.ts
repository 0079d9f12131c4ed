/**
 * This page's identity among the app's open tabs. Each tab holds a Web Lock named after its id
 * for as long as it lives, so a new page can tell which journal rows and write-ahead logs belong
 * to tabs that are gone (and adopt them) and which to a tab that is still open (and leave them).
 */
const PREFIX = 'lederlogg-instance:';
/** Instances we saw close. Ids are random and never come back; while we briefly hold a closed
 * tab's lock (see watchDepartures) it would otherwise still look alive. */
const gone = new Set<string>();

export interface Instance {
	id: string;
	/** Ids of the instances alive when this one started (itself included). */
	alive: ReadonlySet<string>;
}

export async function claimInstance(): Promise<Instance> {
	const id = crypto.randomUUID();
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) return { id, alive: new Set([id]) };
	await new Promise<void>((held) => {
		void locks.request(PREFIX + id, () => {
			held();
			return new Promise<never>(() => {});
		});
	});
	return { id, alive: await aliveInstances(id) };
}

/** Ids of the app's page instances alive now (ours included). */
export async function aliveInstances(self: string): Promise<Set<string>> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	const alive = new Set([self]);
	if (!locks) return alive;
	const { held = [] } = await locks.query();
	for (const lock of held) {
		const id = lock.name?.startsWith(PREFIX) ? lock.name.slice(PREFIX.length) : null;
		if (id && !gone.has(id)) alive.add(id);
	}
	return alive;
}

/**
 * Calls `onGone` when another open tab of the app closes: we queue for its lock, which is
 * granted the moment that tab is gone. `refresh` starts watching tabs opened since.
 */
export function watchDepartures(self: string, onGone: (id: string) => void): { refresh(): Promise<void> } {
	const watched = new Set<string>();
	return {
		async refresh() {
			const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
			if (!locks) return;
			for (const id of await aliveInstances(self)) {
				if (id === self || watched.has(id)) continue;
				watched.add(id);
				void locks.request(PREFIX + id, () => {
					watched.delete(id);
					gone.add(id);
					setTimeout(() => onGone(id), 0);
				});
			}
		}
	};
}
