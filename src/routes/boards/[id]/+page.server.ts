import { requireBoard } from '$lib/server/kit/guards';
import { decide } from '$lib/server/permissions';
import { services } from '$lib/server/services';
import { sinceLastVisit } from '$lib/server/since-last-visit';
import { boardPlanForPage } from '$lib/server/board-first-paint';
import type { PageServerLoad } from './$types';

/**
 * The board page's members, to name authors and step owners. Access was checked by the
 * layout; the guard runs again because a page load must not rely on its parent's order.
 * Someone who may not see who is on the plan (a supporter) gets only the person and
 * themselves, so the board does not become a back door to the member list. The stored plan
 * comes too: its words can be read before the script has loaded, and the board starts from it.
 */
export const load: PageServerLoad = async (event) => {
	const { board, membership } = await requireBoard(event, 'view');
	const all = await services().storage.members.list(board.id);
	const complete = decide(board, membership, 'viewPeople').ok;
	const shown = complete ? all : all.filter((m) => m.role === 'person' || m.userId === membership.userId);
	const since = await sinceLastVisit(services().storage, board, membership, Date.now(), { log: services().log });
	// Only with a whole page: a data request is a navigation or a reload of my rights (after
	// every reconnect) by a page whose script is running, and the socket brings the plan then.
	const planState = event.isDataRequest ? null : await boardPlanForPage(services().storage, board.id);
	return {
		members: shown.map(({ userId, name, role }) => ({ id: userId, name, role })),
		membersComplete: complete,
		planState,
		since: since && {
			since: since.since,
			upToSeq: since.upToSeq,
			lines: since.lines,
			more: since.more,
			items: since.items.map(({ itemId, mark, text }) => ({ itemId, mark, text }))
		}
	};
};
