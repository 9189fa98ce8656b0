/**
 * Presence from one connection reaches the others at most about ten times a second, whatever
 * the client sends. Extra updates are not refused (the connection stays open) and not lost:
 * they wait, and only the newest state of each window goes out when the next turn comes. An
 * honest client, which throttles itself to the same rate, is never held back for long.
 */
import type { AwarenessEntry } from './messages.js';

/** Presence updates a connection may have relayed per second (and in one burst). */
export const PRESENCE_UPDATES_PER_SECOND = 10;
export const PRESENCE_BURST = 10;

export interface ThrottleClock {
	now(): number;
	/** Runs `run` after `ms`; returns a function that cancels it. */
	later(run: () => void, ms: number): () => void;
}

const realClock: ThrottleClock = {
	now: () => performance.now(),
	later: (run, ms) => {
		const timer = setTimeout(run, ms);
		return () => clearTimeout(timer);
	}
};

export class PresenceThrottle {
	private tokens: number;
	private last: number;
	/** Waiting entries, newest per window. */
	private readonly waiting = new Map<number, AwarenessEntry>();
	private cancel: (() => void) | null = null;

	/** @param release applies entries the connection may now have relayed. */
	constructor(
		private readonly release: (entries: AwarenessEntry[]) => void,
		private readonly clock: ThrottleClock = realClock,
		private readonly perSecond = PRESENCE_UPDATES_PER_SECOND,
		private readonly burst = PRESENCE_BURST
	) {
		this.tokens = burst;
		this.last = clock.now();
	}

	/** Entries of one awareness update from the connection. */
	offer(entries: readonly AwarenessEntry[]): void {
		for (const entry of entries) {
			const seen = this.waiting.get(entry.clientId);
			if (!seen || entry.clock >= seen.clock) this.waiting.set(entry.clientId, entry);
		}
		if (!this.cancel) this.flush();
	}

	/** Forgets what waits (the connection closed). */
	stop(): void {
		this.cancel?.();
		this.cancel = null;
		this.waiting.clear();
	}

	private refill(): void {
		const now = this.clock.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
		this.last = now;
	}

	private flush(): void {
		this.cancel = null;
		if (this.waiting.size === 0) return;
		this.refill();
		if (this.tokens >= 1) {
			this.tokens -= 1;
			const entries = [...this.waiting.values()];
			this.waiting.clear();
			this.release(entries);
			return;
		}
		const wait = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
		this.cancel = this.clock.later(() => this.flush(), wait);
	}
}
