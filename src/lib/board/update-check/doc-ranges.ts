/** Walking the board's own structs that a delete set names. */
import * as Y from 'yjs';
import type { DeleteSet } from './yjs-types.js';

/** How many clocks of [clock, clock + length) fall inside a struct. */
export function overlap(struct: { id: Y.ID; length: number }, clock: number, length: number): number {
	return Math.max(0, Math.min(struct.id.clock + struct.length, clock + length) - Math.max(struct.id.clock, clock));
}

/** The board's live (not yet deleted) items that a delete set would delete, with how much of each. */
export function* liveItemsDeletedBy(ds: DeleteSet, doc: Y.Doc): Generator<{ item: Y.Item; count: number }> {
	for (const [client, ranges] of ds.clients) {
		const structs = doc.store.clients.get(client);
		if (!structs?.length) continue;
		const known = Y.getState(doc.store, client);
		for (const { clock, len } of ranges) {
			if (clock >= known) continue;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
				const struct = structs[i];
				if (struct instanceof Y.Item && !struct.deleted) yield { item: struct, count: overlap(struct, clock, len) };
			}
		}
	}
}
