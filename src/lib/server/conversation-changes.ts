/**
 * What changed in goals' and steps' status during a conversation, from the history: each item's
 * newest status since the conversation started, in the order they changed. The history knows the
 * status before, which the plan itself does not keep. "Since" is the update that started the
 * conversation, in the order the server stored updates, never a device's clock: a device whose
 * clock is off, or a change sent a moment late, is still on the right side of the start.
 */
import type { HistoryEntry } from '../board/history/types.js';
import type { Storage } from './storage.js';

/** Entries read, at most: a conversation changes a few dozen things, not thousands. */
const MOST = 500;
/** Sender id no one has: the history's "by others" query then reads everyone's entries. */
const NOBODY = '';

export interface StatusChange {
	section: 'goals' | 'steps';
	itemId: string;
	status: string;
}

/** The history entry that started a conversation, or null if the history has none (yet). */
async function startOf(storage: Storage, boardId: string, visitId: string): Promise<HistoryEntry | null> {
	let beforeId: number | undefined;
	for (;;) {
		const page = await storage.history.list(boardId, { limit: MOST, section: 'visits', ...(beforeId ? { beforeId } : {}) });
		const start = page.find((e) => e.itemId === visitId && (e.kind === 'added' || e.kind === 'restored'));
		if (start) return start;
		if (page.length < MOST) return null;
		beforeId = page.at(-1)!.id;
	}
}

/** @returns null when the history does not know the conversation. */
export async function statusChangesSince(storage: Storage, boardId: string, visitId: string): Promise<StatusChange[] | null> {
	const start = await startOf(storage, boardId, visitId);
	if (!start) return null;
	const entries = await storage.history.byOthersSince(boardId, NOBODY, start.firstAt - 1, MOST);
	const latest = new Map<string, StatusChange>();
	for (const entry of entries) {
		if ((entry.section !== 'goals' && entry.section !== 'steps') || entry.firstSeq < start.firstSeq) continue;
		if ((entry.kind !== 'field' && entry.kind !== 'done') || entry.detail.field !== 'status' || typeof entry.detail.to !== 'string') continue;
		latest.delete(entry.itemId);
		latest.set(entry.itemId, { section: entry.section, itemId: entry.itemId, status: entry.detail.to });
	}
	return [...latest.values()];
}
