/** What the app's forms share: option lists, focus on the first refused field, number messages. */
import { tick } from 'svelte';
import { locale, t } from '$i18n/locale.svelte';

/** A module or lecture to choose in a form. */
export interface Option {
	id: string;
	title: string;
}

/** Moves focus to the first field the form marks invalid (after the marks are drawn). */
export async function focusFirstInvalid(form: HTMLFormElement | undefined): Promise<void> {
	await tick();
	form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** "Skriv et helt tall fra 0 til 10 000." */
export function wholeNumberMessage(min: number, max: number): string {
	return t('programmeForm.wholeNumber', {
		min: min.toLocaleString(locale.intl),
		max: max.toLocaleString(locale.intl)
	});
}
