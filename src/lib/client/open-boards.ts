/**
 * The boards open in this page, so signing out can ask first when one holds changes the
 * server has not confirmed, and close them before their device copies are deleted.
 */
export interface OpenBoard {
	readonly unsynced: boolean;
	/** Stops sharing and lets go of the device copy. */
	destroy(): void;
}

const open = new Set<OpenBoard>();

export function registerOpenBoard(board: OpenBoard): () => void {
	open.add(board);
	return () => open.delete(board);
}

/** True if any open board holds changes not yet stored by the server. */
export function anyUnsynced(): boolean {
	return [...open].some((board) => board.unsynced);
}

/** Closes every open board (before its device copy is deleted). */
export function closeOpenBoards(): void {
	for (const board of [...open]) board.destroy();
	open.clear();
}
