/**
 * What happens on open plans, as the app's live events need it: who has a plan open now, and
 * which updates from members were just stored. The sync endpoint implements it (its rooms
 * know both); socket.io listens, for the plan list and notices between visits.
 */

/** An update from a member, stored. */
export interface StoredChange {
	readonly userId: string;
	readonly data: Uint8Array;
}

export type HereListener = (boardId: string, userIds: readonly string[]) => void;
export type StoredListener = (boardId: string, changes: readonly StoredChange[]) => void;

export interface BoardActivity {
	/** The users with a plan open on this instance now (each once). */
	here(boardId: string): readonly string[];
	/** Called when the set of users with a plan open changes. Returns a function that stops it. */
	onHere(listener: HereListener): () => void;
	/** Called after members' updates are stored (never before: the durability rule). */
	onStored(listener: StoredListener): () => void;
}
