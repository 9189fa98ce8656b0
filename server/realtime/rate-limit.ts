/**
 * One socket's event allowance: a token bucket (a steady rate plus a burst). Over it, events
 * are refused; the first refusal warns, and a socket that goes on regardless is closed.
 * Each socket has its own bucket, so one flooding socket never slows the others.
 */
export type RateVerdict = 'allow' | 'warn' | 'refuse' | 'close';

export class EventAllowance {
	private tokens: number;
	private last: number;
	private refusedInARow = 0;

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
		if (this.tokens >= 1) {
			this.tokens -= 1;
			this.refusedInARow = 0;
			return 'allow';
		}
		this.refusedInARow += 1;
		if (this.refusedInARow >= this.refusedBeforeClose) return 'close';
		return this.refusedInARow === 1 ? 'warn' : 'refuse';
	}
}
