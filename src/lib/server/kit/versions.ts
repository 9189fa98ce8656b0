/**
 * What every version page and action starts with: my access to the plan, the version number
 * from the URL, and the rebuilt version. A number that is not a version of THIS plan is 404,
 * exactly like a plan I am not on, so no page tells anything about another plan.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import type { BoardAccess, BoardAction } from '../permissions.js';
import { decide } from '../permissions.js';
import { services } from '../services.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadVersion, parseSeq, type PlanVersion } from '../versions.js';
import { requireBoard } from './guards.js';

export interface VersionAccess extends BoardAccess {
	user: SessionUser;
	seq: number;
	version: PlanVersion;
}

/** Checks access (`action`), then rebuilds the version. Call `version.done()` when finished. */
export async function requireVersion(event: RequestEvent, action: BoardAction): Promise<VersionAccess> {
	const access = await requireBoard(event, action);
	const seq = parseSeq(event.params.seq);
	if (seq === null) error(404, 'There is no such version of this plan.');
	const version = await loadVersion(services().storage, access.board.id, seq);
	if (!version) error(404, 'There is no such version of this plan.');
	return { ...access, seq, version };
}

/** The members a page may name: everyone, or (for a supporter) the person and themselves. */
export async function visibleMembers({ board, membership }: BoardAccess) {
	const all = await services().storage.members.list(board.id);
	const complete = decide(board, membership, 'viewPeople').ok;
	const shown = complete ? all : all.filter((m) => m.role === 'person' || m.userId === membership.userId);
	return { members: shown.map(({ userId, name, role }) => ({ id: userId, name, role })), complete, all };
}
