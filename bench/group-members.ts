/**
 * The other members of the group for bench/group-latency.ts: real y-websocket clients in Node, one
 * socket and one Yjs client id each, signed in with their own accounts. Each writes its own
 * paragraph of the page (one character about once a second) and moves its cursor there, with a
 * presence state like the app's ({ user: { id, name, color }, page, cursor }), so the server relays
 * every change to the whole group and the browsers draw everyone's cursors.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { presenceUser } from '../src/lib/domain/presence.ts';
import { withTimeout, type Cleanup } from './stats.ts';

export interface MemberLogin {
	token: string;
	userId: string;
	name: string;
}

export interface MembersOptions {
	origin: string;
	room: string;
	pageId: string;
	/** The text the writer's paragraph starts with: the members' paragraphs go after it. */
	writerTag: string;
	cleanup: Cleanup;
}

export interface ActivityCounts {
	members: number;
	/** Edits the members made. */
	edits: number;
	/** Document updates from the server, summed over the members. */
	docUpdates: number;
	/** Awareness updates from the server, summed over the members. */
	awarenessUpdates: number;
	/** Sockets that closed while the members were meant to be connected. */
	closes: string[];
}

const TYPED = 'vi snakket om selvbetjening og apningstider i helgene ';

interface Member {
	login: MemberLogin;
	doc: Y.Doc;
	provider: WebsocketProvider;
	text: Y.XmlText | null;
	prefix: number;
	typed: number;
	tick: number;
	timer: ReturnType<typeof setTimeout> | null;
}

export class GroupMembers {
	readonly #members: Member[];
	readonly #options: MembersOptions;
	#counts: ActivityCounts = { members: 0, edits: 0, docUpdates: 0, awarenessUpdates: 0, closes: [] };
	#connected = false;

