import { error, json } from '@sveltejs/kit';
import { catchUpHistory } from '$lib/server/history';
import { requireBoard } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import { statusChangesSince } from '$lib/server/conversation-changes';
import { CONVERSATION_ANSWERS } from '$lib/copy/conversation';
import type { RequestHandler } from './$types';

const ITEM_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * How goals and steps changed since a conversation (`visit`, its id) started, for "What we
 * agreed": read from the plan's history, which knows what each status was before. Only people who
 * may change the plan end a conversation, so only they may ask.
 */
export const GET: RequestHandler = async (event) => {
	const { board } = await requireBoard(event, 'edit');
	const visit = event.url.searchParams.get('visit') ?? '';
	if (!ITEM_ID.test(visit)) error(400, CONVERSATION_ANSWERS.whichConversation);
	const storage = services().storage;
	await catchUpHistory(storage, board.id);
	const changes = await statusChangesSince(storage, board.id, visit);
	if (!changes) error(404, CONVERSATION_ANSWERS.notKnown);
	return json({ changes });
};
