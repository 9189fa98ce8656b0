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
			// Also closes this session's open boards, in every tab, at once.
			await sessions.invalidate(locals.sessionToken);
			await storage.audit.append({ at: Date.now(), actorId: locals.user.id, boardId: null, action: 'session.signed_out', detail: {} });
		}
		clearSessionCookie(event);
		// The page it lands on clears this browser's copies of plans (in case the page that sent
		// the form could not finish doing so).
		redirect(303, '/?signed-out=1');
	}
};
