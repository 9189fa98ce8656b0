import { error, redirect } from '@sveltejs/kit';
import { requireBoard } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

const SEQ = /^[1-9][0-9]{0,14}$/;
const ITEM_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** Items marked at once, at most: a section holds a few hundred. */
const MOST_ITEMS = 1000;

/**
 * Marks changes as seen by me: some items (`itemId`, repeated) or everything (`all`), up to the
 * update the summary was made at (`upTo`), so a change made since is still shown. From the
 * board's script it answers 204; as a plain form it goes back to the plan.
 */
export const POST: RequestHandler = async (event) => {
	const { board, user } = await requireBoard(event, 'view');
	const form = await event.request.formData().catch(() => error(400, 'We could not read what was sent.'));
	const upTo = String(form.get('upTo') ?? '');
	const itemIds = form.getAll('itemId').map(String);
	const all = form.get('all') === '1';
	if (!SEQ.test(upTo)) error(400, 'We could not tell which changes you have seen.');
	if (!all && (itemIds.length === 0 || itemIds.length > MOST_ITEMS || !itemIds.every((id) => ITEM_ID.test(id))))
		error(400, 'We could not tell which items you have seen.');
	const storage = services().storage;
	// Never past what is stored. The history need not be caught up: the summary may have been
	// read from the newest changes alone while it was still being gathered.
	const seq = Math.min(Number(upTo), await storage.versions.lastSeq(board.id));
	await storage.history.markSeen(board.id, user.id, all ? null : itemIds, seq);
	if (event.request.headers.get('accept')?.includes('application/json')) return new Response(null, { status: 204 });
	redirect(303, `/boards/${board.id}`);
};
