/**
 * History as a request can have it now, without waiting on a long derivation. Entries are
 * derived in the background (after compaction), so the stored history is usually a few hundred
 * updates behind at most and a request catches up the rest itself. A plan whose history was
 * never read (stored before history existed, or imported) may be 100,000 updates behind: then
 * the request starts the catch-up in the background and reads only the newest changes, from the
 * newest stored state of the document near the end of the log (docs/history.md).
 */
import { HistoryDeriver, stateFromDocument, type HistoryEntry } from '../board/history/index.js';
import { catchUpHistory } from './history.js';
import type { Storage } from './storage.js';

/** Updates a request may derive while it waits (about 20 ms per 500). */
export const WAIT_MOST = 2_000;
/** How far back the newest changes are read from, when the history is far behind. */
const RECENT_BACK = 1_000;
/** Updates read for the newest changes, at most: checkpoints are at most about 1,500 apart. */
export const RECENT_MOST = 3_000;

export type HistoryNow =
	/** The stored entries are complete up to `upToSeq`. */
	| { complete: true; upToSeq: number }
	/**
	 * The stored entries are not: `entries` are the changes after update `fromSeq`, newest last,
	 * read from the document there; provisional, with ids of their own. `fromAt` is when the
	 * first update read was stored: changes made before it may be missing.
	 */
	| { complete: false; upToSeq: number; fromSeq: number; fromAt: number; entries: HistoryEntry[] };

/** How the catch-up is started when a request will not wait for it. */
export type StartCatchUp = (storage: Storage, boardId: string) => void;

/**
 * The complete stored history if it is at most WAIT_MOST updates behind (catching up on the
 * way), else the newest changes read on their own, while the whole catch-up carries on in the
 * background.
 */
export async function historyNow(storage: Storage, boardId: string, startCatchUp: StartCatchUp): Promise<HistoryNow> {
	const [done, last] = await Promise.all([storage.history.progressSeq(boardId), storage.versions.lastSeq(boardId)]);
	if (last - done <= WAIT_MOST) return { complete: true, upToSeq: await catchUpHistory(storage, boardId) };
	const near = await storage.history.startPoint(boardId, last - RECENT_BACK);
	const start = near && last - near.seq <= RECENT_MOST ? near : await storage.history.startPoint(boardId, last);
	// No stored state near the end (a log compaction never ran on): nothing to start from but
	// the beginning, so this request waits for the whole catch-up after all.
	if (!start || last - start.seq > RECENT_MOST) return { complete: true, upToSeq: await catchUpHistory(storage, boardId) };
	startCatchUp(storage, boardId);
	const updates = await storage.history.updatesAfter(boardId, start.seq, RECENT_MOST);
	const deriver = new HistoryDeriver(stateFromDocument(start.data, start.seq));
	for (const update of updates) deriver.apply(update);
	return { complete: false, upToSeq: deriver.seq, fromSeq: start.seq, fromAt: updates[0]?.at ?? Date.now(), entries: deriver.takeChanged() };
}
