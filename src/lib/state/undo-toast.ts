/** "Angre" after something was removed: a toast whose action puts it back (through the one error path). */
import { t } from '$i18n/locale.svelte';
import { attempt } from './handle-error';
import { toasts } from './toasts.svelte';

export function offerUndo(message: string, restore: () => void): void {
	toasts.show({
		kind: 'info',
		message,
		action: { label: t('meetings.undo'), run: () => attempt('restoring', restore) }
	});
}
