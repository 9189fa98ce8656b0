/**
 * "Since your last visit": what others changed on a plan since I was last there and I have
 * not yet seen. When my last visit ended comes from the visit records; which changes I have
 * seen from the history's seen marks (an item is seen when I have been in it, or when I mark
 * everything seen).
 */
import { summarizeChanges, type ChangeSummary } from '../board/history/index.js';
import { catchUpInBackground } from './history.js';
import { historyNow, type StartCatchUp } from './history-now.js';
import { historyNames } from './history-names.js';
import type { Logger } from './logger.js';
import type { BoardRecord, MembershipRecord, Storage } from './storage.js';

/** Changes read for one summary, at most: a summary is a few lines, not the whole history. */
export const MOST = 500;

export interface SinceLastVisit extends ChangeSummary {
	/** When my last visit ended. */
	since: number;
	/** The last update the summary read: marking seen goes up to here, never past it. */
	upToSeq: number;
	/**
	 * Others changed more than the summary counts: more than MOST changes, or the history was
	 * still being gathered and reached back only part of the way. The summary says so.
	 */
	more: boolean;
}

/** The summary for this member now, or null on a first visit or when there is nothing new. */
export async function sinceLastVisit(
	storage: Storage,
	board: BoardRecord,
	member: MembershipRecord,
	now: number,
	options: { log: Logger; startCatchUp?: StartCatchUp }
): Promise<SinceLastVisit | null> {
	const since = await storage.visits.previousVisitEnd(board.id, member.userId, now);
	if (since === null) return null;
	const history = await historyNow(storage, board.id, options.startCatchUp ?? catchUpInBackground(options.log));
	const [found, seen] = await Promise.all([
		history.complete
			? storage.history.byOthersSince(board.id, member.userId, since, MOST + 1)
			: history.entries.filter((e) => e.senderId !== null && e.senderId !== member.userId && e.lastAt > since),
		storage.history.seen(board.id, member.userId)
	]);
	// One more than MOST is read only to know whether there were more.
	const more = found.length > MOST || (!history.complete && history.fromAt > since);
	const unseen = found.slice(0, MOST).filter((e) => e.lastSeq > Math.max(seen.all, seen.items.get(e.itemId) ?? 0));
	if (unseen.length === 0 && !more) return null;
	const names = await historyNames(storage, board, member, unseen.map((e) => e.senderId));
	return { since, upToSeq: history.upToSeq, more, ...summarizeChanges(unseen, names.nameOf) };
}

/** For the plan list: when my last visit to each plan I have visited ended (or is going on). */
export async function lastVisitTimes(storage: Storage, userId: string): Promise<Map<string, number>> {
	return new Map((await storage.visits.lastVisits(userId)).map((v) => [v.boardId, v.lastSeenAt]));
}
