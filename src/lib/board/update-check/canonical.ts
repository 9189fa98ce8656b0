/**
 * The shape every stock Yjs encoder gives an update, checked before anything in it is placed:
 * each client's structs in one block of contiguous clocks, no gaps (Skip) and no struct the board
 * already holds part of, and delete ranges sorted, separate and naming only what exists. Yjs would
 * integrate anything else differently from how the check reads it — in pieces, out of order, or
 * half now and half never — so it is refused (or, for a gap, sent again whole after a reconnect).
 */
import * as Y from 'yjs';
import type { DeleteSet } from './yjs-types.js';

type Struct = Y.Item | Y.GC | Y.Skip;

export interface ShapeRefusal {
	readonly kind: 'refused' | 'missing';
	readonly message: string;
}

const refused = (message: string): ShapeRefusal => ({ kind: 'refused', message });
const missing = (message: string): ShapeRefusal => ({ kind: 'missing', message });

/** @returns why the update is not in the shape Yjs encoders write, or null. */
export function findNonCanonical(structs: readonly Struct[], ds: DeleteSet, doc: Y.Doc): ShapeRefusal | null {
	const seen = new Set<number>();
	const ends = new Map<number, number>();
	let client = -1;
	let next = 0;
	for (const struct of structs) {
		const { client: c, clock } = struct.id;
		const known = Y.getState(doc.store, c);
		if (c !== client) {
			if (seen.has(c)) return refused('a client listed twice in one change');
			seen.add(c);
			client = c;
			if (clock > known) return missing('builds on changes this plan does not have');
		} else if (clock !== next) return refused('changes out of order');
		next = clock + struct.length;
		ends.set(c, next);
		if (struct instanceof Y.Skip) return missing('a change with a gap in it');
		if (clock < known && next > known) return missing('overlaps changes this plan already has');
	}
	for (const [c, ranges] of ds.clients) {
		const exists = Math.max(Y.getState(doc.store, c), ends.get(c) ?? 0);
		let end = 0;
		for (const { clock, len } of ranges) {
			if (len <= 0 || clock < end) return refused('deletions out of order');
			end = clock + len;
			if (end > exists) return missing('deletes changes this plan does not have');
		}
	}
	return null;
}
