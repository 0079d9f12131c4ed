import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeJournal, Sequence } from '$sync/journal';

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

	it('numbers the changes of several documents of one page from one sequence, counting each its own', async () => {
		const sequence = new Sequence();
		const stored: { seq: number; room: string }[] = [];
		const port = {
			add: async (rows: { seq: number; room: string }[]) => void stored.push(...rows),
			acknowledgeUpTo: async () => {}
		};
		const open = (room: string) => {
			const doc = new Y.Doc();
			docs.push(doc);
			const journal = new ChangeJournal(
				doc,
				room,
				port,
				0,
				(o) => o === LOCAL,
				fail,
				null,
				async () => {},
				sequence
			);
			return { doc, journal };
		};
		const fail = (e: unknown) => {
			throw e;
		};
		const workspace = open('user:1');
		const programme = open('programme:p1');
		workspace.doc.transact(() => workspace.doc.getText('t').insert(0, 'a'), LOCAL);
		programme.doc.transact(() => programme.doc.getText('t').insert(0, 'b'), LOCAL);
		workspace.doc.transact(() => workspace.doc.getText('t').insert(0, 'c'), LOCAL);
		expect(programme.journal.allocate(2)).toBe(4); // a closed tab's two rows, adopted
		await Promise.all([workspace.journal.flush(), programme.journal.flush()]);
		expect(stored.map((r) => `${r.room}#${r.seq}`).sort()).toEqual([
			'programme:p1#2',
			'user:1#1',
			'user:1#3'
		]);
		expect(workspace.journal.unacknowledged).toBe(2);
		expect(programme.journal.unacknowledged).toBe(3);
		await programme.journal.acknowledge(programme.journal.lastSeq);
		expect(programme.journal.unacknowledged).toBe(0);
		expect(workspace.journal.unacknowledged).toBe(2);
		// A document reopened in the same page never reuses a number.
		const reopened = open('programme:p1');
		reopened.doc.transact(() => reopened.doc.getText('t').insert(0, 'd'), LOCAL);
		expect(reopened.journal.lastSeq).toBe(6);
	});
});
