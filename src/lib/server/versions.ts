/**
 * Versions of a plan for pages: the document just after stored update `seq`, rebuilt from the
 * nearest checkpoint and the updates after it. Checkpoints the rebuild passes are kept on the
 * way, so the first look at an old version pays once and later looks are quick; nothing here
 * runs on the live sync path, and nothing is kept in memory after the page is answered.
 */
import type * as Y from 'yjs';
import { replayVersion } from '../board/index.js';
import type { Storage, VersionEntry } from './storage.js';

/** The largest sequence number a URL may name (anything longer is not a version). */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** A version number from a URL, or null if it is not a whole number from 1 up. */
export function parseSeq(raw: string | null | undefined): number | null {
	if (typeof raw !== 'string' || !/^[1-9][0-9]{0,15}$/.test(raw)) return null;
	const seq = Number(raw);
	return seq <= MAX_SEQ ? seq : null;
}

export interface PlanVersion {
	readonly entry: VersionEntry;
	/** The rebuilt document; call `done()` when finished with it. */
	readonly doc: Y.Doc;
	done(): void;
}

/** Rebuilds the board's document just after update `seq`, keeping any checkpoint passed. */
export async function rebuildAt(storage: Storage, boardId: string, seq: number, now = Date.now()): Promise<Y.Doc> {
	const source = await storage.versions.readFor(boardId, seq);
	const passed: { seq: number; state: Uint8Array }[] = [];
	const doc = replayVersion({ ...source, onCheckpoint: (at, state) => passed.push({ seq: at, state }) });
	for (const checkpoint of passed) await storage.versions.saveCheckpoint(boardId, checkpoint.seq, checkpoint.state, now);
	return doc;
}

/** The version just after update `seq` of this board, or null if this board has no such update. */
export async function loadVersion(storage: Storage, boardId: string, seq: number): Promise<PlanVersion | null> {
	const entry = await storage.versions.update(boardId, seq);
	if (!entry) return null;
	const doc = await rebuildAt(storage, boardId, seq);
	return { entry, doc, done: () => doc.destroy() };
}

/** The plan as stored now (everything accepted is stored before anyone sees it). */
export async function loadCurrent(storage: Storage, boardId: string): Promise<Y.Doc> {
	const stored = await storage.docs.load(boardId);
	const updates = stored.updates.map((data, i) => ({ seq: stored.snapshotSeq + i + 1, data }));
	const checkpoint = stored.snapshot ? { seq: stored.snapshotSeq, data: stored.snapshot } : null;
	return replayVersion({ checkpoint, updates });
}
