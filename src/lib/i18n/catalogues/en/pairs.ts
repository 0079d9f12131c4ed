/** English messages for mentor pairs: my pairs, being told of a new one, the agreement and the evaluation. */
import type { PartOf } from '../../types';
import type source from '../nb/pairs';

export default {
	'pairs.nav': 'Mentor',
	'pairs.title': 'Mentor pairs',
	'pairs.intro':
		'The pairs you are in in the mentor scheme, as mentor or mentee. Only the two of you see what you write in the pair, not the coordinator. What you write is saved on this device and sent when you are online.',
	'pairs.needsAccount':
		'Mentor pairs need you to be signed in, because you share the agreement through the server.',
	'pairs.empty':
		'You are not in a mentor pair yet. The coordinator of the mentor scheme puts the pairs together.',
	'pairs.active': 'Ongoing',
	'pairs.endedList': 'Ended',
	'pairs.item.mentor': 'Mentor: {name}',
	'pairs.item.mentee': 'Mentee: {name}',
	'pairs.item.since': '{scheme} · paired {date}',
	'pairs.item.ended': 'Ended {date}',
	'pairs.announce.label': 'New mentor pairs',
	'pairs.announce.mentor': 'You are paired with {name} as your mentor in {scheme}.',
	'pairs.announce.mentee': 'You are paired with {name} as your mentee in {scheme}.',
	'pairs.announce.open': 'Open',
	'pairs.announce.openLabel': 'Open the pair with {name}',
	'pairs.announce.dismiss': 'Hide',
	'pairs.announce.dismissLabel': 'Hide the message about the pair with {name}',
	'pairs.back': 'All mentor pairs',
	'pairs.heading.mentor': 'Mentor: {name}',
	'pairs.heading.mentee': 'Mentee: {name}',
	'pairs.roles.asMentee': '{name} is your mentor, and you are the mentee, in {scheme}.',
	'pairs.roles.asMentor': 'You are the mentor, and {name} is your mentee, in {scheme}.',
	'pairs.ended':
		'The pair was ended on {date}. What you wrote is still on this device, but cannot be changed.',
	'pairs.endedNoDate': 'The pair was ended. What you wrote is still on this device, but cannot be changed.',
	'pairs.loading': 'Opening the pair …',
	'pairs.refused':
		'Only the mentor and the mentee of the pair can open it. The coordinator sees that the pair meets, but not what they write.',
	'pairs.notFound': 'This mentor pair does not exist.',
	'pairs.notHere': 'The pair is not on this device yet. Go online to fetch it.',
	'pairs.nav.label': 'The mentor pair',
	'pairs.nav.agreement': 'Agreement',
	'pairs.nav.meetings': 'Meetings',
	'pairs.nav.evaluation': 'Evaluation',
	'pairs.side.mentor': 'Mentor',
	'pairs.side.mentee': 'Mentee',
	'pairs.agreement.title': 'Agreement',
	'pairs.agreement.intro':
		'You write the agreement together, offline too. When you agree, both sign with name and time. If the text changes afterwards, the signature says so.',
	'pairs.agreement.suggest': 'Use suggestions',
	'pairs.agreement.suggestHint': 'Fills the empty fields with suggestions you can change.',
	'pairs.agreement.goals': 'Goals',
	'pairs.agreement.goalsHint': 'What the mentee wants to develop, and what you will work on.',
	'pairs.agreement.confidentiality': 'Confidentiality',
	'pairs.agreement.confidentialityHint': 'What stays between you, and what may be shared with others.',
	'pairs.agreement.frequency': 'How often and how long',
	'pairs.agreement.frequencyHint':
		'How often you meet, how long a meeting lasts, and how long the scheme runs.',
	'pairs.agreement.ending': 'Ending',
	'pairs.agreement.endingHint': 'How you end, also if one of you wants to stop early.',
	'pairs.agreement.empty': 'Not written.',
	'pairs.suggestion.goals':
		'The mentee wants to grow as a leader and have an experienced colleague to talk things through with. We use our meetings for real situations from work and set goals as we go.',
	'pairs.suggestion.confidentiality':
		'What we talk about stays between us. Neither of us tells others what we discuss unless the other has agreed. The coordinator only sees that we meet, not what we talk about.',
	'pairs.suggestion.frequency':
		'We meet about once a month for an hour to an hour and a half, through the year the scheme runs. We may meet online when that suits us best.',
	'pairs.suggestion.ending':
		'We end with an evaluation at the end of the year. If one of us wants to stop earlier, we say so openly to each other and tell the coordinator.',
	'pairs.sign.title': 'Signatures',
	'pairs.sign.hint':
		'You sign the agreement as it reads now. Offline, the signature is saved on this device and sent when you are online.',
	'pairs.sign.signed': 'Signed by {name} {time}',
	'pairs.sign.changed': 'Signed by {name} {time} – changed after signing',
	'pairs.sign.unsigned': 'Not signed yet',
	'pairs.sign.both': 'Both have signed',
	'pairs.sign.count': { one: '1 of 2 has signed', other: '{count} of 2 have signed' },
	'pairs.sign.button': 'Sign the agreement',
	'pairs.sign.again': 'Sign again',
	'pairs.sign.done': 'You have signed the agreement.',
	'pairs.evaluation.title': 'Evaluation',
	'pairs.evaluation.intro':
		'At the end of the year you each evaluate the mentorship. When you submit, the other can read your evaluation, and you can read theirs once submitted.',
	'pairs.evaluation.mine': 'Your evaluation',
	'pairs.evaluation.other': 'The evaluation by {name}',
	'pairs.evaluation.draftHint': 'What you write is saved at once. {name} sees it only when you submit.',
	'pairs.evaluation.q.worked': 'What worked well?',
	'pairs.evaluation.q.learned': 'What have you learned?',
	'pairs.evaluation.q.different': 'What could have been different?',
	'pairs.evaluation.rating': 'How useful was the mentorship for you?',
	'pairs.evaluation.rating.1': '1 – not very useful',
	'pairs.evaluation.rating.2': '2',
	'pairs.evaluation.rating.3': '3',
	'pairs.evaluation.rating.4': '4',
	'pairs.evaluation.rating.5': '5 – very useful',
	'pairs.evaluation.ratingValue': 'Usefulness: {rating} of 5',
	'pairs.evaluation.noRating': 'Usefulness: not rated',
	'pairs.evaluation.noAnswer': 'Not answered.',
	'pairs.evaluation.submit': 'Submit the evaluation',
	'pairs.evaluation.nothing': 'Answer at least one question before you submit.',
	'pairs.evaluation.done': 'The evaluation is submitted.',
	'pairs.evaluation.submitted': 'Submitted {time}',
	'pairs.evaluation.reopen': 'Change the evaluation',
	'pairs.evaluation.reopenHint':
		'The other one does not see your evaluation again until you submit it again.',
	'pairs.evaluation.notYet': '{name} has not submitted their evaluation yet.',
	'pairs.evaluation.notWritten': 'You wrote no evaluation before the pair was ended.'
} as const satisfies PartOf<typeof source>;
