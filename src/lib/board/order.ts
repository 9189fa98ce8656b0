/**
 * Ordering inside a section: each item holds a fractional-index string `order`; the
 * section's order is items sorted by `order`, ties broken by `id`. Ties happen when two
 * clients insert at the same place at once (they compute the same key); the id rule
 * makes every replica show the same order anyway.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** The part of an item that decides its position. */
export interface OrderEntry {
	readonly id: string;
	readonly order: string;
}

/** Where to put an item, plus any neighbours that must get new keys to make room. */
export interface Placement {
	readonly key: string;
	readonly rekeyed: readonly OrderEntry[];
}

/** Sort comparator: by `order`, then `id` (plain code-unit comparison, as the keys require). */
export function compareOrder(a: OrderEntry, b: OrderEntry): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

/** True if `key` is a key fractional-indexing accepts (rejects junk written by a bad client). */
export function isValidOrderKey(key: unknown): key is string {
	if (typeof key !== 'string' || key.length === 0 || key.length > 1000) return false;
	try {
		generateKeyBetween(key, null); // validates its first argument
		return true;
	} catch {
		return false;
	}
}

/**
 * Computes the key for inserting an item at `index` of `sorted` (which must not contain
 * the item itself).
 */
export function placeAt(sorted: readonly OrderEntry[], index: number): Placement {
	const at = Math.max(0, Math.min(index, sorted.length));
	try {
		return placeFast(sorted, at);
	} catch {
		return rebalance(sorted, at);
	}
}

function placeFast(sorted: readonly OrderEntry[], at: number): Placement {
	const lo = at > 0 ? sorted[at - 1]!.order : null;
	const hi = at < sorted.length ? sorted[at]!.order : null;
	if (lo === null || hi === null || lo < hi) return { key: generateKeyBetween(lo, hi), rekeyed: [] };
	// lo === hi: the neighbours tie, so no key fits strictly between them. Give the new
	// item and the tied run after it fresh keys between lo and the next larger key.
	let end = at;
	while (end < sorted.length && sorted[end]!.order === lo) end++;
	const upper = end < sorted.length ? sorted[end]!.order : null;
	const keys = generateNKeysBetween(lo, upper, 1 + end - at);
	const rekeyed = sorted.slice(at, end).map((e, i) => ({ id: e.id, order: keys[i + 1]! }));
	return { key: keys[0]!, rekeyed };
}

// Fallback when some stored key is invalid: give every item a fresh key in current order.
function rebalance(sorted: readonly OrderEntry[], at: number): Placement {
	const keys = generateNKeysBetween(null, null, sorted.length + 1);
	const rekeyed: OrderEntry[] = [];
	sorted.forEach((e, i) => {
		const order = keys[i < at ? i : i + 1]!;
		if (order !== e.order) rekeyed.push({ id: e.id, order });
	});
	return { key: keys[at]!, rekeyed };
}
