/**
 * Keeps a board's stored history entries up to date with its update log, from where the last
 * catch-up stopped, a batch at a time: the event loop gets turns between batches (and, in the
 * background, within them), so live editing is not held up. It runs in the background after each compaction (so the stored
 * history stays a few hundred updates behind at most), and when someone asks for entries.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { HistoryDeriver } from '../board/history/index.js';
import type { Logger } from './logger.js';
import type { Storage } from './storage.js';

/**
 * Updates read and saved per batch: small enough that one batch holds the event loop for only a
 * few milliseconds (about 20 ms measured), so live editing carries on during a long catch-up.
 */
export const CATCH_UP_BATCH = 500;
/**
 * Updates read per turn of the event loop when nobody is waiting: about a millisecond at a time
 * on a busy plan, so an edit arriving meanwhile is relayed with hardly any delay. A batch is still saved
 * once: saving writes the whole derivation state, which grows with the plan (about 10 ms for a
 * busy plan of a few thousand updates, measured), so saving after every few updates held live
 * edits up more than reading them did.
 */
export const BACKGROUND_PER_TURN = 5;

const running = new Map<string, Promise<number>>();
/** Set while the process stops: catch-ups end at their next turn, saving nothing more. */
let stopping = false;

/**
 * Derives entries for every stored update not yet read, stores them, and resolves with the
 * last update read. Calls for one board at once share one catch-up. `batch` updates are read
 * and saved at a time, `perTurn` of them between two turns of the event loop.
 */
export function catchUpHistory(storage: Storage, boardId: string, batch = CATCH_UP_BATCH, perTurn = batch): Promise<number> {
	const current = running.get(boardId);
	if (current) return current;
	const run = catchUp(storage, boardId, batch, perTurn).finally(() => running.delete(boardId));
	running.set(boardId, run);
	return run;
}

/** Ends every catch-up at its next turn (what each has saved stays) and waits for them: before storage closes. */
export async function stopHistoryCatchUps(): Promise<void> {
	stopping = true;
	await Promise.allSettled(running.values());
}

async function catchUp(storage: Storage, boardId: string, batch: number, perTurn: number): Promise<number> {
	let savedSeq = await storage.history.progressSeq(boardId);
	let updates = await storage.history.updatesAfter(boardId, savedSeq, batch);
	// Nothing new (the usual case): the saved state is not even read.
	if (updates.length === 0) return savedSeq;
	const deriver = new HistoryDeriver((await storage.history.progress(boardId)) ?? undefined);
	if (deriver.seq !== savedSeq) return deriver.seq;
	for (;;) {
		for (let from = 0; from < updates.length; ) {
			const to = from + perTurn;
			for (const update of updates.slice(from, to)) deriver.apply(update);
			from = to;
			if (from < updates.length) await nextTurn();
			if (stopping) return savedSeq;
		}
		const entries = deriver.takeChanged();
		const state = deriver.state();
		// Encoding the state and writing it are each a few milliseconds on a busy plan: not in one turn.
		if (perTurn < batch) await nextTurn();
		if (stopping) return savedSeq;
		// Another process may have caught up meanwhile: its entries stand, and ours are dropped.
		if (!(await storage.history.save(boardId, savedSeq, entries, state))) return savedSeq;
		savedSeq = deriver.seq;
		if (updates.length < batch) return savedSeq;
		await nextTurn();
		if (stopping) return savedSeq;
		updates = await storage.history.updatesAfter(boardId, deriver.seq, batch);
		if (updates.length === 0) return savedSeq;
	}
}

/**
 * Starts a catch-up nobody waits for. Safe on several instances at once: each batch is saved
 * only if nobody else saved since (`storage.history.save`), and the loser stops.
 */
export function catchUpInBackground(log: Logger): (storage: Storage, boardId: string) => void {
	return (storage, boardId) => {
		catchUpHistory(storage, boardId, CATCH_UP_BATCH, BACKGROUND_PER_TURN).catch((error) =>
			log.warn('Deriving history entries failed; the next request tries again', { board: boardId, error: (error as Error).message })
		);
	};
}
