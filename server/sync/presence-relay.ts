/**
 * A room's presence goes out ten times a second: the windows that changed since the last time
 * travel together in one frame, so a busy room sends one frame per tick, not one per change.
 * Someone leaving is told at once (the room forgets their entry soon after).
 */

/** How often a room relays the presence changes gathered since the last time. */
export const PRESENCE_RELAY_MS = 100;

export class PresenceRelay {
	private readonly changed = new Set<number>();
	private timer: NodeJS.Timeout | null = null;

	/**
	 * @param publish sends these windows' current states (or their leaving) to everyone on the
	 *   board; `from` is the connection that caused it, which need not hear it back.
	 * @param present is this window still on the board?
	 */
	constructor(
		private readonly publish: (ids: number[], from: number | null) => void,
		private readonly present: (id: number) => boolean
	) {}

	/** Windows that joined or changed: relayed at the next tick. */
	changedNow(ids: readonly number[]): void {
		for (const id of ids) this.changed.add(id);
		if (this.changed.size && !this.timer) this.timer = setTimeout(() => this.tick(), PRESENCE_RELAY_MS);
	}

	/** Windows that left: relayed at once. */
	leftNow(ids: number[], from: number | null): void {
		if (ids.length) this.publish(ids, from);
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.changed.clear();
	}

	private tick(): void {
		this.timer = null;
		const ids = [...this.changed].filter((id) => this.present(id));
		this.changed.clear();
		// Sent to the senders too: a window ignores its own state coming back (same clock).
		if (ids.length) this.publish(ids, null);
	}
}
