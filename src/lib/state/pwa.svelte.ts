/**
 * The service worker, registered with workbox-window. When a new version is waiting, the app
 * offers to reload; reloading first writes everything typed to the device, so nothing is lost.
 */
import { Workbox } from 'workbox-window';
import { app } from './app.svelte';
import { flushRooms } from './room-pool';
import { flushProgrammes } from './programme-rooms';
import { handleError } from './handle-error';

const CHECK_EVERY_MS = 60 * 60 * 1000;

class Pwa {
	#updateReady = $state(false);
	#wb: Workbox | null = null;

	get updateReady() {
		return this.#updateReady;
	}

	register(): void {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		const wb = new Workbox('/sw.js', { scope: '/' });
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.#updateReady = true));
		wb.register()
			.then((registration) => {
				if (registration?.waiting) this.#updateReady = true;
				setInterval(() => void wb.update(), CHECK_EVERY_MS);
			})
			.catch((e) => console.warn('Service worker registration failed', e));
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void wb.update().catch(() => {});
		});
	}

	/** Checks the server for a new version now. */
	async check(): Promise<void> {
		await this.#wb?.update();
	}

	async reload(): Promise<void> {
		try {
			(document.activeElement as HTMLElement | null)?.blur();
			await Promise.all([app.flush(), flushProgrammes(), flushRooms()]);
		} catch (e) {
			handleError(e, 'saving before reload');
			return;
		}
		const wb = this.#wb;
		if (!wb) return location.reload();
		wb.addEventListener('controlling', () => location.reload());
		wb.messageSkipWaiting();
	}

	dismiss(): void {
		this.#updateReady = false;
	}
}

export const pwa = new Pwa();
