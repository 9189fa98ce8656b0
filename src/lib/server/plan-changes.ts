/**
 * For the plan list: when each plan last changed and by whom, and whether someone else has
 * changed it since my last visit.
 */
import type { BoardSummary, Storage } from './storage.js';
import { lastVisitTimes } from './since-last-visit.js';

export interface PlanChangeView {
	lastAt: number | null;
	/** Who made the last change; null when I may not see who is on the plan, or nobody is known. */
	lastBy: string | null;
	/** Someone else changed it after my last visit (or I have never opened it). */
	isNew: boolean;
}

export async function planChangeViews(storage: Storage, userId: string, plans: BoardSummary[]): Promise<Map<string, PlanChangeView>> {
	const [changes, visits] = await Promise.all([
		storage.history.planChanges(plans.map((p) => p.id), userId),
		lastVisitTimes(storage, userId)
	]);
	const names = new Map<string, string | null>();
	const nameOf = async (id: string) => {
		if (!names.has(id)) names.set(id, (await storage.users.byId(id))?.name ?? null);
		return names.get(id) ?? null;
	};
	const views = new Map<string, PlanChangeView>();
	for (const change of changes) {
		const plan = plans.find((p) => p.id === change.boardId)!;
		// A supporter does not see who is on a plan: only "by me" is said to them.
		const mayName = change.lastBy !== null && (plan.role !== 'supporter' || change.lastBy === userId);
		const lastVisit = visits.get(change.boardId);
		views.set(change.boardId, {
			lastAt: change.lastAt,
			lastBy: mayName ? (change.lastBy === userId ? 'you' : await nameOf(change.lastBy!)) : null,
			isNew: change.othersLastAt !== null && (lastVisit === undefined || change.othersLastAt > lastVisit)
		});
	}
	return views;
}
