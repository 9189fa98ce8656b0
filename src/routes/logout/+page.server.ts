import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/kit/cookies';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST only: a link or an image cannot sign anyone out.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		if (locals.sessionToken && locals.user) {
			const { storage, sessions } = services();
			await sessions.invalidate(locals.sessionToken);
			await storage.audit.append({ at: Date.now(), actorId: locals.user.id, boardId: null, action: 'session.signed_out', detail: {} });
		}
		clearSessionCookie(event);
		redirect(303, '/');
	}
};
