/**
 * A scheme's guides in the programme document: each its own top-level fragment, empty until a
 * coordinator writes it (or takes the suggested text), observed one by one.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultGuide } from '$domain/mentor-guide-defaults';
import { GUIDE_KEYS, guideSuggestions } from '$domain/mentor-guides';
import { readProgramme } from '$sync/programme-doc';
import { isGuideEmpty, observeGuide, readGuide, writeGuide } from '$sync/scheme-guides';

describe('scheme guides', () => {
	it('start empty, take the suggested text, and leave the other guides and the programme alone', () => {
		const doc = new Y.Doc();
		for (const key of GUIDE_KEYS) expect(isGuideEmpty(readGuide(doc, key))).toBe(true);
		let calls = 0;
		const stop = observeGuide(doc, 'topics', () => calls++);
		writeGuide(doc, 'topics', defaultGuide('topics'), 'local');
		expect(calls).toBe(1);
		expect(readGuide(doc, 'topics')).toEqual(defaultGuide('topics'));
		expect(isGuideEmpty(readGuide(doc, 'topics'))).toBe(false);
		expect(isGuideEmpty(readGuide(doc, 'method'))).toBe(true);
		writeGuide(doc, 'method', defaultGuide('method'), 'local');
		expect(calls).toBe(1);
		stop();
		expect(readProgramme(doc).skipped).toEqual([]);
	});

	it('every suggested guide has text, and the topics and questions give agenda suggestions', () => {
		for (const key of GUIDE_KEYS) expect(isGuideEmpty(defaultGuide(key))).toBe(false);
		const topics = guideSuggestions('topics', defaultGuide('topics')).map((s) => s.text);
		expect(topics).toContain('Samarbeid med skole og kommune');
		expect(topics.some((t) => t.startsWith('Budsjett'))).toBe(true);
		expect(guideSuggestions('questions', defaultGuide('questions')).length).toBeGreaterThan(5);
		// A copy each time: changing one never changes the next.
		const copy = defaultGuide('method');
		copy.content = [];
		expect(defaultGuide('method').content?.length).toBeGreaterThan(0);
	});
});
