import { describe, expect, it } from 'vitest';
import { continuesVisit, previousVisitEnd, visitLength, VISIT_GAP_MS } from '../../src/lib/server/visits.js';

const T = 1_800_000_000_000;
const MIN = 60_000;

describe('what counts as one visit', () => {
	it('a first sign of someone starts a visit', () => {
		expect(continuesVisit(null, T)).toBe(false);
	});

	it('coming back within 30 minutes of the last sign carries on the same visit', () => {
		const latest = { startedAt: T, lastSeenAt: T + 10 * MIN };
		expect(continuesVisit(latest, T + 10 * MIN + 1)).toBe(true);
		expect(continuesVisit(latest, T + 10 * MIN + VISIT_GAP_MS)).toBe(true);
	});

	it('a longer silence starts a new visit', () => {
		const latest = { startedAt: T, lastSeenAt: T + 10 * MIN };
		expect(continuesVisit(latest, T + 10 * MIN + VISIT_GAP_MS + 1)).toBe(false);
	});

	it('the gap is counted from the last sign, not from the start', () => {
		const long = { startedAt: T, lastSeenAt: T + 5 * 60 * MIN };
		expect(continuesVisit(long, T + 5 * 60 * MIN + 20 * MIN)).toBe(true);
	});
});

describe('when the visit before this one ended', () => {
	const old = { startedAt: T, lastSeenAt: T + 20 * MIN };
	const current = { startedAt: T + 24 * 60 * MIN, lastSeenAt: T + 24 * 60 * MIN + 5 * MIN };

	it('is null on a first visit, touched or not', () => {
		expect(previousVisitEnd([], T)).toBeNull();
		expect(previousVisitEnd([{ startedAt: T, lastSeenAt: T }], T + MIN)).toBeNull();
	});

	it('is the end of the newest visit when it is over and the new one is not recorded yet', () => {
		expect(previousVisitEnd([old], current.startedAt)).toBe(old.lastSeenAt);
	});

	it('is the same once the current visit has been recorded', () => {
		expect(previousVisitEnd([current, old], current.lastSeenAt)).toBe(old.lastSeenAt);
	});

	it('does not move while the current visit goes on', () => {
		expect(previousVisitEnd([current, old], current.lastSeenAt + 25 * MIN)).toBe(old.lastSeenAt);
	});

	it('becomes the current visit once it is over', () => {
		expect(previousVisitEnd([current, old], current.lastSeenAt + VISIT_GAP_MS + 1)).toBe(current.lastSeenAt);
	});

	it('a visit lasts from its start to its last sign', () => {
		expect(visitLength(current)).toBe(5 * MIN);
		expect(visitLength({ startedAt: T, lastSeenAt: T - 1 })).toBe(0);
	});
});
