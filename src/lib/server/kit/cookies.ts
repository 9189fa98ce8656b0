/** The session cookie: httpOnly, SameSite=Lax, Secure whenever the site is on https. */
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/sessions.js';

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: number): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
}
