import { error } from '@sveltejs/kit';
import { requireBoard } from '$lib/server/kit/guards';
import { ACCESS_LOG_PAGE_SIZE, describeAccessEntry, formatCursor, parseCursor } from '$lib/server/access-log';
import { decide } from '$lib/server/permissions';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** The person's access log: who has looked at the plan, and who was let in or out. Newest first. */
export const load: PageServerLoad = async (event) => {
	const { board, user, membership } = await requireBoard(event, 'viewAccessLog');
	const before = parseCursor(event.url.searchParams.get('before'));
	if (!before.ok) error(400, 'We could not find that page of the list. Start again from the newest entries.');
	const rows = await services().storage.accessLog.list(board.id, { limit: ACCESS_LOG_PAGE_SIZE + 1, before: before.cursor });
	const shown = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
	const last = shown[shown.length - 1];
	return {
		lines: shown.map((entry) => describeAccessEntry(entry, user.id)),
		olderHref: rows.length > ACCESS_LOG_PAGE_SIZE && last ? `?before=${formatCursor(last)}` : null,
		isFirstPage: before.cursor === undefined,
		mayDownload: decide(board, membership, 'exportData').ok
	};
};
