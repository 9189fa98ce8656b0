/**
 * What every copy of a plan goes through on its way out: the permission for it, the copy made
 * from the plan as stored, and its row in the access log, written before anything is sent. A
 * copy whose row cannot be written is not sent (503). A HEAD request sends nothing, so it is
 * not logged.
 */
import { error, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { CopyNotLoggedError, logCopy, NOT_LOGGED_MESSAGE, NOT_MADE_MESSAGE, type CopyFormat } from '../export/copy-log.js';
import type { BoardAccess, BoardAction } from '../permissions.js';
import { services } from '../services.js';
import type { SessionUser } from '../auth/sessions.js';
import { requireBoard } from './guards.js';

export type CopyAccess = BoardAccess & { user: SessionUser };

/** Checks `action`, makes the copy, logs it, and returns it. */
export async function makeCopy<T>(event: RequestEvent, action: BoardAction, format: CopyFormat, make: (access: CopyAccess) => Promise<T>): Promise<{ copy: T; access: CopyAccess }> {
	const access = await requireBoard(event, action);
	const { log, storage } = services();
	let copy: T;
	try {
		copy = await make(access);
	} catch (problem) {
		if (isHttpError(problem) || isRedirect(problem)) throw problem;
		// Reading the plan failed (storage busy or down): say so rather than show a server error.
		log.error('Making a copy of a plan failed', { board: access.board.id, format, error: String(problem) });
		error(503, NOT_MADE_MESSAGE);
	}
	if (event.request.method !== 'HEAD') {
		try {
			await logCopy(storage, access.board.id, access.user.id, format);
		} catch (problem) {
			if (!(problem instanceof CopyNotLoggedError)) throw problem;
			log.error('Logging a copy of a plan failed', { board: access.board.id, format, error: String(problem.cause) });
			error(503, NOT_LOGGED_MESSAGE);
		}
	}
	return { copy, access };
}
