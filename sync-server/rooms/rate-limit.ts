/** A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`. */
export class TokenBucket {
	#rate: number;
	#capacity: number;
	#tokens: number;
	#updatedAt: number;
	#now: () => number;

	constructor(ratePerSecond: number, capacity: number, now: () => number = () => performance.now()) {
		this.#rate = ratePerSecond / 1000;
		this.#capacity = capacity;
		this.#tokens = capacity;
		this.#now = now;
		this.#updatedAt = now();
	}

	take(): boolean {
		const now = this.#now();
		this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#updatedAt) * this.#rate);
		this.#updatedAt = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}
