/**
 * What happens on open plans, as the app's live events need it: who has a plan open now, and
 * which updates from members were just stored. The sync endpoint implements it (its rooms
 * know both), joined by the other instances' news when there are several; socket.io listens,
 * for the plan list and notices between visits.
 */
import type { ChangeSummary } from '../board/change-words.js';

/** Members' updates, stored. */
export interface StoredChanges {
	/** The members whose updates these are, in order, each once. */
	readonly writers: readonly string[];
	/** What the updates did, for a notice (read from them when first asked). */
	summary(): ChangeSummary;
}

export type HereListener = (boardId: string, userIds: readonly string[]) => void;
export type StoredListener = (boardId: string, stored: StoredChanges) => void;

export interface BoardActivity {
	/** The users with a plan open now (each once), on every instance. */
	here(boardId: string): readonly string[];
	/** Called when the set of users with a plan open changes. Returns a function that stops it. */
	onHere(listener: HereListener): () => void;
	/** Called after members' updates are stored (never before: the durability rule). */
	onStored(listener: StoredListener): () => void;
}
