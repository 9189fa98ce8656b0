/**
 * One polite live region for the whole board: things that happen without the focus moving
 * (an item added, a step done, a move, a delete) are said once, not on every keystroke.
 */
/** How long news about the plan stays in the region before a remark about who is here may replace it. */
const NEWS_HOLD_MS = 3_000;

export class Announcer {
	/** The text in the live region. */
	message = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Says `text`. The region is emptied first and filled a moment later, so saying the
	 * same words twice in a row is still announced.
	 */
	say(text: string): void {
		this.#sayNow(text);
		this.#newsUntil = Date.now() + NEWS_HOLD_MS;
	}

	/**
	 * Says `text` about who is here (someone joined, left or is writing nearby). It never
	 * replaces news about the plan itself (a step done, an item added) still being read out:
	 * it waits until that news has had its moment, and only the latest such remark is kept.
	 */
	sayAside(text: string): void {
		clearTimeout(this.#asideTimer);
		const wait = this.#newsUntil - Date.now();
		if (wait <= 0) return this.#sayNow(text);
		this.#asideTimer = setTimeout(() => this.#sayNow(text), wait);
	}

	destroy(): void {
		clearTimeout(this.#timer);
		clearTimeout(this.#asideTimer);
	}

	#asideTimer: ReturnType<typeof setTimeout> | undefined;
	/** Until when the last news about the plan keeps the region to itself. */
	#newsUntil = 0;

	#sayNow(text: string): void {
		clearTimeout(this.#timer);
		this.message = '';
		this.#timer = setTimeout(() => (this.message = text), 60);
	}
}

/** Shortens someone's words for an announcement or a notice. */
export function excerpt(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length === 0) return '';
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
