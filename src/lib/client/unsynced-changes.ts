/**
 * Which changes on this device the server has confirmed, as pure rules over Yjs state
 * vectors (client id → clock). The server answers a sync step 1 only once everything it
 * received before is stored, so its answer confirms what this device had when it asked.
 */
export type StateVector = Map<number, number>;

/** Everything either vector has seen. */
export function mergeVectors(a: StateVector, b: StateVector): StateVector {
	const merged = new Map(a);
	for (const [client, clock] of b) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
	return merged;
}

/** True if `local` holds a change that `confirmed` does not: something not yet stored by the server. */
export function hasUnconfirmed(local: StateVector, confirmed: StateVector): boolean {
	for (const [client, clock] of local) if (clock > (confirmed.get(client) ?? 0)) return true;
	return false;
}

/**
 * The server's answers (sync step 2) come in the order of this device's questions (step 1).
 * A question is either the provider's own on connecting (confirms nothing: this device's diff
 * is sent after it) or one of ours, carrying what this device had when it was asked.
 */
export class ConfirmationQueue {
	private asked: (StateVector | null)[] = [];

	/** A new connection: earlier questions will never be answered. The provider asks first. */
	connected(): void {
		this.asked = [null];
	}

	ask(local: StateVector): void {
		this.asked.push(local);
	}

	get waiting(): boolean {
		return this.asked.some((v) => v !== null);
	}

	/** An answer arrived: what it confirms, or null. */
	answered(): StateVector | null {
		return this.asked.shift() ?? null;
	}
}
