import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { echo, textField, readForm } from '$lib/server/forms';
import { setInviteFlash } from '$lib/server/kit/invite-flash';
import { startPlan } from '$lib/server/plans';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const input = { planFor: textField(form, 'planFor'), personName: textField(form, 'personName'), myRole: textField(form, 'myRole') };
		const result = await startPlan(services(), user, input);
		if (!result.ok) {
			return fail(400, { errors: result.errors, values: { ...input, personName: echo(input.personName) } });
		}
		if (result.personInviteToken) {
			setInviteFlash(event, result.board.id, result.personInviteToken);
			redirect(303, `/boards/${result.board.id}/people`);
		}
		redirect(303, `/boards/${result.board.id}`);
	}
};
