/**
 * The presence throttles, on a clock the test turns by hand: the client's send gate and the
 * server's per-connection throttle. Pure rules; no timing is measured.
 */
import { describe, expect, it } from 'vitest';
import { PresenceThrottle, PRESENCE_BURST } from '../../server/sync/presence-throttle.js';
import type { AwarenessEntry } from '../../server/sync/messages.js';
import { SendGate } from '../../src/lib/client/send-gate.js';

/** A clock whose time moves only when told, running what falls due. */
function handClock() {
	let now = 0;
	let timers: { at: number; run: () => void }[] = [];
	return {
		now: () => now,
		later(run: () => void, ms: number) {
			const timer = { at: now + ms, run };
			timers.push(timer);
			return () => (timers = timers.filter((t) => t !== timer));
		},
		advance(ms: number) {
			const end = now + ms;
			for (;;) {
				const due = timers.filter((t) => t.at <= end).sort((x, y) => x.at - y.at)[0];
				if (!due) break;
				timers = timers.filter((t) => t !== due);
				now = due.at;
				due.run();
			}
			now = end;
		}
	};
}

describe('the client sends presence at most ten times a second', () => {
	it('sends the first change at once and gathers the rest into one send per gap', () => {
		const clock = handClock();
		let sends = 0;
		const gate = new SendGate(() => sends++, 100, clock);
		gate.changed();
		expect(sends).toBe(1);
		// 50 changes over one second, e.g. a caret moving on every key.
		for (let i = 0; i < 50; i++) {
			clock.advance(20);
			gate.changed();
		}
		clock.advance(200);
		expect(sends).toBeGreaterThanOrEqual(10);
		expect(sends).toBeLessThanOrEqual(12);
	});

	it('never loses the last change', () => {
		const clock = handClock();
		let value = 0;
		let sent = -1;
		const gate = new SendGate(() => (sent = value), 100, clock);
		for (value = 1; value <= 5; value++) gate.changed();
		value = 5;
		clock.advance(100);
		expect(sent).toBe(5);
	});
});

describe('the server relays a connection’s presence at most about ten times a second', () => {
	const entry = (clientId: number, clock: number): AwarenessEntry => ({ clientId, clock, state: { n: clock } });

	it('lets a burst through, then holds the rest and relays only the newest state of each window', () => {
		const clock = handClock();
		const released: AwarenessEntry[][] = [];
		const throttle = new PresenceThrottle((entries) => released.push(entries), clock, 10, PRESENCE_BURST);
		// 10,000 updates in one second from a client that ignores its own throttle.
		for (let i = 1; i <= 10_000; i++) {
			throttle.offer([entry(7, i)]);
			if (i % 10 === 0) clock.advance(1);
		}
		clock.advance(1000);
		// The burst, ten a second for the two seconds, and nothing lost at the end.
		expect(released.length).toBeLessThanOrEqual(PRESENCE_BURST + 21);
		expect(released.at(-1)).toEqual([entry(7, 10_000)]);
	});

	it('keeps the newest entry of each window, and an older clock never replaces a newer', () => {
		const clock = handClock();
		const released: AwarenessEntry[][] = [];
		const throttle = new PresenceThrottle((entries) => released.push(entries), clock, 10, 1);
		throttle.offer([entry(1, 1)]);
		throttle.offer([entry(1, 3), entry(2, 1)]);
		throttle.offer([entry(1, 2)]);
		clock.advance(100);
		expect(released).toEqual([[entry(1, 1)], [entry(1, 3), entry(2, 1)]]);
	});

	it('forgets what waits once stopped', () => {
		const clock = handClock();
		const released: AwarenessEntry[][] = [];
		const throttle = new PresenceThrottle((entries) => released.push(entries), clock, 10, 1);
		throttle.offer([entry(1, 1)]);
		throttle.offer([entry(1, 2)]);
		throttle.stop();
		clock.advance(1000);
		expect(released).toEqual([[entry(1, 1)]]);
	});
});
