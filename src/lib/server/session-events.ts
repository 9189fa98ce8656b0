/**
 * Tells the realtime endpoints that sessions ended (signed out here, or everywhere), so open
 * connections of those sessions close at once instead of at their next message. With several
 * instances, an end made here is forwarded to the others, which deliver it too.
 */
export type SessionEnd =
	/** One session ended: its stored id (the token's hash). */
	| { sessionId: string }
	/** Every session of this user ended. */
	| { userId: string };

export type SessionListener = (ended: SessionEnd) => void;

export class SessionEvents {
	private readonly listeners = new Set<SessionListener>();
	private readonly forwarders = new Set<SessionListener>();

	listen(listener: SessionListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Sessions ended on this instance: heard here, and forwarded to every other instance. */
	ended(ended: SessionEnd): void {
		this.deliver(ended);
		for (const forward of this.forwarders) forward(ended);
	}

	/** An end heard from another instance: heard here only. */
	deliver(ended: SessionEnd): void {
		for (const listener of this.listeners) listener(ended);
	}

	forward(to: SessionListener): () => void {
		this.forwarders.add(to);
		return () => this.forwarders.delete(to);
	}
}
