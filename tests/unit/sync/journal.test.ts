import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeJournal } from '$sync/journal';

const LOCAL = Symbol('local');

describe('change journal', () => {
	const docs: Y.Doc[] = [];
	afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

	function setup(lastSeq = 0) {
		const doc = new Y.Doc();
		docs.push(doc);
		const stored: { seq: number; room: string }[] = [];
		const port = {
			add: async (rows: { seq: number; room: string }[]) => void stored.push(...rows),
			acknowledgeUpTo: async (room: string, seq: number) => {
				for (let i = stored.length - 1; i >= 0; i--)
					if (stored[i].room === room && stored[i].seq <= seq) stored.splice(i, 1);
			}
		};
		const journal = new ChangeJournal(
			doc,
			'user:1',
			port,
			lastSeq,
			(o) => o === LOCAL,
			(e) => {
				throw e;
			}
		);
		return { doc, journal, stored };
	}

	it('journals local changes only, numbering on from the last stored one', async () => {
		const { doc, journal, stored } = setup(41);
		doc.transact(() => doc.getText('t').insert(0, 'a'), LOCAL);
		doc.transact(() => doc.getText('t').insert(0, 'b'), 'remote');
		doc.transact(() => doc.getText('t').insert(0, 'c'), LOCAL);
		await journal.flush();
		expect(stored.map((r) => r.seq)).toEqual([42, 43]);
		expect(journal.lastSeq).toBe(43);
	});

	it('clears entries up to an acknowledgement, also ones not yet written', async () => {
		const { doc, journal, stored } = setup();
		doc.transact(() => doc.getText('t').insert(0, 'a'), LOCAL);
		await journal.flush();
		doc.transact(() => doc.getText('t').insert(0, 'b'), LOCAL);
		doc.transact(() => doc.getText('t').insert(0, 'c'), LOCAL);
		await journal.acknowledge(2);
		await journal.flush();
		expect(stored.map((r) => r.seq)).toEqual([3]);
	});

	it('knows at once how many of its changes are unacknowledged', async () => {
		const { doc, journal } = setup();
		const seen: number[] = [];
		journal.onPendingChange((n) => seen.push(n));
		doc.transact(() => doc.getText('t').insert(0, 'a'), LOCAL);
		expect(journal.unacknowledged).toBe(1);
		doc.transact(() => doc.getText('t').insert(0, 'b'), LOCAL);
		await journal.acknowledge(2);
		expect(journal.unacknowledged).toBe(0);
		expect(seen).toEqual([1, 2, 0]);
	});
});
