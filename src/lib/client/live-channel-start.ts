/**
 * When the live channel (socket.io and its client, about 13 KiB of script) may start: after the
 * page's own first work, so that on a slow connection its script does not compete with what the
 * page needs first. A board holds it back until it is live, and never longer than HOLD_CAP_MS
 * (a board that cannot connect must not keep notices and following away); other pages take no
 * hold, so the channel starts as soon as they are on screen.
 */
export const HOLD_CAP_MS = 3_000;

let holds = 0;
let waiting: (() => void)[] = [];

/** Holds the live channel back until the returned function is called (or the cap passes). */
export function holdLiveChannel(): () => void {
	holds++;
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		clearTimeout(cap);
		if (--holds > 0) return;
		const run = waiting;
		waiting = [];
		for (const start of run) start();
	};
	const cap = setTimeout(release, HOLD_CAP_MS);
	return release;
}

/**
 * Resolves once no page holds the live channel back. Checked after this turn, so that a page
 * being put on screen now has taken its hold first.
 */
export function whenLiveChannelMayStart(): Promise<void> {
	return new Promise((resolve) => setTimeout(() => (holds === 0 ? resolve() : waiting.push(resolve)), 0));
}
