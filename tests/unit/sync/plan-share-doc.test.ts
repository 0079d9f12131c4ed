import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSharedPlan, writeSharedPlan, type PlanParts } from '$sync/plan-share-doc';

const plan = (): PlanParts => ({
	goals: [
		{
			id: 'g1',
			title: 'Bedre møter',
			why: '',
			measure: '',
			targetDate: '',
			status: 'in-progress',
			createdAt: 1
		}
	],
	goalActions: [{ id: 'a1', goalId: 'g1', text: 'Kortere agenda', due: '', done: false, createdAt: 2 }],
	milestones: [{ id: 'm1', title: 'Midtveis', date: '2027-01-10', reached: false }],
	coachNotes: []
});

describe('the shared copy of the plan', () => {
	it('holds exactly the plan it was given, and stamps when it changed', () => {
		const doc = new Y.Doc();
		expect(writeSharedPlan(doc, plan(), 1000, null)).toBe(true);
		const read = readSharedPlan(doc);
		expect(read.goals.map((g) => g.title)).toEqual(['Bedre møter']);
		expect(read.goalActions.map((a) => a.text)).toEqual(['Kortere agenda']);
		expect(read.milestones.map((m) => m.id)).toEqual(['m1']);
		expect(read.updatedAt).toBe(1000);
	});

	it('writes nothing when the plan is unchanged', () => {
		const doc = new Y.Doc();
		writeSharedPlan(doc, plan(), 1000, null);
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		expect(writeSharedPlan(doc, plan(), 2000, null)).toBe(false);
		expect(updates).toEqual([]);
		expect(readSharedPlan(doc).updatedAt).toBe(1000);
	});

	it('replaces changed items and removes those gone from the plan', () => {
		const doc = new Y.Doc();
		writeSharedPlan(doc, plan(), 1000, null);
		const next = plan();
		next.goalActions[0] = { ...next.goalActions[0], done: true };
		next.milestones = [];
		expect(writeSharedPlan(doc, next, 3000, null)).toBe(true);
		const read = readSharedPlan(doc);
		expect(read.goalActions[0].done).toBe(true);
		expect(read.milestones).toEqual([]);
		expect(read.updatedAt).toBe(3000);
	});

	it('refuses an item the schema refuses, and leaves the copy as it was', () => {
		const doc = new Y.Doc();
		writeSharedPlan(doc, plan(), 1000, null);
		const bad = { ...plan(), goals: [{ ...plan().goals[0], title: '' }] };
		expect(() => writeSharedPlan(doc, bad, 2000, null)).toThrow();
		expect(readSharedPlan(doc).goals[0].title).toBe('Bedre møter');
	});

	it('two owner devices mirroring the same plan converge to it', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeSharedPlan(a, plan(), 1000, null);
		const changed = plan();
		changed.goals[0] = { ...changed.goals[0], status: 'reached' };
		writeSharedPlan(b, changed, 1100, null);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// Whichever write won, mirroring the (synced) workspace again makes both equal to it.
		writeSharedPlan(a, changed, 1200, null);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readSharedPlan(a).goals).toEqual(readSharedPlan(b).goals);
		expect(readSharedPlan(b).goals[0].status).toBe('reached');
	});
});
