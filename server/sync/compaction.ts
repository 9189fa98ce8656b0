/**
 * Compaction: a board's stored state rebuilt from storage (never from memory, which with several
 * instances may lag another's writes) and saved, so loading reads one state plus the updates
 * after it. The full update log is kept: compaction only makes loading faster.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { CHECKPOINT_EVERY, keepDeletedAttribution } from '../../src/lib/board/index.js';
import type { Logger } from '../../src/lib/server/logger.js';
import type { Storage } from '../../src/lib/server/storage.js';

/** Stored updates applied per turn of the event loop while rebuilding. */
const UPDATES_PER_TURN = 50;

/** Rebuilds and saves the compacted state. @returns the saved state's size, or null if it failed. */
export async function compactBoard(boardId: string, storage: Storage, log: Logger): Promise<number | null> {
	try {
		const stored = await storage.docs.load(boardId);
		const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		// In short stretches, with a turn of the event loop between them: a busy plan's edits are
		// relayed meanwhile (with SQLite every step here is synchronous, so nothing else yields).
		await nextTurn();
		if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
		for (let from = 0; from < stored.updates.length; from += UPDATES_PER_TURN) {
			await nextTurn();
			doc.transact(() => {
				for (const update of stored.updates.slice(from, from + UPDATES_PER_TURN)) Y.applyUpdate(doc, update);
			});
		}
		await nextTurn();
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		await nextTurn();
		const now = Date.now();
		await storage.docs.saveSnapshot(boardId, stored.lastSeq, state, now);
		// The same state, kept as a version checkpoint about every CHECKPOINT_EVERY updates: no
		// extra work, and rebuilding a version never has far to replay (docs/history.md).
		if (Math.floor(stored.lastSeq / CHECKPOINT_EVERY) > Math.floor(stored.snapshotSeq / CHECKPOINT_EVERY)) {
			await storage.versions.saveCheckpoint(boardId, stored.lastSeq, state, now);
		}
		return state.length;
	} catch (error) {
		log.warn('Compacting a board failed', { board: boardId, error: (error as Error).message });
		return null;
	}
}
