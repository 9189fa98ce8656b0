/**
 * The plan's words for the board page as the server sends it, so someone on a slow connection
 * can read their plan before the script has loaded. The live board replaces them as soon as it
 * has the plan itself (from this device's copy or the server). Read from storage, as copies are
 * (export/stored-plan.ts): only what has been stored, which is what anyone has been shown as saved.
 */
import { agendaOf, BOARD_SECTION_KEYS, currentVisit, listItems, type ItemView } from '../board/index.js';
import type { BoardFirstPaint } from '../first-paint.js';
import { loadStoredPlan } from './export/stored-plan.js';
import type { Storage } from './storage.js';

export async function boardFirstPaint(storage: Storage, boardId: string): Promise<BoardFirstPaint> {
	const { doc } = await loadStoredPlan(storage, boardId);
	try {
		const visits = listItems(doc, 'visits');
		const shown: BoardFirstPaint = {};
		for (const key of BOARD_SECTION_KEYS) {
			const all = listItems(doc, key);
			const items = key === 'today' ? agendaOf(all as ItemView<'today'>[], currentVisit(visits)?.id ?? null, visits) : all;
			if (items.length > 0) shown[key] = items.map((item) => ({ id: item.id, text: item.text }));
		}
		return shown;
	} finally {
		doc.destroy();
	}
}
