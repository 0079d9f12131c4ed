/** The one error path: log with context, tell the user in their language. */
import { t } from '$i18n/locale.svelte';
import { isQuotaError } from '$data/db';
import { toasts } from './toasts.svelte';

export function handleError(error: unknown, context: string): void {
	console.error(`[lederlogg] ${context}`, error);
	const message = isQuotaError(error)
		? t('error.storageFull')
		: t('error.generic', { message: error instanceof Error ? error.message : String(error) });
	toasts.show({ kind: 'error', message });
}

/**
 * Storage writes deep inside libraries (y-indexeddb) fail as unhandled rejections: a full disk
 * must still reach the user, once, with what to do. Other stray errors are only logged.
 */
export function installGlobalErrorHandlers(): void {
	let toldStorageFull = false;
	window.addEventListener('unhandledrejection', (event) => {
		if (!isQuotaError(event.reason)) return;
		event.preventDefault();
		if (!toldStorageFull) handleError(event.reason, 'writing to device storage');
		toldStorageFull = true;
	});
}

/** Runs a verb of a page; a failure goes the one error path. Answers whether it worked. */
export function attempt(what: string, action: () => void): boolean {
	try {
		action();
		return true;
	} catch (e) {
		handleError(e, what);
		return false;
	}
}
