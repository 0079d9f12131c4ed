import { t } from '$i18n/locale.svelte';
import type { SignInError } from './app.svelte';

/** What to tell the user when signing in, setting up or joining fails. */
export function describeSignInError(e: SignInError, email = ''): string {
	switch (e.kind) {
		case 'wrong':
			return t('signIn.wrong');
		case 'offline':
			return t('signIn.offline');
		case 'server':
			return t('signIn.serverError', { status: e.status });
		case 'other-owner':
			return t('signIn.otherOwner', { email: e.email });
		case 'taken':
			return t('setup.taken');
		case 'invite-unknown':
			return t('join.unknown');
		case 'invite-gone':
			return t('join.gone');
		case 'invite-account-exists':
			return t('join.exists', { email });
	}
}
