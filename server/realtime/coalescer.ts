/**
 * At most one message per key per period: the first goes at once, later ones wait for the end
 * of the period and go as one, merged. Used for notices: one per plan per person a minute.
 */
export class Coalescer<T> {
	private readonly lastSent = new Map<string, number>();
	private readonly waiting = new Map<string, { value: T; timer: NodeJS.Timeout }>();

	constructor(
		private readonly everyMs: number,
		private readonly merge: (earlier: T, later: T) => T,
		private readonly send: (key: string, value: T) => void,
		private readonly now: () => number = Date.now
	) {}

	push(key: string, value: T): void {
		const pending = this.waiting.get(key);
		if (pending) {
			pending.value = this.merge(pending.value, value);
			return;
		}
		const since = this.now() - (this.lastSent.get(key) ?? -Infinity);
		if (since >= this.everyMs) return this.deliver(key, value);
		const timer = setTimeout(() => {
			const due = this.waiting.get(key);
			this.waiting.delete(key);
			if (due) this.deliver(key, due.value);
		}, this.everyMs - since);
		timer.unref();
		this.waiting.set(key, { value, timer });
	}

	private deliver(key: string, value: T): void {
		this.lastSent.set(key, this.now());
		// Forget keys whose period is over, so the map does not grow for ever.
		if (this.lastSent.size > 10_000) {
			for (const [k, at] of this.lastSent) if (this.now() - at >= this.everyMs) this.lastSent.delete(k);
		}
		this.send(key, value);
	}

	close(): void {
		for (const { timer } of this.waiting.values()) clearTimeout(timer);
		this.waiting.clear();
	}
}
