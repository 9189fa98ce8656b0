import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/kit/cookies';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

// A POST only, from this site's own pages (SvelteKit refuses form posts from other origins).
export const load: PageServerLoad = () => redirect(303, '/account');

export const actions: Actions = {
	/** Ends every session of this account, on every device, and closes their open boards. */
	default: async (event) => {
		const { locals } = event;
		if (locals.user) {
			const { storage, sessions } = services();
			const ended = await sessions.invalidateAll(locals.user.id);
			await storage.audit.append({
				at: Date.now(),
				actorId: locals.user.id,
				boardId: null,
				action: 'session.signed_out_everywhere',
				detail: { sessions: ended }
			});
		}
		clearSessionCookie(event);
		redirect(303, '/?signed-out=1');
	}
};
