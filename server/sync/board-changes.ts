/**
 * The app's changes on a member's behalf (a restore) go through a room exactly as a client's
 * update does: drafted on a copy of the plan as it is now, judged by the full update check as
 * that member, stored, then relayed to everyone on the plan. The change joins the room as a
 * connection of its own, so a board nobody has open is loaded for it and closed after.
 */
import { draftUpdate } from '../../src/lib/board/index.js';
import type { BoardChanges } from '../../src/lib/server/board-changes.js';
import { authorizeBoard } from '../../src/lib/server/permissions.js';
import type { Storage } from '../../src/lib/server/storage.js';
import type { BoardRoom, RoomConnection } from './room.js';
import type { RoomRegistry } from './rooms.js';
import { UpdateRefused } from './update-refusal.js';

/** A connection that sends nothing and hears nothing: one change, then it leaves. */
class ChangeConnection implements RoomConnection {
	readonly awarenessIds = new Set<number>();
	canWrite = true;
	canSeePeople = false;
	closedWith: string | null = null;

	constructor(
		readonly id: number,
		readonly userId: string
	) {}

	send(): void {}

	close(_code: number, reason: string): void {
		this.closedWith = reason;
	}
}

export function createBoardChanges(rooms: RoomRegistry, storage: Storage): BoardChanges {
	// Negative ids never meet a socket's (those count up from 1).
	let nextId = -1;
	return {
		async apply(boardId, userId, change) {
			// Checked again here, as a socket's write is: the caller's check may be a moment old.
			const allowed = await authorizeBoard(storage, userId, boardId, 'edit');
			if (!allowed.ok) return { ok: false, reason: 'refused', message: allowed.message };
			const connection = new ChangeConnection(nextId--, userId);
			let room: BoardRoom | null = null;
			try {
				await rooms.join(boardId, (joined) => {
					room = joined;
					return connection;
				});
			} catch {
				return { ok: false, reason: 'failed', message: 'The plan could not be opened.' };
			}
			const joined = room as BoardRoom | null;
			if (!joined) return { ok: false, reason: 'failed', message: 'The plan could not be opened.' };
			try {
				const { update, result } = draftUpdate(joined.doc, change);
				if (!update || !result) return { ok: true, changed: false };
				await joined.applyClientUpdate(connection, update);
				await joined.whenFlushed();
				if (connection.closedWith !== null) return { ok: false, reason: 'failed', message: 'That could not be saved. Please try again.' };
				return { ok: true, changed: true };
			} catch (error) {
				if (error instanceof UpdateRefused) return { ok: false, reason: 'refused', message: error.message };
				throw error;
			} finally {
				joined.remove(connection);
			}
		}
	};
}
