/**
 * Two-way binding between a Y.Text and an <input> or <textarea>.
 * Local typing becomes the smallest delete + insert; every other change (another device or tab, or
 * a verb of this page writing the text, e.g. filling in a suggestion) updates the element and
 * keeps the caret where the user was, shifting it by what was inserted or deleted before it.
 * (Rich text replaces this with y-prosemirror in a later issue.)
 */
import * as Y from 'yjs';

type Field = HTMLInputElement | HTMLTextAreaElement;

export class TextBinding {
	/** This binding is applying the element's input (its own change, already in the element). */
	#typing = false;

	constructor(
		private readonly text: Y.Text,
		private readonly element: Field,
		private readonly origin: unknown,
		private readonly onLocalChange: () => void = () => {}
	) {
		element.value = text.toString();
		// Input during IME composition (every word on Android) is applied at once too: a remote
		// change may then end the composition, but no typed character is ever lost.
		element.addEventListener('input', this.#onInput);
		text.observe(this.#onRemote);
	}

	destroy(): void {
		this.element.removeEventListener('input', this.#onInput);
		this.text.unobserve(this.#onRemote);
	}

	#onInput = () => {
		const before = this.text.toString();
		const after = this.element.value;
		if (before === after) return;
		const { index, remove, insert } = diff(before, after);
		this.#typing = true;
		try {
			this.text.doc?.transact(() => {
				if (remove > 0) this.text.delete(index, remove);
				if (insert) this.text.insert(index, insert);
				this.onLocalChange();
			}, this.origin);
		} finally {
			this.#typing = false;
		}
	};

	#onRemote = (event: Y.YTextEvent) => {
		if (this.#typing) return;
		const el = this.element;
		const focused = typeof document !== 'undefined' && document.activeElement === el;
		let start = el.selectionStart ?? 0;
		let end = el.selectionEnd ?? 0;
		let pos = 0;
		for (const op of event.delta) {
			if (op.retain) pos += op.retain;
			else if (typeof op.insert === 'string') {
				const n = op.insert.length;
				if (pos < start) start += n;
				if (pos < end) end += n;
				pos += n;
			} else if (op.delete) {
				const n = op.delete;
				start = shiftForDelete(start, pos, n);
				end = shiftForDelete(end, pos, n);
			}
		}
		el.value = this.text.toString();
		if (focused) el.setSelectionRange(start, end);
	};
}

function shiftForDelete(at: number, from: number, n: number): number {
	if (at <= from) return at;
	return Math.max(from, at - n);
}

/** The single edit that turns `a` into `b`: common prefix and suffix kept. */
export function diff(a: string, b: string): { index: number; remove: number; insert: string } {
	let start = 0;
	const max = Math.min(a.length, b.length);
	while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
		endA--;
		endB--;
	}
	// Never split a surrogate pair.
	if (start > 0 && isHighSurrogate(a.charCodeAt(start - 1))) start--;
	if (endA < a.length && isLowSurrogate(a.charCodeAt(endA))) {
		endA++;
		endB++;
	}
	return { index: start, remove: endA - start, insert: b.slice(start, endB) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
