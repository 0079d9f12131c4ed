/** The task pages' form checks: each field the schema refuses, with its message. */
import { invalidFields } from '$domain/form';
import {
	ChangeTaskFieldsSchema,
	CheckInFieldsSchema,
	LocalDateSchema,
	type CheckInDraft,
	type TaskDraft
} from '$domain/change-task';
import { t } from '$i18n/locale.svelte';
import * as v from 'valibot';

export function taskErrors(draft: TaskDraft): Partial<Record<keyof TaskDraft, string>> {
	const errors: Partial<Record<keyof TaskDraft, string>> = {};
	for (const field of invalidFields(ChangeTaskFieldsSchema, draft)) {
		errors[field] =
			field === 'what'
				? draft.what.trim()
					? t('task.tooLong')
					: t('task.whatMissing')
				: field === 'due' || field === 'nextCheckIn'
					? t('task.dateInvalid')
					: t('task.tooLong');
	}
	return errors;
}

export function checkInErrors(draft: CheckInDraft): Partial<Record<keyof CheckInDraft, string>> {
	const errors: Partial<Record<keyof CheckInDraft, string>> = {};
	for (const field of invalidFields(CheckInFieldsSchema, draft)) {
		errors[field] =
			field === 'date'
				? t('task.dateInvalid')
				: field === 'progress' && !draft.progress.trim()
					? t('task.progressMissing')
					: t('task.tooLong');
	}
	if (draft.next && !v.is(LocalDateSchema, draft.next)) errors.next = t('task.dateInvalid');
	return errors;
}
