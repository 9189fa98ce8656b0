/**
 * Keeps a board's stored history entries up to date with its update log. Entries are derived
 * when someone asks for them, from where the last catch-up stopped, a batch at a time: the
 * event loop gets a turn between batches, so live editing on other boards is not held up.
 */
import { HistoryDeriver } from '../board/history/index.js';
import type { Storage } from './storage.js';

/**
 * Updates read per batch: small enough that one batch holds the event loop for only a few
 * milliseconds (about 20 ms measured), so live editing carries on during a long catch-up.
 */
export const CATCH_UP_BATCH = 500;

const running = new Map<string, Promise<number>>();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Derives entries for every stored update not yet read, stores them, and resolves with the
 * last update read. Calls for one board at once share one catch-up.
 */
export function catchUpHistory(storage: Storage, boardId: string, batch = CATCH_UP_BATCH): Promise<number> {
	const current = running.get(boardId);
	if (current) return current;
	const run = catchUp(storage, boardId, batch).finally(() => running.delete(boardId));
	running.set(boardId, run);
	return run;
}

async function catchUp(storage: Storage, boardId: string, batch: number): Promise<number> {
	let savedSeq = await storage.history.progressSeq(boardId);
	let updates = await storage.history.updatesAfter(boardId, savedSeq, batch);
	// Nothing new (the usual case): the saved state is not even read.
	if (updates.length === 0) return savedSeq;
	const deriver = new HistoryDeriver((await storage.history.progress(boardId)) ?? undefined);
	if (deriver.seq !== savedSeq) return deriver.seq;
	for (;;) {
		for (const update of updates) deriver.apply(update);
		// Another process may have caught up meanwhile: its entries stand, and ours are dropped.
		if (!(await storage.history.save(boardId, savedSeq, deriver.takeChanged(), deriver.state()))) return savedSeq;
		savedSeq = deriver.seq;
		if (updates.length < batch) return savedSeq;
		await nextTurn();
		updates = await storage.history.updatesAfter(boardId, deriver.seq, batch);
		if (updates.length === 0) return savedSeq;
	}
}
