/**
 * One socket's event allowance: a token bucket (a steady rate plus a burst). Over it, events
 * are refused; the first refusal warns, and a socket that goes on regardless is closed.
 * Refusals are counted until the socket has been quiet long enough to fill its bucket again.
 * Each socket has its own bucket, so one flooding socket never slows the others.
 */
export type RateVerdict = 'allow' | 'warn' | 'refuse' | 'close';

export class EventAllowance {
	private tokens: number;
	private last: number;
	private refused = 0;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly refusedBeforeClose: number,
		private readonly now: () => number = Date.now
	) {
		this.tokens = burst;
		this.last = now();
	}

	/** Takes one event's token, or says what to do with a socket that has none left. */
	take(): RateVerdict {
		const at = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((at - this.last) / 1000) * this.perSecond);
		this.last = at;
		// Forgiven only once it has calmed down entirely: a flood that trickles a few events
		// through between refusals is still one flood, warned once.
		if (this.tokens >= this.burst) this.refused = 0;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 'allow';
		}
		this.refused += 1;
		if (this.refused >= this.refusedBeforeClose) return 'close';
		return this.refused === 1 ? 'warn' : 'refuse';
	}
}
