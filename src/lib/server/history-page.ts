/**
 * One page of the history, newest first: from the stored entries when they are complete, else
 * from the newest changes read on their own while the rest is gathered (history-now.ts).
 */
import type { HistoryEntry } from '../board/history/index.js';
import type { HistoryFilter } from './history-query.js';
import { historyNow, type StartCatchUp } from './history-now.js';
import type { Storage } from './storage.js';

export interface HistoryPage {
	/** Up to `size + 1` entries: one more than a page says there is an older page. */
	rows: HistoryEntry[];
	/** Everyone who has made an entry, for the filter. */
	senders: string[];
	/** False while older entries are still being gathered: there is no older page yet. */
	complete: boolean;
}

export async function historyPage(storage: Storage, boardId: string, filter: HistoryFilter, size: number, startCatchUp: StartCatchUp): Promise<HistoryPage> {
	const history = await historyNow(storage, boardId, startCatchUp);
	if (history.complete) {
		const [rows, senders] = await Promise.all([
			storage.history.list(boardId, { limit: size + 1, beforeId: filter.before ?? undefined, senderId: filter.who ?? undefined, section: filter.section ?? undefined }),
			storage.history.senders(boardId)
		]);
		return { rows, senders, complete: true };
	}
	// Provisional ids do not page: the newest page only, whatever `before` says.
	const rows = history.entries.filter((e) => (!filter.who || e.senderId === filter.who) && (!filter.section || e.section === filter.section));
	const stored = await storage.history.senders(boardId);
	const senders = new Set([...stored, ...history.entries.flatMap((e) => (e.senderId ? [e.senderId] : []))]);
	return { rows: rows.reverse().slice(0, size), senders: [...senders], complete: false };
}
