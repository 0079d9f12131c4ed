import type { Messages } from './nb';

export const meta = { code: 'en', name: 'English', intl: 'en-GB' } as const;

const messages: Messages = {
	'app.name': 'Lederlogg',
	'app.skipToContent': 'Skip to content',
	'app.nav.label': 'Main menu',
	'app.nav.notes': 'Notes',
	'app.nav.settings': 'Settings',
	'app.loading': 'Opening your workspace …',
	'app.bootFailed':
		'Lederlogg could not open the storage on this device. Check that the browser allows storage (not a private window) and that there is free space, then reload the page.',
	'app.update.ready': 'A new version of Lederlogg is ready.',
	'app.update.reload': 'Reload',
	'app.update.later': 'Later',
	'app.notFound': 'Page not found.',
	'app.backHome': 'Back to notes',

	'sync.deviceOnly': 'Saved on this device',
	'sync.saved': 'Saved on the server',
	'sync.saving': 'Saving to the server …',
	'sync.waitingOffline': {
		one: '1 change waiting – offline',
		other: '{count} changes waiting – offline'
	},
	'sync.waitingConnecting': {
		one: '1 change waiting – connecting …',
		other: '{count} changes waiting – connecting …'
	},
	'sync.offlineSaved': 'Offline – everything is saved on the server',
	'sync.signInNeeded': 'Sign in again to sync',
	'sync.refused': 'The server did not accept the changes',
	'sync.statusLabel': 'Sync',

	'welcome.title': 'Welcome to Lederlogg',
	'welcome.intro':
		'Write seminar notes and reflection notes for your leadership programme – on the bus, on the ferry and where there is no signal. Everything is saved on your device at once.',
	'welcome.localOnly': 'Use on this device only',
	'welcome.localOnlyHint': 'No account needed. If you sign in later, your notes come along into the account.',
	'welcome.signIn': 'Sign in',
	'welcome.signInHint': 'With an account, your notes sync to your other devices.',

	'signIn.title': 'Sign in',
	'signIn.email': 'Email',
	'signIn.password': 'Password',
	'signIn.submit': 'Sign in',
	'signIn.busy': 'Signing in …',
	'signIn.wrong': 'Wrong email or password.',
	'signIn.invalidEmail': 'Enter a valid email address.',
	'signIn.passwordMissing': 'Enter your password.',
	'signIn.offline': 'Cannot reach the server. You may be offline – try again when you have a connection.',
	'signIn.serverError': 'The server answered with an error ({status}). Try again later.',
	'signIn.mergeNotice': 'The notes you have written on this device come along into your account.',
	'signIn.otherOwner':
		'This device holds the workspace of another account ({email}). Sign in as that account and sign out first.',
	'signIn.again': 'Your session has expired. Sign in again – the notes on this device are kept.',
	'signIn.continueLocal': 'Continue without an account',
	'signIn.noServer': 'There is no Lederlogg server here. You can use the app on this device.',

	'setup.title': 'Create the first coordinator',
	'setup.intro': 'The server has no accounts yet. The account you create now becomes a coordinator.',
	'setup.name': 'Name',
	'setup.passwordHint': 'At least 8 characters.',
	'setup.submit': 'Create account',
	'setup.nameMissing': 'Enter your name.',
	'setup.passwordShort': 'The password must have at least 8 characters.',
	'setup.taken': 'The server already has a coordinator. Sign in instead.',

	'join.title': 'Join {programme}',
	'join.intro': 'You are invited as {role}. Choose a name and a password for the account {email}.',
	'join.signedIn': 'You are signed in as {email}. The programme is added to your account.',
	'join.submit': 'Join',
	'join.busy': 'Joining …',
	'join.unknown': 'The invitation was not found. Check the code or the link.',
	'join.gone': 'The invitation has been used, withdrawn or has expired. Ask the coordinator for a new one.',
	'join.exists':
		'There is already an account with the email {email}. Sign in first, then open the link again.',
	'join.done': 'You have joined {programme}.',
	'join.haveCode': 'Have you been invited?',
	'join.codeLabel': 'Invitation code',
	'join.codeHint': 'The code is in the invitation from the coordinator.',
	'join.open': 'Open the invitation',
	'role.coordinator': 'coordinator',
	'role.participant': 'participant',
	'role.coach': 'coach',
	'role.mentor': 'mentor',

	'notes.title': 'Notes',
	'notes.newSeminar': 'New seminar note',
	'notes.newReflection': 'New reflection note',
	'notes.searchLabel': 'Search your notes',
	'notes.searchPlaceholder': 'Words or #tag',
	'notes.empty': 'No notes yet. Write the first one – it is saved on this device at once.',
	'notes.noMatches': 'No notes match the search.',
	'notes.matches': { one: '1 match', other: '{count} matches' },
	'notes.count': { one: '1 note', other: '{count} notes' },
	'notes.untitled': 'Untitled',
	'notes.edited': 'Edited {time}',
	'notes.listLabel': 'Your notes, newest first',

	'note.kind': 'Kind',
	'note.kind.seminar': 'Seminar note',
	'note.kind.reflection': 'Reflection note',
	'note.titleLabel': 'Title',
	'note.seminarLabel': 'Seminar or gathering',
	'note.seminarHint': 'For example “Start-up gathering in Tromsø”.',
	'note.tagsLabel': 'Tags',
	'note.tagsHint': 'Separate with commas or spaces.',
	'note.bodyLabel': 'Note',
	'note.autosave': 'Everything you type is saved on this device at once.',
	'note.created': 'Created {time}',
	'note.back': 'All notes',
	'note.delete': 'Delete note',
	'note.deleted': 'The note was deleted.',
	'note.undo': 'Undo',
	'note.restored': 'The note is back.',
	'note.notFound': 'Note not found. It may have been deleted, or not synced to this device yet.',

	'settings.title': 'Settings',
	'settings.language': 'Language',
	'settings.storage': 'Storage on this device',
	'settings.storagePersisted': 'The browser has promised not to delete your data when space runs low.',
	'settings.storageNotPersisted':
		'The browser may delete data if the device runs low on space. Sync with the server to be safe.',
	'settings.storageUnknown': 'This browser cannot promise persistent storage.',
	'settings.storageRequest': 'Ask for persistent storage',
	'settings.account': 'Account',
	'settings.signedInAs': 'Signed in as {name} ({email}).',
	'settings.localOnly': 'You are using Lederlogg on this device only.',
	'settings.signIn': 'Sign in to sync',
	'settings.signOut': 'Sign out',
	'settings.signOutHint':
		'Signing out deletes your notes from this device (library computers are shared). They stay safe on the server.',
	'settings.signOutPending': {
		one: 'One change is not on the server yet. If you sign out now, it is lost. Sign out anyway?',
		other: '{count} changes are not on the server yet. If you sign out now, they are lost. Sign out anyway?'
	},
	'settings.signOutConfirm': 'Sign out and delete from this device',
	'settings.cancel': 'Cancel',
	'settings.sync': 'Sync',

	'error.generic': 'Something went wrong: {message}',
	'error.storageFull': 'The storage on this device is full. Free some space – what you wrote is kept.',
	'error.dismiss': 'Dismiss',

	'time.justNow': 'just now'
};

export default messages;
