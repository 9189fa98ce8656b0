import { error, json } from '@sveltejs/kit';
import { catchUpHistory } from '$lib/server/history';
import { requireBoard } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import { statusChangesSince } from '$lib/server/conversation-changes';
import type { RequestHandler } from './$types';

const TIME = /^[0-9]{1,15}$/;

/**
 * How goals and steps changed since a conversation started (`since`, epoch ms), for "What we
 * agreed": read from the plan's history, which knows what each status was before. Only people who
 * may change the plan end a conversation, so only they may ask.
 */
export const GET: RequestHandler = async (event) => {
	const { board } = await requireBoard(event, 'edit');
	const since = event.url.searchParams.get('since') ?? '';
	if (!TIME.test(since)) error(400, 'We could not tell when the conversation started.');
	const storage = services().storage;
	await catchUpHistory(storage, board.id);
	return json({ changes: await statusChangesSince(storage, board.id, Number(since)) });
};
