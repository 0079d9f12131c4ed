/**
 * The walking skeleton's plain-text note bodies become rich text (sync/note-body.ts): each note
 * when its editor opens, and all of them once after the workspace has loaded, a few notes per
 * transaction while the page is idle, so lists and search read the rich bodies.
 */
import type { Workspace } from '$sync/workspace';
import { handleError } from './handle-error';

/** Notes checked at a time (hashing their plain text), and migrated per transaction (one journal row each). */
const CHECK = 100;
const CHUNK = 25;

const idle = (): Promise<void> =>
	new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
		else setTimeout(resolve, 0);
	});

/**
 * Migrates every note that needs it, while `current()` holds (the workspace may be wiped by a
 * sign-out meanwhile); resolves with how many notes changed. Each step is short (500 notes of two
 * years: ~25 ms a chunk on a laptop, see bench/note-migration.ts) and waits for an idle moment.
 */
export async function migrateNoteBodiesWhenIdle(
	workspace: Workspace,
	current: () => boolean = () => true
): Promise<number> {
	let changed = 0;
	try {
		const ids = workspace.noteIds();
		for (let i = 0; i < ids.length; i += CHECK) {
			await idle();
			if (!current()) break;
			const due = workspace.notesToMigrate(ids.slice(i, i + CHECK));
			for (let j = 0; j < due.length; j += CHUNK) {
				if (j > 0) await idle();
				if (!current()) return changed;
				changed += workspace.migrateNoteBodies(due.slice(j, j + CHUNK));
			}
		}
	} catch (e) {
		handleError(e, 'moving notes to rich text');
	}
	return changed;
}
