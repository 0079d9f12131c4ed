/** What a room needs from a connection: a way to send, a way to close, and its awareness clients. */
export interface Peer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
	/** Awareness client ids this peer has set, removed from the room when it leaves. */
	readonly awarenessIds: Set<number>;
}
