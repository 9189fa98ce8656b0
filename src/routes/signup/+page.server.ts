import { fail, redirect } from '@sveltejs/kit';
import { signUp } from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/kit/cookies';
import { echo, passwordField, safeNext, textField, readForm } from '$lib/server/forms';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const input = { name: textField(form, 'name'), email: textField(form, 'email'), password: passwordField(form, 'password') };
		const next = safeNext(textField(form, 'next'));
		const result = await signUp(services(), input);
		if (!result.ok) {
			// Give back what was typed, passwords aside.
			return fail(400, { errors: result.errors, values: { name: echo(input.name), email: echo(input.email) }, next });
		}
		const { token, session } = await services().sessions.create(result.user.id);
		setSessionCookie(event, token, session.expiresAt);
		redirect(303, next);
	}
};
