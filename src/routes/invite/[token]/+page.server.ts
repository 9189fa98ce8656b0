import { fail, redirect } from '@sveltejs/kit';
import { acceptInvitation, describeInvitation, invitationProblem } from '$lib/server/invitations';
import { requireUser } from '$lib/server/kit/guards';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const described = await describeInvitation(services(), params.token);
	if (!described.ok) return { problem: invitationProblem(described.reason, services().config.inviteDays), invitation: null, signedIn: Boolean(locals.user) };
	const { view } = described;
	return {
		problem: null,
		invitation: {
			role: view.role,
			roleLabel: view.roleLabel,
			personName: view.personName,
			invitedBy: view.invitedBy,
			fromThePerson: view.fromThePerson,
			expiresAt: view.expiresAt
		},
		signedIn: Boolean(locals.user),
		here: url.pathname
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const result = await acceptInvitation(services(), user, event.params.token);
		if (!result.ok) {
			if (result.reason === 'already_member') {
				const described = await describeInvitation(services(), event.params.token);
				if (described.ok) redirect(303, `/boards/${described.invitation.boardId}`);
			}
			return fail(400, { problem: invitationProblem(result.reason, services().config.inviteDays) });
		}
		redirect(303, `/boards/${result.boardId}`);
	}
};
