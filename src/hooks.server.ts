// Wiring only: the session cookie becomes `locals.user`; every response gets the security headers;
// the board page is compressed.
import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { tryServices } from '$lib/server/services';
import { setSessionCookie } from '$lib/server/kit/cookies';
import { applySecurityHeaders } from '$lib/server/kit/security-headers';
import { compressPage } from '$lib/server/kit/compress-page';

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
	applySecurityHeaders(response.headers, event.url.protocol === 'https:');
	return compressPage(event, response);
};
