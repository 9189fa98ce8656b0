/**
 * One polite live region for the whole board: things that happen without the focus moving
 * (an item added, a step done, a move, a delete) are said once, not on every keystroke.
 */
export class Announcer {
	/** The text in the live region. */
	message = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Says `text`. The region is emptied first and filled a moment later, so saying the
	 * same words twice in a row is still announced.
	 */
	say(text: string): void {
		clearTimeout(this.#timer);
		this.message = '';
		this.#timer = setTimeout(() => (this.message = text), 60);
	}

	destroy(): void {
		clearTimeout(this.#timer);
	}
}

/** Shortens someone's words for an announcement or a notice. */
export function excerpt(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length === 0) return '';
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
