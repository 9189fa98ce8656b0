/** Route guards: turn the permission module's decisions into SvelteKit answers. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions.js';
import { authorizeBoard, Refusal, type BoardAccess, type BoardAction } from '../permissions.js';
import { services } from '../services.js';

function toLogin(event: RequestEvent): never {
	const next = event.url.pathname + event.url.search;
	// The cookie of an ended session is cleared on this answer, so the reason travels in the URL.
	const ended = event.locals.sessionEnded ? '&ended=1' : '';
	redirect(303, `/login?next=${encodeURIComponent(next)}${ended}`);
}

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export function requireUser(event: RequestEvent): SessionUser {
	if (!event.locals.user) toLogin(event);
	return event.locals.user;
}

/** The board and my membership if I may do `action`; 404 if I am not on it, 403 if my role may not. */
export async function requireBoard(event: RequestEvent, action: BoardAction): Promise<BoardAccess & { user: SessionUser }> {
	const user = requireUser(event);
	const result = await authorizeBoard(services().storage, user.id, event.params.id ?? '', action);
	if (result.ok) return { ...result.access, user };
	if (result.refusal === Refusal.SignedOut) toLogin(event);
	error(result.refusal === Refusal.NotFound ? 404 : 403, result.message);
}
