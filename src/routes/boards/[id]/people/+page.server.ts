import { PEOPLE } from '$lib/copy/people';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireBoard } from '$lib/server/kit/guards';
import { checkName, echo, textField, readForm } from '$lib/server/forms';
import { takeInviteFlash, setInviteFlash } from '$lib/server/kit/invite-flash';
import { createInvitation, describeDays, withdrawInvitation } from '$lib/server/invitations';
import { changeRole, removeMember } from '$lib/server/members';
import { decideInvite } from '$lib/server/permissions';
import { isRole } from '$lib/roles';
import { services } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { board } = await requireBoard(event, 'viewPeople');
	const { storage, config } = services();
	const [members, pending] = await Promise.all([storage.members.list(board.id), storage.invitations.listPending(board.id, Date.now())]);
	return {
		members: members.map(({ userId, name, role }) => ({ userId, name, role })),
		invitations: pending.map(({ id, role, label, expiresAt }) => ({ id, role, label, expiresAt })),
		newInviteLink: takeInviteFlash(event, board.id),
		inviteLasts: describeDays(config.inviteDays)
	};
};

/** Every action here changes who takes part, so each starts with the manage check. */
export const actions: Actions = {
	invite: async (event) => {
		const { board, user } = await requireBoard(event, 'managePeople');
		const form = await readForm(event.request);
		const role = textField(form, 'role');
		const label = textField(form, 'label');
		const values = { role, label: echo(label) };
		const errors: Record<string, string> = {};
		if (!isRole(role)) errors.role = PEOPLE.chooseRole;
		const labelProblem = checkName(label, 'who the link is for');
		if (labelProblem) errors.label = labelProblem;
		if (!isRole(role) || Object.keys(errors).length) return fail(400, { action: 'invite', errors, values });
		const decision = decideInvite(board, role);
		if (!decision.ok) return fail(400, { action: 'invite', errors: { role: decision.message }, values });
		const { token } = await createInvitation(services(), user, board, { role, label });
		setInviteFlash(event, board.id, token);
		redirect(303, `/boards/${board.id}/people`);
	},
	withdraw: async (event) => {
		const { board, user } = await requireBoard(event, 'managePeople');
		const form = await readForm(event.request);
		const done = await withdrawInvitation(services(), user, board, textField(form, 'invitation'));
		if (!done) return fail(400, { action: 'withdraw', message: PEOPLE.alreadyUsed });
		redirect(303, `/boards/${board.id}/people`);
	},
	role: async (event) => {
		const { board, user } = await requireBoard(event, 'managePeople');
		const form = await readForm(event.request);
		const decision = await changeRole(services(), user, board, textField(form, 'member'), textField(form, 'role'));
		if (!decision.ok) {
			if (decision.refusal === 'forbidden') error(403, decision.message);
			return fail(400, { action: 'role', message: decision.message });
		}
		redirect(303, `/boards/${board.id}/people`);
	},
	remove: async (event) => {
		const { board, user } = await requireBoard(event, 'managePeople');
		const form = await readForm(event.request);
		const decision = await removeMember(services(), user, board, textField(form, 'member'));
		if (!decision.ok) {
			if (decision.refusal === 'forbidden') error(403, decision.message);
			return fail(400, { action: 'remove', message: decision.message });
		}
		redirect(303, `/boards/${board.id}/people`);
	}
};
