import { describe, expect, it } from 'vitest';
import { durationWords, exactWords, machineTime, whenWords } from '../../src/lib/time/time-words.js';

const MIN = 60_000;
// Thursday 12 March 2026, 14:05 in London (GMT, before the clocks change).
const NOW = Date.UTC(2026, 2, 12, 14, 5);
const london = { now: NOW, timeZone: 'Europe/London' };

describe('when something happened, in words', () => {
	it('says "just now" for the last minute, and for a clock a little ahead', () => {
		expect(whenWords(NOW - 30_000, london)).toBe('just now');
		expect(whenWords(NOW + 2 * MIN, london)).toBe('just now');
	});

	it('counts minutes within the hour', () => {
		expect(whenWords(NOW - MIN, london)).toBe('1 minute ago');
		expect(whenWords(NOW - 59 * MIN, london)).toBe('59 minutes ago');
	});

	it('says today or yesterday with the time', () => {
		expect(whenWords(Date.UTC(2026, 2, 12, 9, 30), london)).toBe('today at 09:30');
		expect(whenWords(Date.UTC(2026, 2, 11, 23, 50), london)).toBe('yesterday at 23:50');
	});

	it('counts days within the week, then gives the date, with the year only when it is another year', () => {
		expect(whenWords(Date.UTC(2026, 2, 9, 8, 0), london)).toBe('3 days ago');
		expect(whenWords(Date.UTC(2026, 0, 2, 8, 0), london)).toBe('on 2 January');
		expect(whenWords(Date.UTC(2025, 11, 30, 8, 0), london)).toBe('on 30 December 2025');
	});

	it("uses the reader's time zone for the day and the time", () => {
		// 23:30 in London on the 11th is already the 12th in Tokyo.
		const late = Date.UTC(2026, 2, 11, 23, 30);
		expect(whenWords(late, { now: NOW, timeZone: 'Asia/Tokyo' })).toBe('today at 08:30');
		expect(whenWords(late, london)).toBe('yesterday at 23:30');
		expect(whenWords(Date.UTC(2026, 2, 12, 13, 0), { now: NOW, timeZone: 'America/New_York' })).toBe('today at 09:00');
	});

	it('a time well in the future is given as a date, not as "ago"', () => {
		expect(whenWords(NOW + 3 * 24 * 60 * MIN, london)).toBe('on 15 March 2026');
	});
});

describe('exact times and lengths', () => {
	it('gives the exact moment in the reader\'s zone, and a machine-readable one', () => {
		expect(exactWords(NOW, 'Europe/London')).toBe('Thursday, 12 March 2026 at 14:05');
		expect(exactWords(NOW, 'Asia/Tokyo')).toBe('Thursday, 12 March 2026 at 23:05');
		expect(machineTime(NOW)).toBe('2026-03-12T14:05:00.000Z');
	});

	it('says how long in minutes and hours', () => {
		expect(durationWords(20_000)).toBe('less than a minute');
		expect(durationWords(MIN)).toBe('1 minute');
		expect(durationWords(25 * MIN)).toBe('25 minutes');
		expect(durationWords(120 * MIN)).toBe('2 hours');
		expect(durationWords(125 * MIN)).toBe('2 hours 5 minutes');
	});
});
