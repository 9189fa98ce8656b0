/**
 * Changes the app makes to a plan on a member's behalf (a restore), sent through the same path
 * as a client's update: the full update check as that member, stored, then relayed live.
 * `server/` provides it when the sync endpoint starts (see services.ts).
 */
import type * as Y from 'yjs';

export type BoardChangeOutcome =
	| { ok: true; changed: boolean }
	/** `refused`: the update check or the plan's limits said no; `failed`: it could not be stored. */
	| { ok: false; reason: 'refused' | 'failed'; message: string };

export interface BoardChanges {
	/**
	 * Runs `change` on a copy of the plan as it is now and, if it changed anything, applies the
	 * update as `userId` would send it. Resolves once the update is stored (and relayed).
	 * `change` returns true if it changed anything.
	 */
	apply(boardId: string, userId: string, change: (doc: Y.Doc) => boolean): Promise<BoardChangeOutcome>;
}
