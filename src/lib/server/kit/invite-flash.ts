/**
 * A new invitation link is shown once, on the page the form redirects to. Only its hash is
 * stored, so the link travels in a short-lived httpOnly cookie scoped to that page.
 */
import type { RequestEvent } from '@sveltejs/kit';

const COOKIE = 'wm_new_invite';

function peoplePath(boardId: string): string {
	return `/boards/${boardId}/people`;
}

export function setInviteFlash(event: RequestEvent, boardId: string, token: string): void {
	event.cookies.set(COOKIE, token, {
		path: peoplePath(boardId),
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: 300
	});
}

/** The link made just before this page load, once; then forgotten. */
export function takeInviteFlash(event: RequestEvent, boardId: string): string | null {
	const token = event.cookies.get(COOKIE);
	if (!token) return null;
	event.cookies.delete(COOKIE, { path: peoplePath(boardId) });
	return `${event.url.origin}/invite/${token}`;
}
