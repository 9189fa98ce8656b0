/**
 * Who may do what on a care plan: the one place that decides, for pages, form actions,
 * the WebSocket upgrade and socket.io alike. Framework-free: callers turn a refusal into
 * a 404/403 page, a JSON error or a close code.
 *
 * Power to the person: the person manages who takes part (and, until a person has joined,
 * the plan's creator does). Nobody can remove the person or change their role.
 */
import type { HelperRole, Role } from '../roles.js';
import { isHelperRole } from '../roles.js';
import type { BoardRecord, MembershipRecord, Storage } from './storage.js';

export const BOARD_ACTIONS = ['view', 'edit', 'viewPeople', 'managePeople', 'viewAccessLog', 'print', 'exportFhir', 'exportData'] as const;
export type BoardAction = (typeof BOARD_ACTIONS)[number];

/** Refusals, each with the status a route answers with. */
export const Refusal = {
	/** Not a member, or no such plan: the same answer, so a plan's existence is not revealed. */
	NotFound: 'not_found',
	Forbidden: 'forbidden',
	SignedOut: 'signed_out'
} as const;
export type Refusal = (typeof Refusal)[keyof typeof Refusal];

export type Decision = { ok: true } | { ok: false; refusal: Refusal; message: string };

const ALLOW: Decision = { ok: true };
const forbid = (message: string): Decision => ({ ok: false, refusal: Refusal.Forbidden, message });

const ACTION_REFUSALS: Record<BoardAction, string> = {
	view: '',
	edit: 'Supporters can read this plan but not change it.',
	viewPeople: 'Only the person and the people who help write the plan can see who is on it.',
	managePeople: 'Only the person whose plan this is can change who takes part.',
	viewAccessLog: 'Only the person whose plan this is can see who has looked at it.',
	print: '',
	exportFhir: 'Only the person whose plan this is and their clinicians can download it for another service.',
	exportData: 'Only the person whose plan this is can download all of its data.'
};

/** True if this member decides who takes part: the person, or the creator before a person joins. */
export function managesPeople(board: Pick<BoardRecord, 'ownerId' | 'createdBy'>, member: Pick<MembershipRecord, 'userId' | 'role'>): boolean {
	if (member.role === 'person') return true;
	return board.ownerId === null && board.createdBy === member.userId;
}

/** May a member (or nobody) do `action` on this board? */
export function decide(
	board: Pick<BoardRecord, 'ownerId' | 'createdBy'>,
	member: Pick<MembershipRecord, 'userId' | 'role'> | null,
	action: BoardAction
): Decision {
	if (!member) return { ok: false, refusal: Refusal.NotFound, message: 'We could not find that care plan.' };
	switch (action) {
		case 'view':
		// Anyone who may read the plan may take it away on paper.
		case 'print':
			return ALLOW;
		case 'edit':
		case 'viewPeople':
			return member.role === 'supporter' ? forbid(ACTION_REFUSALS[action]) : ALLOW;
		case 'managePeople':
			return managesPeople(board, member) ? ALLOW : forbid(ACTION_REFUSALS.managePeople);
		// The access log is the person's; before a person joins, the creator looks after the plan.
		case 'viewAccessLog':
			return managesPeople(board, member) ? ALLOW : forbid(ACTION_REFUSALS.viewAccessLog);
		// A copy for another service's records: the person's choice, or a clinician's, whose work
		// is to keep care records. Peer advocates and supporters can print it instead.
		case 'exportFhir':
			return member.role === 'person' || member.role === 'clinician' ? ALLOW : forbid(ACTION_REFUSALS.exportFhir);
		// The person's right of access: only they get everything, history and access log too.
		case 'exportData':
			return member.role === 'person' ? ALLOW : forbid(ACTION_REFUSALS.exportData);
	}
}

/** May the manager give someone this role by invitation? Only one person, ever. */
export function decideInvite(board: Pick<BoardRecord, 'ownerId'>, role: Role): Decision {
	if (role === 'person') {
		return board.ownerId === null ? ALLOW : forbid('This plan already has its person.');
	}
	return isHelperRole(role) ? ALLOW : forbid('That is not a role on a care plan.');
}

/** May the manager change this member's role to `role`? */
export function decideRoleChange(target: Pick<MembershipRecord, 'role'>, role: Role): Decision {
	if (target.role === 'person') return forbid("Nobody can change the person's role: the plan is theirs.");
	if (!isHelperRole(role)) return forbid('Only clinician, peer advocate or supporter can be given.');
	return ALLOW;
}

/** May the manager remove this member? Not the person, and not themselves while they manage. */
export function decideRemoval(actorId: string, target: Pick<MembershipRecord, 'role' | 'userId'>): Decision {
	if (target.role === 'person') return forbid('Nobody can remove the person from their own plan.');
	if (target.userId === actorId) return forbid('You manage this plan, so you cannot remove yourself.');
	return ALLOW;
}

export interface BoardAccess {
	board: BoardRecord;
	membership: MembershipRecord;
}

/** Loads the board and the user's membership and decides; a missing board reads as not found. */
export async function authorizeBoard(
	storage: Storage,
	userId: string | null,
	boardId: string,
	action: BoardAction
): Promise<{ ok: true; access: BoardAccess } | { ok: false; refusal: Refusal; message: string }> {
	if (!userId) return { ok: false, refusal: Refusal.SignedOut, message: 'Please sign in to see this care plan.' };
	if (!isBoardId(boardId)) return { ok: false, refusal: Refusal.NotFound, message: 'We could not find that care plan.' };
	const [board, membership] = await Promise.all([storage.boards.get(boardId), storage.members.get(boardId, userId)]);
	if (!board || !membership) return { ok: false, refusal: Refusal.NotFound, message: 'We could not find that care plan.' };
	const decision = decide(board, membership, action);
	if (!decision.ok) return decision;
	return { ok: true, access: { board, membership } };
}

/** Board ids are 20 base32 characters; anything else is not looked up. */
export function isBoardId(value: string): boolean {
	return /^[a-z2-7]{20}$/.test(value);
}

export type { HelperRole };
