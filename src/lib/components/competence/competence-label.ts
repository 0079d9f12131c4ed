/** How a competence is named on screen. */
import { isDefaultCompetence } from '$domain/competence-list';
import { t } from '$i18n/locale.svelte';

/** A default competence's name from the catalogue (in the reader's language); null for others. */
export function defaultCompetenceName(id: string): string | null {
	return isDefaultCompetence(id) ? t(`competence.name.${id}`) : null;
}

/** The coordinators' name when there is one, else the catalogue's. */
export function competenceLabel(competence: { id: string; name: string }): string {
	return competence.name || defaultCompetenceName(competence.id) || t('competence.unnamed');
}
