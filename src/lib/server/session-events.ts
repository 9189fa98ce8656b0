/**
 * Tells the realtime endpoints that sessions ended (signed out here, or everywhere), so open
 * connections of those sessions close at once instead of at their next message.
 */
export type SessionEnd =
	/** One session ended: its stored id (the token's hash). */
	| { sessionId: string }
	/** Every session of this user ended. */
	| { userId: string };

export type SessionListener = (ended: SessionEnd) => void;

export class SessionEvents {
	private readonly listeners = new Set<SessionListener>();

	listen(listener: SessionListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	ended(ended: SessionEnd): void {
		for (const listener of this.listeners) listener(ended);
	}
}
