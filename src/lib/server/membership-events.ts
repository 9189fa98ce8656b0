/**
 * Tells the realtime endpoints that someone's place on a plan changed (removed, new role),
 * so open connections are checked again at once rather than at their next sign-in.
 */
export type MembershipListener = (boardId: string, userId: string) => void;

export class MembershipEvents {
	private readonly listeners = new Set<MembershipListener>();

	listen(listener: MembershipListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	changed(boardId: string, userId: string): void {
		for (const listener of this.listeners) listener(boardId, userId);
	}
}
