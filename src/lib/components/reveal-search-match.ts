/**
 * Opens a page at a search result (`/reading/…?q=ledelse#reading-note-…`). Once the page's
 * content is `ready`: the element the URL's fragment names is scrolled into view, outlined and
 * focused (its list rendered after the navigation, so the browser's own `:target` came too
 * early); the words of `?q=` are highlighted in the elements marked `data-search-text` — inside
 * that element when there is one, else on the whole page, scrolled to the first. The highlight
 * uses the CSS Custom Highlight API, so the page's DOM is left as it is (browsers without it
 * still get the outline).
 */
import { tick } from 'svelte';
import { matchRanges, parseSearchQuery, termMatcher } from '$domain/search-index';

const HIGHLIGHT = 'search-match';
const TARGET_CLASS = 'search-target';

export interface RevealParams {
	/** The search query (`?q=`), '' for none. */
	query: string;
	/** True once the page shows the content the result points into. */
	ready: boolean;
}

export function revealSearchMatch(node: HTMLElement, params: RevealParams) {
	let revealed = false;
	let target: HTMLElement | null = null;

	const reveal = async ({ query, ready }: RevealParams) => {
		if (revealed || !ready) return;
		revealed = true;
		await tick();
		const id = decodeURIComponent(location.hash.slice(1));
		target = id ? document.getElementById(id) : null;
		const ranges = query.trim() ? highlight(target ?? node, query) : [];
		if (target) {
			target.classList.add(TARGET_CLASS);
			if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
			target.focus({ preventScroll: true });
			target.scrollIntoView({ block: 'center' });
		} else if (ranges[0]) {
			ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
		}
	};
	void reveal(params);

	return {
		update: (next: RevealParams) => void reveal(next),
		destroy: () => {
			target?.classList.remove(TARGET_CLASS);
			if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
		}
	};
}

/** Highlights the query's words in the `data-search-text` elements within `scope`; the ranges, in order. */
function highlight(scope: HTMLElement, query: string): Range[] {
	const isMatch = termMatcher(parseSearchQuery(query).terms);
	const ranges: Range[] = [];
	const containers = scope.matches('[data-search-text]')
		? [scope]
		: [...scope.querySelectorAll<HTMLElement>('[data-search-text]')];
	for (const container of containers) {
		const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
		for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
			for (const [start, end] of matchRanges(text.data, isMatch)) {
				const range = document.createRange();
				range.setStart(text, start);
				range.setEnd(text, end);
				ranges.push(range);
			}
		}
	}
	if (ranges.length && typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined')
		CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
	return ranges;
}
