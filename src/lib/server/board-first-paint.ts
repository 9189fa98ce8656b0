/**
 * The plan for the board page as the server sends it (src/lib/first-paint.ts says what the
 * page does with it). Read from storage, as copies are (export/stored-plan.ts): only what has
 * been stored, which is what anyone has been shown as saved. The sync socket gives the same
 * member the same plan, so the page shows nothing its sync would not.
 */
import { planForPage } from '../first-paint.js';
import { loadStoredPlan } from './export/stored-plan.js';
import type { Storage } from './storage.js';

export async function boardPlanForPage(storage: Storage, boardId: string): Promise<string> {
	const { doc } = await loadStoredPlan(storage, boardId);
	try {
		return planForPage(doc);
	} finally {
		doc.destroy();
	}
}
