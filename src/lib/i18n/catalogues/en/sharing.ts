/** English messages for sharing: the plan with the coach, what is shared with me, and guests. */
import type { PartOf } from '../../types';
import type source from '../nb/sharing';

export default {
	'app.nav.conversations': 'Conversations',
	'guest.title': '{owner} invites you to a three-party conversation',
	'guest.titlePlain': 'Invitation to a three-party conversation',
	'guest.intro':
		'The invitation is for {email}. As a guest you see only this conversation. Choose a name and a password so you can open it again later, offline too and on another device.',
	'guest.signedIn': 'You are signed in as {email}. The conversation is shared with your account.',
	'guest.localNotice': 'The notes on this device stay here, but a guest account does not sync them.',
	'guest.submit': 'Open the conversation',
	'guest.busy': 'Opening …',
	'guest.done': 'The conversation has been added.',
	'share.problem.offline': 'Sharing needs a connection. Try again when you are online.',
	'share.problem.forbidden': 'You are not allowed to do this.',
	'share.problem.not-found': 'The person or the document was not found.',
	'share.problem.failed': 'The server answered with an error. Try again later.',
	'share.signInNeeded': 'Sign in with an account to share.',
	'share.plan.title': 'Share with your coach',
	'share.plan.explain':
		'Your training plan is private. You can share it with your coach in the programme. The coach can read the plan but not change it, and you can stop sharing whenever you like.',
	'share.plan.noCoach': 'No coach is in your programmes yet.',
	'share.plan.loading': 'Fetching who the plan is shared with …',
	'share.plan.sharedWith': 'Shared with {name}, who can read it.',
	'share.plan.notShared': 'Not shared with {name}.',
	'share.plan.share': 'Share with {name}',
	'share.plan.unshare': 'Stop sharing with {name}',
	'share.plan.done': 'The plan is shared with {name}.',
	'share.plan.undone': 'The plan is no longer shared with {name}.',
	'shared.title': 'Shared with me',
	'shared.hub': 'Plans, conversations and drafts others have shared with you, for instance as their coach.',
	'shared.intro':
		'Documents others have shared with you. They are kept on this device and can be read offline.',
	'shared.plans': 'Training plans',
	'shared.conversations': 'Three-party conversations',
	'shared.none': 'Nobody has shared anything with you yet.',
	'shared.planOf': "{name}'s training plan",
	'shared.readOnly': 'Shared with you to read. Only {name} can change the plan.',
	'shared.removed': '{name} no longer shares this with you. The copy on this device has been deleted.',
	'shared.notYet': 'The plan has not been fetched yet. It arrives when you are online.',
	'shared.refreshProblem': 'The list could not be updated now. You see what is on this device.'
} satisfies PartOf<typeof source>;
