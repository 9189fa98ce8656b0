/**
 * A plan's byte budget: the size of its document (what a new client downloads) may not pass
 * `maxBytes`. Counting exactly means encoding the whole document, so the room keeps an estimate
 * that only grows (each accepted update's size) and measures exactly only when the estimate
 * would pass the budget — and then at most once every few seconds, so a writer at the limit
 * cannot make the server encode the plan on every message.
 */
import * as Y from 'yjs';

const REMEASURE_AFTER_MS = 5_000;

export class PlanBudget {
	private measuredAt = 0;

	constructor(
		private readonly doc: Y.Doc,
		readonly maxBytes: number,
		/** An upper bound of the document's size: its stored state and updates. */
		private estimate: number
	) {}

	/** May an update of this many bytes be added? */
	allows(bytes: number, now = Date.now()): boolean {
		if (this.estimate + bytes <= this.maxBytes) return true;
		if (now - this.measuredAt < REMEASURE_AFTER_MS) return false;
		this.measuredAt = now;
		this.estimate = Y.encodeStateAsUpdate(this.doc).length;
		return this.estimate + bytes <= this.maxBytes;
	}

	/** Counts an accepted update. */
	add(bytes: number): void {
		this.estimate += bytes;
	}
}
