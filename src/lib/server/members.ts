/** Changing a member's role and removing a member, as the person (or the creator before them). */
import type { BoardRecord } from './storage.js';
import type { Services } from './services.js';
import type { SessionUser } from './auth/sessions.js';
import { decideRemoval, decideRoleChange, type Decision } from './permissions.js';
import { isRole } from '../roles.js';

const NOT_A_MEMBER: Decision = { ok: false, refusal: 'not_found', message: 'That person is not on this plan any more.' };

export async function changeRole(
	{ storage, membership }: Services,
	by: SessionUser,
	board: BoardRecord,
	userId: string,
	role: string,
	now = Date.now()
): Promise<Decision> {
	const target = await storage.members.get(board.id, userId);
	if (!target) return NOT_A_MEMBER;
	if (!isRole(role)) return { ok: false, refusal: 'forbidden', message: 'Choose clinician, peer advocate or supporter.' };
	const decision = decideRoleChange(target, role);
	if (!decision.ok || target.role === role) return decision;
	await storage.members.setRole(board.id, userId, role, {
		at: now,
		actorId: by.id,
		boardId: board.id,
		action: 'member.role_changed',
		detail: { member: userId, from: target.role, to: role }
	});
	membership.changed(board.id, userId);
	return decision;
}

export async function removeMember(
	{ storage, membership }: Services,
	by: SessionUser,
	board: BoardRecord,
	userId: string,
	now = Date.now()
): Promise<Decision> {
	const target = await storage.members.get(board.id, userId);
	if (!target) return NOT_A_MEMBER;
	const decision = decideRemoval(by.id, target);
	if (!decision.ok) return decision;
	await storage.members.remove(board.id, userId, {
		at: now,
		actorId: by.id,
		boardId: board.id,
		action: 'member.removed',
		detail: { member: userId, role: target.role }
	});
	membership.changed(board.id, userId);
	return decision;
}
