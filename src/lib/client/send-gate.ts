/**
 * At most one send per `gapMs`: the first change goes at once, changes during the gap are
 * gathered and the newest goes when it ends. Presence uses it to tell the others where I am
 * at most about ten times a second (the server holds back anything faster, too).
 */
export interface GateClock {
	now(): number;
	/** Runs `run` after `ms`; returns a function that cancels it. */
	later(run: () => void, ms: number): () => void;
}

const realClock: GateClock = {
	now: () => performance.now(),
	later: (run, ms) => {
		const timer = setTimeout(run, ms);
		return () => clearTimeout(timer);
	}
};

/** The gap presence keeps between two sends: ten a second. */
export const PRESENCE_GAP_MS = 100;

export class SendGate {
	#last = -Infinity;
	#cancel: (() => void) | null = null;

	/** @param send sends whatever is newest when called. */
	constructor(
		private readonly send: () => void,
		private readonly gapMs = PRESENCE_GAP_MS,
		private readonly clock: GateClock = realClock
	) {}

	/** Something changed: send now, or when the gap ends. */
	changed(): void {
		if (this.#cancel) return;
		const wait = this.#last + this.gapMs - this.clock.now();
		if (wait <= 0) this.#fire();
		else this.#cancel = this.clock.later(() => this.#fire(), wait);
	}

	#fire(): void {
		this.#cancel = null;
		this.#last = this.clock.now();
		this.send();
	}

	stop(): void {
		this.#cancel?.();
		this.#cancel = null;
	}
}
