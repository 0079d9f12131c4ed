/** Tells the app's other tabs on this device that the account or mode changed, so they follow. */
export type TabEvent = { type: 'signed-in' | 'signed-out' | 'device-only'; from: string };

const NAME = 'lederlogg-session';

export function broadcastTabEvent(event: TabEvent): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(NAME);
	channel.postMessage(event);
	channel.close();
}

/** Listens to the events of other tabs (a page also hears its own channel objects, so `self` filters). */
export function onTabEvent(self: string, listener: (event: TabEvent) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(NAME);
	channel.addEventListener('message', (e: MessageEvent<TabEvent>) => {
		if (e.data?.from !== self) listener(e.data);
	});
	return () => channel.close();
}
