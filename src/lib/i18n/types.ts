/** The shapes of message catalogues (see catalogues/). */

/** A string, or { one, other } for counts; {name} is replaced by a parameter. */
export type MessageValue = string | { readonly one: string; readonly other: string };

/** A translation of one part of the bokmål source: exactly its keys. */
export type PartOf<T> = { readonly [K in keyof T]: MessageValue };
