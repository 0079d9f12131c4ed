// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** Set when the note page opens a note just created (focus the title). */
			newNote?: boolean;
			newDraft?: boolean;
		}
		// interface Platform {}
	}
}

export {};
