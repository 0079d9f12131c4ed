/**
 * Shares this page's changes with the app's other tabs on the device, right away and without a
 * server (device-only use has none; and the provider's own channel stops while offline).
 */
import * as Y from 'yjs';

export const TAB_ORIGIN = Symbol('tab');

export class TabChannel {
	readonly #channel: BroadcastChannel | null;

	constructor(
		private readonly doc: Y.Doc,
		name: string,
		private readonly shouldShare: (origin: unknown) => boolean
	) {
		this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
		this.#channel?.addEventListener('message', this.#onMessage);
		doc.on('update', this.#onUpdate);
	}

	destroy(): void {
		this.doc.off('update', this.#onUpdate);
		this.#channel?.close();
	}

	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin !== TAB_ORIGIN && this.shouldShare(origin)) this.#channel?.postMessage(update);
	};

	#onMessage = (event: MessageEvent) => {
		if (!(event.data instanceof Uint8Array)) return;
		try {
			Y.applyUpdate(this.doc, event.data, TAB_ORIGIN);
		} catch (error) {
			console.warn('Ignoring a malformed update from another tab', error);
		}
	};
}
