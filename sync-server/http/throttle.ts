/** Login throttle: after `maxFailures` failed logins for one email from one address within `windowMs`, refuse. */
export class LoginThrottle {
	#failures = new Map<string, number[]>();
	#max: number;
	#windowMs: number;

	constructor({ maxFailures = 10, windowMs = 15 * 60 * 1000 } = {}) {
		this.#max = maxFailures;
		this.#windowMs = windowMs;
	}

	isBlocked(key: string, now: number): boolean {
		return this.#recent(key, now).length >= this.#max;
	}

	fail(key: string, now: number): void {
		const recent = this.#recent(key, now);
		recent.push(now);
		this.#failures.set(key, recent);
		if (this.#failures.size > 10_000) this.#sweep(now);
	}

	succeed(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string, now: number): number[] {
		return (this.#failures.get(key) ?? []).filter((at) => now - at < this.#windowMs);
	}

	#sweep(now: number): void {
		for (const key of this.#failures.keys()) {
			if (this.#recent(key, now).length === 0) this.#failures.delete(key);
		}
	}
}
