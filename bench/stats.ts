/** Small helpers for the benchmark: summaries of samples, bounded waits, formatting. */

export interface Summary {
	count: number;
	median: number;
	p90: number;
	p99: number;
	min: number;
	max: number;
}

/** Median (mean of the two middle samples for an even count) and nearest-rank percentiles. */
export function summarize(samples: number[]): Summary {
	if (samples.length === 0) throw new Error('no samples to summarize');
	const sorted = [...samples].sort((a, b) => a - b);
	const n = sorted.length;
	const rank = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
	const mid = Math.floor(n / 2);
	return {
		count: n,
		median: n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
		p90: rank(0.9),
		p99: rank(0.99),
		min: sorted[0],
		max: sorted[n - 1]
	};
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
	return `${value.toFixed(1)} ms`;
}

/** Milliseconds with three decimals, for figures well below a millisecond. */
export function fineMs(value: number): string {
	return `${value.toFixed(3)} ms`;
}

export function sleep(milliseconds: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Rejects with `what` if `promise` has not settled within `milliseconds`. */
export function withTimeout<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms: ${what}`)), milliseconds);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A promise with its resolve function, for events that arrive through callbacks. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((done) => (resolve = done));
	return { promise, resolve };
}

/** Runs registered clean-up steps in reverse order; each is bounded and its failure only reported. */
export class Cleanup {
	#steps: { what: string; run: () => unknown }[] = [];

	add(what: string, run: () => unknown): void {
		this.#steps.push({ what, run });
	}

	async run(): Promise<void> {
		for (const step of this.#steps.splice(0).reverse()) {
			try {
				await withTimeout(Promise.resolve().then(step.run), 15_000, step.what);
			} catch (error) {
				console.error(`bench: clean-up "${step.what}" failed: ${(error as Error).message}`);
			}
		}
	}
}
