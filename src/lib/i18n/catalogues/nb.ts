/**
 * Norsk bokmål: the default language and the source of the message keys, in parts by role
 * (nb/core.ts, nb/programme.ts, nb/development.ts, nb/sharing.ts, nb/conversation.ts, nb/editor.ts, nb/drafts.ts). Every other catalogue must have exactly
 * these keys (tests/unit/i18n.test.ts checks it, and each part's type too).
 */
import type { MessageValue } from '../types';
import comments from './nb/comments';
import conversation from './nb/conversation';
import core from './nb/core';
import development from './nb/development';
import drafts from './nb/drafts';
import editor from './nb/editor';
import exportPart from './nb/export';
import groups from './nb/groups';
import ideas from './nb/ideas';
import meetings from './nb/meetings';
import pairMeetings from './nb/pair-meetings';
import pairs from './nb/pairs';
import programme from './nb/programme';
import scheme from './nb/scheme';
import search from './nb/search';
import sharing from './nb/sharing';
import versions from './nb/versions';

export const meta = { code: 'nb', name: 'Norsk bokmål', intl: 'nb-NO' } as const;

const messages = {
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
} as const;

export type { MessageValue };
export type MessageKey = keyof typeof messages;
export type Messages = { readonly [K in MessageKey]: MessageValue };

export default messages satisfies Messages;
