/**
 * What counts as one visit to a plan, as pure rules the storage follows.
 *
 * A visit starts when a member opens the plan (a page of it, or its live connection) and
 * goes on while they keep coming back: any sign of them within VISIT_GAP_MS of the last one
 * belongs to the same visit, so reloads and reconnects never start a new one. A longer
 * silence ends the visit at its last sign of life.
 */

/** 30 minutes without a sign of someone ends their visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface VisitSpan {
	startedAt: number;
	lastSeenAt: number;
}

/** Does a sign of life at `now` carry on `latest` (the member's newest visit), or start a new visit? */
export function continuesVisit(latest: VisitSpan | null, now: number): boolean {
	return latest !== null && now - latest.lastSeenAt <= VISIT_GAP_MS;
}

/**
 * When the member's visit before the current one ended, from their two newest visits (newest
 * first). Gives the same answer whether or not the visit happening at `now` has been recorded
 * yet, so a page may ask before or after it is touched. Null when this is their first visit.
 */
export function previousVisitEnd(newestFirst: readonly VisitSpan[], now: number): number | null {
	const [latest, before] = newestFirst;
	if (!latest) return null;
	if (!continuesVisit(latest, now)) return latest.lastSeenAt;
	return before ? before.lastSeenAt : null;
}

/** How long a visit lasted, never less than nothing. */
export function visitLength(visit: VisitSpan): number {
	return Math.max(0, visit.lastSeenAt - visit.startedAt);
}

/** An open live connection renews its member's visit this often: well inside the gap. */
export const OPEN_CONNECTION_RENEW_MS = 5 * 60 * 1000;