	constructor(logins: MemberLogin[], options: MembersOptions) {
		this.#options = options;
		// y-websocket adds a process 'exit' listener per provider (to say goodbye to the others).
		process.setMaxListeners(Math.max(process.getMaxListeners(), logins.length + 10));
		const url = `${options.origin.replace(/^http/, 'ws')}/sync`;
		this.#members = logins.map((login) => {
			const doc = new Y.Doc();
			const provider = new WebsocketProvider(url, options.room, doc, {
				connect: false,
				params: { token: login.token },
				WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
				// All of them live in this process: without this they would also talk over a BroadcastChannel.
				disableBc: true
			});
			const member: Member = { login, doc, provider, text: null, prefix: 0, typed: 0, tick: 0, timer: null };
			doc.on('update', (_update: Uint8Array, origin: unknown) => {
				if (origin === provider) this.#counts.docUpdates++;
			});
			provider.awareness.on('update', (_change: unknown, origin: unknown) => {
				if (origin === provider) this.#counts.awarenessUpdates++;
			});
			provider.on('connection-close', (event) => {
				if (this.#connected) {
					this.#counts.closes.push(`${login.name}: ${event?.code ?? '?'} ${event?.reason ?? ''}`.trim());
				}
			});
			options.cleanup.add(`close ${login.name}'s socket`, () => {
				this.#stopMember(member);
				provider.destroy();
				doc.destroy();
			});
			return member;
		});
	}

	/** Connects everybody, waits until each has the document, and gives each its own paragraph. */
	async connect(): Promise<void> {
		this.#connected = true;
		for (const member of this.#members) member.provider.connect();
		await withTimeout(
			Promise.all(this.#members.map((m) => synced(m.provider))),
			30_000,
			'the Node members to sync the group document'
		);
		for (const member of this.#members) {
			const fragment = member.doc.getXmlFragment(`page:${this.#options.pageId}`);
			if (!member.text) member.text = await this.#ownParagraph(member, fragment);
			this.#moveCursor(member);
		}
	}

	/** Closes every socket (the server takes their presence away); `connect` opens them again. */
	disconnect(): void {
		this.#connected = false;
		for (const member of this.#members) {
			this.#stopMember(member);
			member.provider.disconnect();
		}
	}

	/** Each member edits and moves its cursor every `periodMs` (± 10 %), starting at random times. */
	start(periodMs: number): void {
		this.resetCounts();
		for (const member of this.#members) {
			const next = (delay: number) => {
				member.timer = setTimeout(() => {
					this.#edit(member);
					next(periodMs * (0.9 + Math.random() * 0.2));
				}, delay);
			};
			next(Math.random() * periodMs);
		}
	}

	/**
	 * Records when the first member's document receives each character of `marker` typed after
	 * `base` in the writer's paragraph (performance.timeOrigin + performance.now(), Node's clock).
	 * The returned function stops watching and answers the times (null: never arrived).
	 */
	watchWriter(base: string, marker: string): () => (number | null)[] {
		const member = this.#members[0];
		const fragment = member.doc.getXmlFragment(`page:${this.#options.pageId}`);
		const arrived: (number | null)[] = new Array(marker.length).fill(null);
		let shown = 0;
		const check = () => {
			const writer = fragment
				.toArray()
				.map((node) => (node instanceof Y.XmlElement ? textOf(node) : ''))
				.find((text) => text.startsWith(this.#options.writerTag));
			if (!writer) return;
			const at = performance.timeOrigin + performance.now();
			while (shown < marker.length && writer.startsWith(base + marker.slice(0, shown + 1)))
				arrived[shown++] = at;
		};
		fragment.observeDeep(check);
		return () => {
			fragment.unobserveDeep(check);
			return arrived;
		};
	}

	/** Counts from now on (what `stop` answers). */
	resetCounts(): void {
		this.#counts = { members: 0, edits: 0, docUpdates: 0, awarenessUpdates: 0, closes: [] };
	}

	stop(): ActivityCounts {
		for (const member of this.#members) this.#stopMember(member);
		return { ...this.#counts, members: this.#members.length, closes: [...this.#counts.closes] };
	}

	#stopMember(member: Member): void {
		if (member.timer) clearTimeout(member.timer);
		member.timer = null;
	}

	/**
	 * The member's paragraph ("<name>: …") at the end of the page, after the writer's: made once,
	 * when the writer's paragraph has arrived.
	 */
	async #ownParagraph(member: Member, fragment: Y.XmlFragment): Promise<Y.XmlText> {
		const label = `${member.login.name}: `;
		const hasWriter = () =>
			fragment
				.toArray()
				.some((node) => node instanceof Y.XmlElement && textOf(node).startsWith(this.#options.writerTag));
		await withTimeout(
			new Promise<void>((resolve) => {
				if (hasWriter()) return resolve();
				const check = () => {
					if (!hasWriter()) return;
					fragment.unobserveDeep(check);
					resolve();
				};
				fragment.observeDeep(check);
			}),
			15_000,
			"the writer's paragraph to reach the Node members"
		);
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		member.doc.transact(() => {
			fragment.push([paragraph]);
			paragraph.insert(0, [text]);
			text.insert(0, label);
		});
		member.prefix = label.length;
		return text;
	}

	/** One typed character at the end of the member's paragraph, then the cursor moves. */
	#edit(member: Member): void {
		const text = member.text;
		if (!text || !member.provider.wsconnected) return;
		text.insert(text.length, TYPED[member.typed++ % TYPED.length]);
		this.#counts.edits++;
		this.#moveCursor(member);
	}

	/** A caret somewhere in the member's own text; every third time a short selection. */
	#moveCursor(member: Member): void {
		const text = member.text;
		if (!text) return;
		const length = text.length;
		const head = member.prefix + Math.floor(Math.random() * Math.max(1, length - member.prefix));
		const anchor = member.tick++ % 3 === 2 ? Math.max(member.prefix, head - 3) : head;
		const position = (index: number) =>
			Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, Math.min(index, length)));
		member.provider.awareness.setLocalState({
			user: presenceUser(member.login.userId, member.login.name),
			page: this.#options.pageId,
			cursor: { anchor: position(anchor), head: position(head) }
		});
	}
}

function textOf(element: Y.XmlElement): string {
	return element
		.toArray()
		.map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
		.join('');
}

function synced(provider: WebsocketProvider): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve) => {
		const onSync = (isSynced: boolean) => {
			if (!isSynced) return;
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
}
