/** Starting a care plan, for me or with someone. */
import { NEW_PLAN } from '../copy/plans.js';
import type { BoardRecord } from './storage.js';
import type { Services } from './services.js';
import type { SessionUser } from './auth/sessions.js';
import { checkName, type FieldErrors } from './forms.js';
import { newId } from './ids.js';
import { createInvitation } from './invitations.js';

export const PLAN_FOR = ['me', 'someone'] as const;
export type PlanFor = (typeof PLAN_FOR)[number];
/** The roles a creator can take when the plan is someone else's. */
export const CREATOR_ROLES = ['clinician', 'peer_advocate'] as const;
export type CreatorRole = (typeof CREATOR_ROLES)[number];

export interface StartPlanInput {
	planFor: string;
	personName: string;
	myRole: string;
}

export type StartPlanResult =
	| { ok: true; board: BoardRecord; personInviteToken: string | null }
	| { ok: false; errors: FieldErrors };

export async function startPlan(services: Services, user: SessionUser, input: StartPlanInput, now = Date.now()): Promise<StartPlanResult> {
	const errors: FieldErrors = {};
	if (!(PLAN_FOR as readonly string[]).includes(input.planFor)) {
		errors.planFor = NEW_PLAN.chooseWho;
		return { ok: false, errors };
	}
	if (input.planFor === 'someone') {
		const nameProblem = checkName(input.personName, "the person's name");
		if (nameProblem) errors.personName = nameProblem;
		if (!(CREATOR_ROLES as readonly string[]).includes(input.myRole)) errors.myRole = NEW_PLAN.chooseRole;
	}
	if (Object.keys(errors).length) return { ok: false, errors };

	const forMe = input.planFor === 'me';
	const board: BoardRecord = {
		id: newId(),
		personName: forMe ? user.name : input.personName,
		ownerId: forMe ? user.id : null,
		createdBy: user.id,
		createdAt: now
	};
	await services.storage.boards.create(board, forMe ? 'person' : (input.myRole as CreatorRole), {
		at: now,
		actorId: user.id,
		boardId: board.id,
		action: 'board.created',
		detail: { for: forMe ? 'self' : 'someone' }
	});
	if (forMe) return { ok: true, board, personInviteToken: null };

	const { token } = await createInvitation(services, user, board, { role: 'person', label: input.personName }, now);
	return { ok: true, board, personInviteToken: token };
}
