/** Short messages at the bottom of the screen, optionally with one action (e.g. "Undo"). */
export interface Toast {
	id: number;
	message: string;
	kind: 'info' | 'error';
	action?: { label: string; run: () => void };
}

class Toasts {
	#items = $state<Toast[]>([]);
	#next = 1;

	get items(): readonly Toast[] {
		return this.#items;
	}

	show(toast: Omit<Toast, 'id'>, timeoutMs = toast.kind === 'error' ? 12_000 : 8_000): number {
		const id = this.#next++;
		this.#items = [...this.#items, { ...toast, id }];
		if (timeoutMs > 0) setTimeout(() => this.dismiss(id), timeoutMs);
		return id;
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
