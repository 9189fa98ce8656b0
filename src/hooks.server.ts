// Wiring only: the session cookie becomes `locals.user`.
import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { tryServices } from '$lib/server/services';
import { setSessionCookie } from '$lib/server/kit/cookies';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionToken = null;
	event.locals.sessionEnded = false;
	const token = event.cookies.get(SESSION_COOKIE);
	const services = tryServices();
	if (token && services) {
		const valid = await services.sessions.validate(token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionToken = token;
			if (valid.renewed) setSessionCookie(event, token, valid.session.expiresAt);
		} else {
			event.locals.sessionEnded = true;
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	const response = await resolve(event);
	// Pages hold health information: never let a shared cache keep them.
	if (!response.headers.has('cache-control') && response.headers.get('content-type')?.startsWith('text/html')) {
		response.headers.set('cache-control', 'no-store');
	}
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
};
