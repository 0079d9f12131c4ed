import type { Goal } from '$domain/plan';
import { locale, t } from '$i18n/locale.svelte';

/** A goal's status and target date in one line: "I gang · Mål innen 1. juni 2027". */
export function goalSummary(goal: Pick<Goal, 'status' | 'targetDate'>): string {
	return [
		t(`goal.status.${goal.status}`),
		goal.targetDate ? t('plan.targetDate', { date: locale.date(goal.targetDate) }) : ''
	]
		.filter(Boolean)
		.join(' · ');
}
