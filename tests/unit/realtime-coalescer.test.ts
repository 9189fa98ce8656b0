/** One notice per key per period: the first at once, the rest merged into one at the period's end. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Coalescer } from '../../server/realtime/coalescer.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('sends the first at once, merges the rest into one at the end of the period, per key', () => {
	const sent: [string, number[]][] = [];
	const coalescer = new Coalescer<number[]>(60_000, (a, b) => [...a, ...b], (key, value) => sent.push([key, value]), () => Date.now());
	coalescer.push('pat', [1]);
	coalescer.push('pat', [2]);
	coalescer.push('pat', [3]);
	coalescer.push('sam', [9]);
	expect(sent).toEqual([
		['pat', [1]],
		['sam', [9]]
	]);
	vi.advanceTimersByTime(59_999);
	expect(sent).toHaveLength(2);
	vi.advanceTimersByTime(1);
	expect(sent).toEqual([
		['pat', [1]],
		['sam', [9]],
		['pat', [2, 3]]
	]);
	// A full period after the last one, the next goes at once again.
	vi.advanceTimersByTime(60_000);
	coalescer.push('pat', [4]);
	expect(sent.at(-1)).toEqual(['pat', [4]]);
	coalescer.close();
});

it('sends nothing left waiting once closed', () => {
	const sent: number[] = [];
	const coalescer = new Coalescer<number>(1_000, (_a, b) => b, (_key, value) => sent.push(value), () => Date.now());
	coalescer.push('k', 1);
	coalescer.push('k', 2);
	coalescer.close();
	vi.advanceTimersByTime(5_000);
	expect(sent).toEqual([1]);
});
