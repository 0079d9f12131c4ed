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
