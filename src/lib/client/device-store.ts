/**
 * Choices kept on this device (the browser's local storage): the shared screen, who is talking,
 * read or edit, the guide shown or hidden. A browser that keeps nothing (some private windows,
 * a full store) still works: the choice then lasts for the page.
 */
export interface KeptChoices {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** This browser's store, or null when it has none or refuses it. */
export function deviceStore(): KeptChoices | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** A kept choice read as JSON; null when absent or unreadable. */
export function readKept(store: KeptChoices | null, key: string): unknown {
	try {
		const raw = store?.getItem(key);
		return raw ? (JSON.parse(raw) as unknown) : null;
	} catch {
		return null;
	}
}

/** Keeps a choice as JSON; a store that refuses leaves it for this page only. */
export function keep(store: KeptChoices | null, key: string, value: unknown): void {
	try {
		store?.setItem(key, JSON.stringify(value));
	} catch {
		// Full or refused: the choice holds for this page.
	}
}
