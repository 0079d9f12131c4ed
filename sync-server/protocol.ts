/**
 * The one door to app code: the wire protocol shared with the browser (src/lib/sync/protocol.ts).
 * The lint rule that keeps the server domain-blind also matches this path, hence the exception.
 */
export * from '../src/lib/sync/protocol.ts';
