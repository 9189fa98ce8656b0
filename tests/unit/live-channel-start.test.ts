/** The live channel waits for a board to be live, never longer than the cap, and not at all elsewhere. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_CAP_MS, holdLiveChannel, whenLiveChannelMayStart } from '../../src/lib/client/live-channel-start.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Whether the promise has settled after the timers due within `ms` ran. */
async function settledWithin(promise: Promise<void>, ms: number): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await vi.advanceTimersByTimeAsync(ms);
	return done;
}

describe('when the live channel may start', () => {
	it('starts at once on a page that holds nothing back', async () => {
		expect(await settledWithin(whenLiveChannelMayStart(), 1)).toBe(true);
	});

	it('waits for a board taken on screen in the same turn until it is live', async () => {
		const started = whenLiveChannelMayStart();
		const release = holdLiveChannel();
		expect(await settledWithin(started, HOLD_CAP_MS / 2)).toBe(false);
		release();
		expect(await settledWithin(started, 1)).toBe(true);
	});

	it('starts after the cap when the board never gets live, and a late release changes nothing', async () => {
		const release = holdLiveChannel();
		const started = whenLiveChannelMayStart();
		expect(await settledWithin(started, HOLD_CAP_MS - 10)).toBe(false);
		expect(await settledWithin(started, 20)).toBe(true);
		release();
		const release2 = holdLiveChannel();
		expect(await settledWithin(whenLiveChannelMayStart(), 10)).toBe(false);
		release2();
	});

	it('waits for every hold', async () => {
		const first = holdLiveChannel();
		const second = holdLiveChannel();
		const started = whenLiveChannelMayStart();
		first();
		first();
		expect(await settledWithin(started, 10)).toBe(false);
		second();
		expect(await settledWithin(started, 1)).toBe(true);
	});
});
