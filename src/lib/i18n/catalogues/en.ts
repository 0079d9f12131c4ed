/** English, in the same parts as the bokmål source (en/core.ts, en/programme.ts, en/development.ts, en/sharing.ts, en/conversation.ts, en/editor.ts, en/drafts.ts). */
import comments from './en/comments';
import conversation from './en/conversation';
import core from './en/core';
import development from './en/development';
import drafts from './en/drafts';
import editor from './en/editor';
import exportPart from './en/export';
import groups from './en/groups';
import ideas from './en/ideas';
import meetings from './en/meetings';
import pairMeetings from './en/pair-meetings';
import pairs from './en/pairs';
import programme from './en/programme';
import scheme from './en/scheme';
import search from './en/search';
import sharing from './en/sharing';
import versions from './en/versions';
import type { Messages } from './nb';

export const meta = { code: 'en', name: 'English', intl: 'en-GB' } as const;

const messages: Messages = {
	...core,
	...ideas,
	...programme,
	...development,
	...sharing,
	...conversation,
	...editor,
	...meetings,
	...pairMeetings,
	...pairs,
	...drafts,
	...versions,
	...exportPart,
	...search,
	...comments,
	...groups,
	...scheme
};

export default messages;
