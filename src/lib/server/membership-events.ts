/**
 * Tells the realtime endpoints that someone's place on a plan changed (removed, new role),
 * so open connections are checked again at once rather than at their next sign-in. With
 * several instances, a change made here is forwarded to the others, which deliver it too.
 */
export type MembershipListener = (boardId: string, userId: string) => void;

export class MembershipEvents {
	private readonly listeners = new Set<MembershipListener>();
	private readonly forwarders = new Set<MembershipListener>();

	listen(listener: MembershipListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** A change made on this instance: heard here, and forwarded to every other instance. */
	changed(boardId: string, userId: string): void {
		this.deliver(boardId, userId);
		for (const forward of this.forwarders) forward(boardId, userId);
	}

	/** A change heard from another instance: heard here only. */
	deliver(boardId: string, userId: string): void {
		for (const listener of this.listeners) listener(boardId, userId);
	}

	/** Sends this instance's own changes on (to the other instances). */
	forward(to: MembershipListener): () => void {
		this.forwarders.add(to);
		return () => this.forwarders.delete(to);
	}
}
