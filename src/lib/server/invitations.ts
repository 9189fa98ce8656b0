/** Invitation links: made by whoever manages the plan, single use, expiring, withdrawable. */
import type { AcceptRefusal, BoardRecord, InvitationRecord } from './storage.js';
import type { Role } from '../roles.js';
import { ROLE_SHORT_LABELS } from '../roles.js';
import type { Services } from './services.js';
import type { SessionUser } from './auth/sessions.js';
import { generateToken, hashToken, isWellFormedToken } from './auth/sessions.js';
import { newId } from './ids.js';
import { INVITE, INVITE_PROBLEMS } from '../copy/invite.js';
import { say } from '../copy/say.js';

const DAY = 24 * 60 * 60 * 1000;

export async function createInvitation(
	{ storage, config }: Services,
	by: SessionUser,
	board: BoardRecord,
	input: { role: Role; label: string },
	now = Date.now()
): Promise<{ token: string; invitation: InvitationRecord }> {
	const token = generateToken();
	const invitation: InvitationRecord = {
		id: newId(),
		boardId: board.id,
		tokenHash: hashToken(token),
		role: input.role,
		label: input.label,
		createdBy: by.id,
		createdAt: now,
		expiresAt: now + config.inviteDays * DAY,
		acceptedAt: null,
		acceptedBy: null,
		withdrawnAt: null
	};
	await storage.invitations.create(invitation, {
		at: now,
		actorId: by.id,
		boardId: board.id,
		action: 'invitation.created',
		detail: { invitation: invitation.id, role: input.role }
	});
	return { token, invitation };
}

/** Why a link cannot be used, in words for the person holding it. */
export function invitationProblem(reason: AcceptRefusal, inviteDays: number): { title: string; body: string } {
	const problem = INVITE_PROBLEMS[reason];
	return reason === 'expired' ? { title: problem.title, body: say(INVITE_PROBLEMS.expired.body, { days: describeDays(inviteDays) }) } : problem;
}

/** "1 day", "7 days": how long a link lasts, from the INVITE_DAYS setting. */
export function describeDays(days: number): string {
	return days === 1 ? INVITE.oneDay : say(INVITE.days, { n: days });
}

export interface InvitationView {
	role: Role;
	roleLabel: string;
	personName: string;
	invitedBy: string;
	/** The person whose plan it is sent this invitation themselves. */
	fromThePerson: boolean;
	expiresAt: number;
}

/** What the invitation page shows: who invited me to whose plan, as what; or why it cannot be used. */
export async function describeInvitation(
	{ storage }: Services,
	token: string,
	now = Date.now()
): Promise<{ ok: true; view: InvitationView; invitation: InvitationRecord } | { ok: false; reason: AcceptRefusal }> {
	if (!isWellFormedToken(token)) return { ok: false, reason: 'not_found' };
	const invitation = await storage.invitations.byTokenHash(hashToken(token));
	if (!invitation) return { ok: false, reason: 'not_found' };
	if (invitation.acceptedAt !== null) return { ok: false, reason: 'used' };
	if (invitation.withdrawnAt !== null) return { ok: false, reason: 'withdrawn' };
	if (invitation.expiresAt <= now) return { ok: false, reason: 'expired' };
	const [board, inviter] = await Promise.all([storage.boards.get(invitation.boardId), storage.users.byId(invitation.createdBy)]);
	if (!board) return { ok: false, reason: 'not_found' };
	return {
		ok: true,
		invitation,
		view: {
			role: invitation.role,
			roleLabel: ROLE_SHORT_LABELS[invitation.role],
			personName: invitation.role === 'person' ? invitation.label : board.personName,
			invitedBy: inviter?.name ?? INVITE.someone,
			fromThePerson: board.ownerId !== null && board.ownerId === invitation.createdBy,
			expiresAt: invitation.expiresAt
		}
	};
}

export async function acceptInvitation(
	{ storage, membership }: Services,
	user: SessionUser,
	token: string,
	now = Date.now()
): Promise<{ ok: true; boardId: string } | { ok: false; reason: AcceptRefusal }> {
	if (!isWellFormedToken(token)) return { ok: false, reason: 'not_found' };
	const result = await storage.invitations.accept(hashToken(token), user.id, now, (invitation) => ({
		at: now,
		actorId: user.id,
		boardId: invitation.boardId,
		action: 'invitation.accepted',
		detail: { invitation: invitation.id, role: invitation.role }
	}));
	if (!result.ok) return result;
	// Open boards read their member list again: the newcomer (perhaps the person) can be named now.
	membership.changed(result.invitation.boardId, user.id);
	return { ok: true, boardId: result.invitation.boardId };
}

export async function withdrawInvitation(
	{ storage }: Services,
	by: SessionUser,
	board: BoardRecord,
	invitationId: string,
	now = Date.now()
): Promise<boolean> {
	const invitation = await storage.invitations.byId(invitationId);
	if (!invitation || invitation.boardId !== board.id || invitation.acceptedAt !== null || invitation.withdrawnAt !== null) {
		return false;
	}
	await storage.invitations.withdraw(invitation.id, now, {
		at: now,
		actorId: by.id,
		boardId: board.id,
		action: 'invitation.withdrawn',
		detail: { invitation: invitation.id, role: invitation.role }
	});
	return true;
}
