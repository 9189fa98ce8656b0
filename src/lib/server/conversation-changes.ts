/**
 * What changed in goals' and steps' status during a conversation, from the history: each item's
 * newest status since the conversation started, in the order they changed. The history knows the
 * status before, which the plan itself does not keep.
 */
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

export async function statusChangesSince(storage: Storage, boardId: string, since: number): Promise<StatusChange[]> {
	const entries = await storage.history.byOthersSince(boardId, NOBODY, since - 1, MOST);
	const latest = new Map<string, StatusChange>();
	for (const entry of entries) {
		if ((entry.section !== 'goals' && entry.section !== 'steps') || entry.firstAt < since) continue;
		if ((entry.kind !== 'field' && entry.kind !== 'done') || entry.detail.field !== 'status' || typeof entry.detail.to !== 'string') continue;
		latest.delete(entry.itemId);
		latest.set(entry.itemId, { section: entry.section, itemId: entry.itemId, status: entry.detail.to });
	}
	return [...latest.values()];
}
