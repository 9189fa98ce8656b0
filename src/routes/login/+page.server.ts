import { SIGN_IN } from '$lib/copy/account';
import { fail, redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/kit/cookies';
import { describeWait } from '$lib/server/auth/login-throttle';
import { echo, passwordField, safeNext, textField, readForm } from '$lib/server/forms';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

const GENERIC = SIGN_IN.wrong;

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next, sessionEnded: locals.sessionEnded || url.searchParams.has('ended') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const email = textField(form, 'email');
		const next = safeNext(textField(form, 'next'));
		const values = { email: echo(email) };
		const result = await logIn(services(), {
			email,
			password: passwordField(form, 'password'),
			address: event.getClientAddress()
		});
		if (!result.ok && result.reason === 'throttled') {
			const seconds = Math.ceil(result.retryAfterMs / 1000);
			event.setHeaders({ 'retry-after': String(seconds) });
			return fail(429, {
				message: `There have been too many attempts to sign in. To keep accounts safe, please try again ${describeWait(result.retryAfterMs)}.`,
				values,
				next
			});
		}
		if (!result.ok) return fail(400, { message: GENERIC, values, next });
		setSessionCookie(event, result.token, result.session.expiresAt);
		redirect(303, next);
	}
};
