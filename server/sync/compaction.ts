/**
 * Compaction: a board's stored state rebuilt from storage (never from memory, which with several
 * instances may lag another's writes) and saved, so loading reads one state plus the updates
 * after it. The full update log is kept: compaction only makes loading faster.
 */
import * as Y from 'yjs';
import { keepDeletedAttribution } from '../../src/lib/board/index.js';
import type { Logger } from '../../src/lib/server/logger.js';
import type { Storage } from '../../src/lib/server/storage.js';

/** Rebuilds and saves the compacted state. @returns the saved state's size, or null if it failed. */
export async function compactBoard(boardId: string, storage: Storage, log: Logger): Promise<number | null> {
	try {
		const stored = await storage.docs.load(boardId);
		const doc = new Y.Doc({ gcFilter: keepDeletedAttribution });
		doc.transact(() => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(doc, update);
		});
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		await storage.docs.saveSnapshot(boardId, stored.lastSeq, state, Date.now());
		return state.length;
	} catch (error) {
		log.warn('Compacting a board failed', { board: boardId, error: (error as Error).message });
		return null;
	}
}
