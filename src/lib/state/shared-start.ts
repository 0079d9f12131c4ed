/**
 * Something many parts of the page hold at once (a keeper: the layout and a list; the search
 * index: its page): started by the first holder, stopped when the last one lets go.
 */
export class SharedStart {
	#users = 0;
	#stop: (() => void) | null = null;

	constructor(private readonly start: () => () => void) {}

	/** Holds it (starting it if nobody did); returns the function that lets go, safe to call twice. */
	hold(): () => void {
		if (this.#users++ === 0) this.#stop = this.start();
		let done = false;
		return () => {
			if (done) return;
			done = true;
			if (--this.#users > 0) return;
			this.#stop?.();
			this.#stop = null;
		};
	}
}
