/**
 * The plan as stored, for copies that leave WhatMatters (print, FHIR, all my data). A copy is
 * read from storage, not from a room's memory: every change is stored before anyone sees it,
 * so the stored plan is everything anyone has been shown as saved, and nothing that could
 * still be lost. A change still on its way to storage is in the next copy.
 */
import type * as Y from 'yjs';
import { replayVersion } from '../../board/index.js';
import type { Storage } from '../storage.js';

export interface StoredPlan {
	doc: Y.Doc;
	/** The last stored update this copy includes (0 for a plan with none). */
	seq: number;
	/** When that update was stored and who sent it; null for a plan with no updates. */
	lastChange: { at: number; userId: string | null } | null;
}

/** Rebuilds the stored plan and says how far it goes. Call `doc.destroy()` when finished. */
export async function loadStoredPlan(storage: Storage, boardId: string): Promise<StoredPlan> {
	const stored = await storage.docs.load(boardId);
	const updates = stored.updates.map((data, i) => ({ seq: stored.snapshotSeq + i + 1, data }));
	const checkpoint = stored.snapshot ? { seq: stored.snapshotSeq, data: stored.snapshot } : null;
	const doc = replayVersion({ checkpoint, updates });
	const last = stored.lastSeq > 0 ? await storage.versions.update(boardId, stored.lastSeq) : null;
	return { doc, seq: stored.lastSeq, lastChange: last && { at: last.at, userId: last.userId } };
}
